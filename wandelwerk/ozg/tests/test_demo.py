"""The OZG demo: registers of a realistic size and shape, a level history, and idempotence.

The municipalities and the OZG registers are built once per module, in a transaction rolled back
at the end.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction

from wandelwerk.accounts import demo as accounts_demo
from wandelwerk.organisation import demo as organisation_demo
from wandelwerk.ozg import demo
from wandelwerk.ozg.models import AdministrativeService, MaturityChange, Milestone
from wandelwerk.tenants import tenancy
from wandelwerk.tenants.models import Municipality

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def built(django_db_setup: Any, django_db_blocker: Any) -> Iterator[str]:
    with django_db_blocker.unblock(), transaction.atomic():
        out = io.StringIO()
        accounts_demo.build_demo(out)
        organisation_demo.build_demo(out)
        demo.build_demo(out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def musterstadt(built: str, db: Any) -> Iterator[Municipality]:
    municipality = Municipality.objects.get(slug="musterstadt")
    with tenancy.activate(municipality):
        yield municipality


def unit_of(name: str) -> str:
    service = AdministrativeService.objects.select_related("org_unit").get(name=name)
    assert service.org_unit is not None
    return service.org_unit.name


def test_musterstadt_has_about_400_services_mostly_below_level_3(musterstadt):
    services = list(AdministrativeService.objects.all())
    assert len(services) == 400
    levels = Counter(s.maturity_level for s in services)
    assert sum(levels[n] for n in (0, 1, 2)) / len(services) >= 0.7
    assert levels[3] > 0 and levels[4] > 0
    assert all(s.target_level >= s.maturity_level for s in services)
    assert sum(s.efa_reuse for s in services) >= 10
    assert sum(s.is_own for s in services) >= 5
    assert all(s.org_unit_id and s.cases_per_year and s.minutes_per_case for s in services)
    assert {s.target_group for s in services} == {"citizens", "businesses", "internal"}


def test_services_sit_in_the_unit_that_does_them(musterstadt):
    assert unit_of("Wohnsitz Anmeldung") == "Bürgerbüro"
    assert unit_of("Personalausweis Ausstellung") == "Bürgerbüro"
    assert unit_of("Geburtsurkunde Ausstellung") == "Standesamt"
    assert unit_of("Baugenehmigung Erteilung") == "Bauordnung"
    assert unit_of("Gewerbe Anmeldung") == "Ordnungsamt und Gewerbe"
    assert unit_of("Hundesteuer Festsetzung") == "Steuern und Abgaben"
    meldewesen = AdministrativeService.objects.get(name="Wohnsitz Anmeldung")
    assert meldewesen.it_system is not None
    assert meldewesen.it_system.name == "Einwohnermeldeverfahren"


def test_case_volumes_fit_a_town_of_25000(musterstadt):
    cases = {s.name: s.cases_per_year for s in AdministrativeService.objects.all()}
    assert 1_500 <= cases["Wohnsitz Anmeldung"] <= 3_000
    assert 2_000 <= cases["Personalausweis Ausstellung"] <= 3_500
    assert 100 <= cases["Baugenehmigung Erteilung"] <= 250
    assert 150 <= cases["Gewerbe Anmeldung"] <= 400
    biggest = sorted(cases.values())[-20:]
    assert all(n >= 500 for n in biggest)
    assert sorted(cases.values())[len(cases) // 2] < 100  # most services are rare


def test_every_service_has_a_level_history_ending_in_its_level(musterstadt):
    last: dict[int, int] = {}
    first_dates = []
    for change in MaturityChange.objects.order_by("date", "id"):
        if change.service_id not in last:
            first_dates.append(change.date)
        last[change.service_id] = change.level
    services = list(AdministrativeService.objects.all())
    assert all(last[s.pk] == s.maturity_level for s in services)
    assert MaturityChange.objects.count() > len(services)  # levels changed over time
    assert (max(first_dates) - min(first_dates)).days < 120
    online = [s for s in services if s.maturity_level >= 3]
    assert all(s.online_since is not None for s in online)


def test_services_below_target_have_milestones(musterstadt):
    with_milestones = set(Milestone.objects.values_list("service_id", flat=True))
    below = AdministrativeService.objects.filter(maturity_level__lt=3).values_list("pk", flat=True)
    assert len(with_milestones & set(below)) >= 40


def test_beispieldorf_has_a_smaller_register_without_the_kreis_tasks(built):
    municipality = Municipality.objects.get(slug="beispieldorf")
    with tenancy.activate(municipality):
        names = set(AdministrativeService.objects.values_list("name", flat=True))
        assert 70 <= len(names) <= 90
        assert "Wohnsitz Anmeldung" in names
        assert "Baugenehmigung Erteilung" not in names  # Bauaufsicht of the Kreis
        anmeldung = AdministrativeService.objects.get(name="Wohnsitz Anmeldung")
        assert 200 <= (anmeldung.cases_per_year or 0) <= 500


def test_running_the_demo_again_changes_nothing(built):
    def snapshot() -> list[tuple[Any, ...]]:
        return list(
            AdministrativeService.objects.unscoped()
            .order_by("pk")
            .values_list("pk", "name", "maturity_level", "cases_per_year")
        )

    before = snapshot(), MaturityChange.objects.unscoped().count()
    out = io.StringIO()
    demo.build_demo(out)
    assert (snapshot(), MaturityChange.objects.unscoped().count()) == before
    assert out.getvalue() == ""


def test_the_register_holds_only_what_the_town_s_tier_carries_out(musterstadt):
    # Musterstadt is a Mittlere kreisangehörige Stadt: its own Bauaufsicht, but no
    # Gesundheitsamt, no Ausländerbehörde, no chamber's examinations
    carriers = set(AdministrativeService.objects.values_list("leika_entry__carrier", flat=True))
    assert carriers <= {"gemeinde", "mittlere", None}
    assert not AdministrativeService.objects.filter(name__startswith="Gesellenprüfung").exists()
