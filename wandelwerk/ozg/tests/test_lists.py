"""The priority list as a CDO works with it, progress over time, and queries that do not grow."""

from __future__ import annotations

import datetime as dt
import io

import factory
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from wandelwerk.organisation.tests.factories import OrgUnitFactory
from wandelwerk.ozg import queries
from wandelwerk.ozg.models import (
    AdministrativeService,
    LifeSituation,
    MaturityChange,
    OzgService,
    Topic,
)
from wandelwerk.ozg.tests.factories import (
    AdministrativeServiceFactory,
    LifeSituationFactory,
    MaturityChangeFactory,
    OzgServiceFactory,
    TopicFactory,
)
from wandelwerk.tenants import tenancy


def url(name, municipality, *args):
    return reverse(f"ozg:{name}", args=[municipality.slug, *args])


def service(name, **values):
    """A service of the current municipality (100 cases a year, 10 minutes each, offline)."""
    return AdministrativeServiceFactory(
        municipality=tenancy.require_municipality(), name=name, **values
    )


@pytest.fixture
def ranked(home):
    """Four services below target; the rank is by priority."""
    with tenancy.activate(home):
        office = OrgUnitFactory(municipality=home, code="3.1")
        building = OrgUnitFactory(municipality=home, code="5.2")
        service("Wohnsitz Anmeldung", org_unit=office, cases_per_year=2000, minutes_per_case=15)
        service("Gewerbe Anmeldung", org_unit=office, target_group="businesses")
        service("Baugenehmigung", org_unit=building, cases_per_year=150, minutes_per_case=480)
        service("Reisekosten", org_unit=office, target_group="internal", cases_per_year=600)
        service("Schon online", org_unit=office, maturity_level=3)
    return office, building


@pytest.mark.django_db
def test_priorities_filter_by_unit_and_group_keeping_the_overall_rank(client, users, home, ranked):
    office, _building = ranked
    client.force_login(users["viewer"])
    response = client.get(url("priorities", home))
    rows = [(r.rank, r.service.name) for r in response.context["rows"]]
    assert [name for _rank, name in rows][:2] == ["Baugenehmigung", "Wohnsitz Anmeldung"]
    assert "Schon online" not in response.content.decode()
    rank_of = dict((name, rank) for rank, name in rows)

    response = client.get(
        url("priorities", home) + f"?org_unit={office.pk}&target_group=businesses"
    )
    assert [(r.rank, r.service.name) for r in response.context["rows"]] == [
        (rank_of["Gewerbe Anmeldung"], "Gewerbe Anmeldung")
    ]

    response = client.get(url("priorities", home) + "?sort=-hours")
    assert response.context["rows"][0].service.name == "Baugenehmigung"  # 1,200 hours a year
    assert 'aria-sort="descending"' in response.content.decode()


@pytest.mark.django_db
def test_priorities_export_has_every_factor(client, users, home, ranked):
    client.force_login(users["viewer"])
    response = client.get(url("priorities", home) + "?export=xlsx&target_group=citizens")
    sheet = load_workbook(io.BytesIO(response.content)).active
    header, *rows = list(sheet.values)
    assert header[:2] == ("Rang", "Leistung")
    for column in ("Zielgruppenfaktor", "Stunden pro Jahr", "A (Arbeitsaufwand)", "L (Lücke)"):
        assert column in header
    names = [row[1] for row in rows]
    assert names == ["Baugenehmigung", "Wohnsitz Anmeldung"]
    wohnsitz = dict(zip(header, rows[1], strict=True))
    assert wohnsitz["Stunden pro Jahr"] == 500 and wohnsitz["Priorität"] > 0
    csv = client.get(url("priorities", home) + "?export=csv").content.decode("utf-8-sig")
    assert csv.splitlines()[0].startswith("Rang;Leistung;LeiKa-Schlüssel")
    assert len(csv.splitlines()) == 5


@pytest.mark.django_db
def test_progress_follows_the_level_history(home):
    today = dt.date(2026, 11, 20)
    with tenancy.activate(home):
        early = service("Früh online", maturity_level=3)
        late = service("Spät online", maturity_level=3)
        service("Ohne Verlauf", maturity_level=1)  # counted at its current level throughout
        for s, dates in (
            (early, ["2024-01-10", "2024-06-01"]),
            (late, ["2024-01-10", "2026-05-01"]),
        ):
            MaturityChangeFactory(service=s, date=dates[0], level=0)
            MaturityChangeFactory(service=s, date=dates[1], level=3)
        board = queries.dashboard(today, quarters=12)
    points = {date: (compliant, existing) for date, compliant, existing in board.progress}
    assert points[dt.date(2023, 12, 31)] == (0, 1)  # only the service without history
    assert points[dt.date(2024, 3, 31)] == (0, 3)
    assert points[dt.date(2024, 6, 30)] == (1, 3)
    assert points[dt.date(2026, 6, 30)] == (2, 3)
    assert board.progress[-1] == (today, 2, 3)


