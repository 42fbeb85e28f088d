"""Funding programmes: recorded by the provider for all or by a municipality for itself; a funded
measure is planned within the programme's period, and the plan, the scenario's budget rows and
the council report count the funding apart from the own funds."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from wandelwerk.measures.models import FundingProgramme
from wandelwerk.measures.tests.factories import MeasureFactory
from wandelwerk.roadmap import queries as roadmap
from wandelwerk.roadmap.planning import plan_scenario
from wandelwerk.roadmap.tests.factories import ScenarioFactory
from wandelwerk.tenants import tenancy

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 30)


def _programme(municipality=None, **values) -> FundingProgramme:
    values = {"name": "Digitale Kommune", "rate": 60, "spend_by": dt.date(2027, 12, 31), **values}
    return FundingProgramme.objects.create(municipality=municipality, **values)


def test_a_funded_measure_ends_within_the_programme_and_the_budget_bears_only_own_funds(home):
    # The provider's, for all: spent in the second half of 2027 only.
    programme = _programme(cap_eur=50_000, spend_from=dt.date(2027, 7, 1))
    first = MeasureFactory(municipality=home, title="Vorarbeit", benefit=10, budget_eur=1000)
    funded = MeasureFactory(
        municipality=home, title="E-Rechnung", benefit=1, budget_eur=100_000, funding=programme
    )
    others = [MeasureFactory(municipality=home, benefit=9, internal_days=100) for _ in range(3)]
    scenario = ScenarioFactory(
        municipality=home, start_year=2027, start_half=1, periods=6,
        internal_days_per_period=100, budget_per_year=100_000,
    )  # fmt: skip
    with tenancy.activate(home):
        plan = plan_scenario(scenario, today=TODAY, time_limit=5)
    with tenancy.activate(home):
        items = {p.measure_id: p for p in roadmap.placements(plan)}
    placed = items[funded.pk]
    # Unfunded it would start at once (1. Hj. 2027); the programme's period is 2. Hj. 2027.
    assert placed.start_half_year.label == placed.end_half_year.label == "2. Hj. 2027"
    assert placed.programme == "Digitale Kommune"
    assert sum(placed.funding.values()) == 50_000  # 60 % of 100,000, capped at 50,000
    assert sum(placed.costs.values()) == 50_000  # the own funds
    use = roadmap.capacity_use(plan, list(items.values()))
    assert use.funded and sum(y.funded for y in use.years) == 50_000
    assert sum(y.used for y in use.years) == 51_000  # own funds of both measures
    assert first.pk in items and all(o.pk in items for o in others)


def test_the_scenario_and_the_report_show_funding_beside_own_funds(client, users, home):
    programme = _programme()
    MeasureFactory(municipality=home, budget_eur=10_000, funding=programme)
    scenario = ScenarioFactory(municipality=home, start_year=2027, start_half=1, periods=4)
    with tenancy.activate(home):
        plan_scenario(scenario, today=TODAY, time_limit=3)
    client.force_login(users["viewer"])
    page = client.get(reverse("roadmap:scenario_detail", args=[home.slug, scenario.pk]))
    assert "Fördermittel (€)" in page.content.decode() and "6.000" in page.content.decode()
    report = client.get(reverse("reports:document", args=[home.slug])).content.decode()
    assert "Fördermittel (€)" in report and "Eigenmittel (€)" in report


def test_municipalities_record_their_own_programmes_and_only_the_provider_edits_its_own(
    client, users, home, other
):
    theirs = _programme(other, name="Anderdorfs Programm")
    providers = _programme(name="Landesprogramm")
    client.force_login(users["editor"])
    create = reverse("measures:funding_create", args=[home.slug])
    values = {
        "name": "Eigenes Programm",
        "rate": 40,
        "spend_by": "2028-06-30",
        "areas": ["digital"],
    }
    assert client.post(create, values).status_code == 302
    own = FundingProgramme.objects.get(name="Eigenes Programm")
    assert own.municipality == home and own.areas == ["digital"]
    page = client.get(reverse("measures:funding", args=[home.slug])).content.decode()
    assert "Landesprogramm" in page and "Anderdorfs Programm" not in page
    assert (
        client.get(reverse("measures:funding_update", args=[home.slug, providers.pk])).status_code
        == 403
    )
    assert (
        client.get(reverse("measures:funding_update", args=[home.slug, theirs.pk])).status_code
        == 404
    )
    client.force_login(users["consultant"])
    url = reverse("measures:funding_update", args=[home.slug, providers.pk])
    assert client.get(url).status_code == 200


def test_a_measure_takes_only_a_programme_for_its_area(client, users, home):
    programme = _programme(areas=["knowledge"])
    client.force_login(users["editor"])
    url = reverse("measures:measure_create", args=[home.slug])
    response = client.post(
        url, {"title": "Portal", "area": "digital", "duration": 1, "internal_days": 0,
              "provider_days": 0, "budget_eur": 1000, "benefit": 5, "funding": programme.pk},
    )  # fmt: skip
    assert "fördert diese Maßnahme nicht" in response.content.decode()


def test_a_programme_for_certain_catalogue_measures_takes_only_those(client, users, home):
    from wandelwerk.measures.models import Measure
    from wandelwerk.measures.tests.factories import MeasureTemplateFactory

    eakte = MeasureTemplateFactory(key="e-akte-pilot", area="digital")
    other = MeasureTemplateFactory(key="website-relaunch", area="digital")
    programme = _programme(areas=["digital"], template_keys=["e-akte-pilot"])
    client.force_login(users["editor"])
    values = {"area": "digital", "duration": 1, "internal_days": 0, "provider_days": 0,
              "budget_eur": 1000, "benefit": 5, "funding": programme.pk}  # fmt: skip
    funded = MeasureFactory(municipality=home, title="Pilot", area="digital", template=eakte)
    relaunch = MeasureFactory(municipality=home, title="Relaunch", area="digital", template=other)
    for measure, allowed in ((funded, True), (relaunch, False)):
        url = reverse("measures:measure_update", args=[home.slug, measure.pk])
        response = client.post(
            url, {**values, "title": measure.title, "_stand": client.get(url).context["stand"]}
        )
        assert ("fördert diese Maßnahme nicht" in response.content.decode()) is not allowed
    own = client.post(
        reverse("measures:measure_create", args=[home.slug]), {**values, "title": "Eigenes"}
    )
    assert "fördert diese Maßnahme nicht" in own.content.decode()
    assert Measure.objects.unscoped().get(pk=funded.pk).funding == programme
    # The provider's form offers the catalogue grouped by area.
    client.force_login(users["provider_admin"])
    page = client.get(reverse("measures:funding_update", args=[home.slug, programme.pk]))
    assert "förderfähige Maßnahmen (Katalog)" in page.content.decode()


def test_the_plan_warns_when_the_application_deadline_has_passed(client, users, home):
    programme = _programme(apply_by=dt.date(2026, 10, 31))
    MeasureFactory(municipality=home, title="E-Akte", budget_eur=10_000, funding=programme)
    scenario = ScenarioFactory(municipality=home, start_year=2027, start_half=1, periods=4)
    with tenancy.activate(home):
        plan = plan_scenario(scenario, today=TODAY, time_limit=3)
    assert [w["kind"] for w in plan.warnings] == ["funding_deadline"]
    client.force_login(users["viewer"])
    page = client.get(reverse("roadmap:scenario_detail", args=[home.slug, scenario.pk]))
    assert "Die Antragsfrist von „Digitale Kommune“ für „E-Akte“ ist am 31.10.2026 abgelaufen" in (
        page.content.decode()
    )