@pytest.mark.django_db
def test_dashboard_shows_its_formula(client, users, home):
    with tenancy.activate(home):
        service("A", maturity_level=3)
        service("B", maturity_level=1)
    client.force_login(users["viewer"])
    page = client.get(url("dashboard", home)).content.decode()
    assert (
        "Leistungen mit Reifegrad 3 oder mehr ÷ alle Leistungen im Register = 1 ÷ 2 = 50,0 %"
        in page
    )


def catalogue_fixture(n):
    situation = LifeSituationFactory(id=1, name="Bauen", topic=TopicFactory(id=1))
    OzgService.objects.bulk_create(
        OzgServiceFactory.build_batch(
            n, name=factory.Sequence(lambda i: f"Genehmigung {i}"), life_situation=situation
        )
    )


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["catalog", "service_detail"])
def test_catalogue_and_detail_queries_do_not_grow(client, users, home, page):
    counts = []
    client.force_login(users["viewer"])
    for n in (10, 300):
        OzgService.objects.all().delete()
        LifeSituation.objects.all().delete()
        Topic.objects.all().delete()
        catalogue_fixture(n)
        with tenancy.activate(home):
            AdministrativeService.objects.all().delete()
            s = service("Mit Verlauf", leika_key=f"{n:014d}")
            MaturityChange.objects.bulk_create(
                MaturityChangeFactory.build(
                    service=s, date=dt.date(2024, 1, 1) + dt.timedelta(days=i), level=i % 4
                )
                for i in range(n)
            )
        target = (
            url("catalog", home) + "?q=Genehmigung" if page == "catalog" else url(page, home, s.pk)
        )
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(target).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]


def test_progress_is_measured_at_calendar_quarter_ends_and_today():
    d = dt.date
    assert queries.quarter_ends(d(2026, 11, 20), 4) == [
        d(2025, 12, 31),
        d(2026, 3, 31),
        d(2026, 6, 30),
        d(2026, 9, 30),
        d(2026, 11, 20),
    ]
    assert queries.quarter_ends(d(2026, 1, 15), 1) == [d(2025, 12, 31), d(2026, 1, 15)]
    assert queries.quarter_ends(d(2026, 3, 31), 1) == [d(2025, 12, 31), d(2026, 3, 31)]


@pytest.mark.django_db
def test_service_page_names_the_channels_in_german(client, users, home):
    with tenancy.activate(home):
        s = service("Hundesteuer", channels=["office", "online"])
    client.force_login(users["viewer"])
    page = client.get(url("service_detail", home, s.pk)).content.decode()
    assert "vor Ort, online" in page and "office" not in page


@pytest.mark.django_db
def test_each_maturity_model_is_counted_on_its_own_scale(client, users, home):
    from wandelwerk.ozg.levels import level_name

    with tenancy.activate(home):
        service("Alt", maturity_level=4)
        service("Neu", maturity_level=6, rgm_version="2.0", target_level=7)
        board = queries.dashboard(dt.date(2026, 11, 20))
    assert [(m.version, m.max_level, m.total) for m in board.models] == [
        ("1.1", 4, 1),
        ("2.0", 7, 1),
    ]
    [_, new] = board.models
    assert dict(new.by_group)["Bürger"] == {6: 1}  # not folded into level 4
    client.force_login(users["viewer"])
    page = client.get(url("dashboard", home)).content.decode()
    assert "Reifegradmodell 2.0 (Stufen 0–7): 1 Leistung" in page
    assert "Stufe 6 (Prozessorientierung, Datenzentrierung und durchgängige Umsetzung" in page
    assert level_name(0, "2.0") == "Stufe 0 (nur offline verfügbar)"
    assert level_name(2, "2.0") == "Stufe 2 (Frontend-Digitalisierung, Online-Antragsdienst)"
    assert level_name(7, "2.0") == "Stufe 7 (vollständig Ende-zu-Ende)"
    assert level_name(4, "1.1") == "4 – Online-Transaktion"


@pytest.mark.django_db
def test_the_priority_list_holds_only_what_the_municipality_carries_out(home):
    from wandelwerk.ozg.tests.factories import LeikaEntryFactory

    kreis = LeikaEntryFactory(
        name="Ausübung der Heilkunde Erlaubnis", leika_type="2/3", carrier="kreis"
    )
    kammer = LeikaEntryFactory(name="Gesellenprüfung", leika_type="2/3", carrier="andere")
    own = LeikaEntryFactory(name="Hundesteuer Festsetzung", leika_type="4", carrier="gemeinde")
    with tenancy.activate(home):
        for entry in (kreis, kammer, own):
            service(entry.name, leika_entry=entry, leika_key=entry.leika_key)
        service("Eigene Leistung")  # not in the catalogue: the municipality's own
        ranked = {r.service.name for r in queries.priority_rows(home)}
        assert ranked == {"Hundesteuer Festsetzung", "Eigene Leistung"}
        home.tier = "kreisfrei"
        assert "Ausübung der Heilkunde Erlaubnis" in {
            r.service.name for r in queries.priority_rows(home)
        }
