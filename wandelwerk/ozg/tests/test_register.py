"""The service register as a CDO uses it: catalogue, adopting, levels with history, import."""

from __future__ import annotations

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from wandelwerk.imports.logic import run_import
from wandelwerk.organisation.tests.factories import OrgUnitFactory
from wandelwerk.ozg.catalog import load_catalog
from wandelwerk.ozg.models import AdministrativeService, LeikaEntry, MaturityChange, Milestone
from wandelwerk.ozg.tests.factories import AdministrativeServiceFactory
from wandelwerk.tenants import tenancy
from wandelwerk.tenants.tests.editing import stand
from wandelwerk.tenants.tests.factories import MembershipFactory


@pytest.fixture(scope="module")
def catalog(django_db_setup, django_db_blocker):
    """The real shipped catalogue, loaded once for this module."""
    with django_db_blocker.unblock():
        counts = load_catalog()
    yield counts
    with django_db_blocker.unblock():
        from wandelwerk.ozg.models import LifeSituation, OzgService, Topic

        LeikaEntry.objects.all().delete()
        OzgService.objects.all().delete()
        LifeSituation.objects.all().delete()
        Topic.objects.all().delete()


def url(name, municipality, *args):
    return reverse(f"ozg:{name}", args=[municipality.slug, *args])


@pytest.mark.django_db
def test_the_shipped_catalogue_is_complete(catalog):
    assert (catalog.topics, catalog.life_situations, catalog.services, catalog.entries) == (
        14,
        55,
        557,
        5249,
    )
    entry = LeikaEntry.objects.get(leika_key="99012001001000")
    assert entry.name == "Abbruchgenehmigung Erteilung" and entry.ozg_service is not None
    assert load_catalog() == catalog  # loading again changes nothing


@pytest.mark.django_db
def test_catalogue_search_by_name_key_and_ozg_id(client, users, home, catalog):
    client.force_login(users["viewer"])
    page = client.get(url("catalog", home) + "?q=Hundesteuer").content.decode()
    assert "Hundesteuer Festsetzung" in page
    page = client.get(url("catalog", home) + "?q=99102013002000").content.decode()
    assert "Hundesteuer Festsetzung" in page
    # the Bauaufsicht's services are the Kreis's for a kreisangehörige Gemeinde: shown on request
    page = client.get(url("catalog", home) + "?q=Abbruchgenehmigung").content.decode()
    assert "Abbruchgenehmigung Erteilung" not in page
    page = client.get(url("catalog", home) + "?q=Abbruchgenehmigung&alle=on").content.decode()
    assert "Abbruchgenehmigung Erteilung" in page and "ab Mittlerer kreisangehöriger Stadt" in page
    assert "führt eine andere Stelle aus" in page
    ozg_id = LeikaEntry.objects.get(leika_key="99012001001000").ozg_service_id
    page = client.get(url("catalog", home) + f"?q={ozg_id}").content.decode()
    assert url("catalog_service", home, ozg_id) in page


@pytest.mark.django_db
def test_browse_by_topic(client, users, home, catalog):
    client.force_login(users["viewer"])
    overview = client.get(url("catalog", home)).content.decode()
    assert "Bauen &amp; Wohnen" in overview
    from wandelwerk.ozg.models import Topic

    topic = Topic.objects.get(name="Bauen & Wohnen")
    page = client.get(url("catalog", home) + f"?topic={topic.pk}").content.decode()
    assert "58 OZG-Leistungen" in page


@pytest.mark.django_db
def test_adopt_one_entry_and_not_twice_and_not_what_another_body_carries_out(
    client, users, home, catalog
):
    entry = LeikaEntry.objects.get(leika_key="99102013002000")  # Hundesteuer Festsetzung
    client.force_login(users["editor"])
    client.post(url("adopt", home), {"entry": entry.pk})
    client.post(url("adopt", home), {"entry": entry.pk})
    with tenancy.activate(home):
        service = AdministrativeService.objects.get()
    assert service.leika_key == "99102013002000" and service.topic is not None
    permit = LeikaEntry.objects.get(leika_key="99012001001000")  # Abbruchgenehmigung: Bauaufsicht
    page = client.post(url("adopt", home), {"entry": permit.pk}, follow=True).content.decode()
    assert "Nicht übernommen" in page and "ab Mittlerer kreisangehöriger Stadt" in page
    with tenancy.activate(home):
        assert AdministrativeService.objects.count() == 1


@pytest.mark.django_db
def test_standard_set_takes_what_the_municipality_s_tier_carries_out(client, users, home, catalog):
    from wandelwerk.ozg.models import Topic

    client.force_login(users["editor"])
    topic = Topic.objects.get(name="Bauen & Wohnen")
    client.post(url("standard_set", home), {"topics": [topic.pk]})
    with tenancy.activate(home):
        services = list(AdministrativeService.objects.select_related("leika_entry"))
    # a kreisangehörige Gemeinde: no building permits (the Kreis's Bauaufsicht), no land register
    assert services and {s.leika_entry.carrier for s in services} == {"gemeinde"}
    assert all(s.topic_id == topic.pk for s in services)
    assert not any(s.name.startswith("Baugenehmigung") for s in services)
    home.tier = "mittlere"
    home.save()
    client.post(url("standard_set", home), {"topics": [topic.pk]})
    with tenancy.activate(home):
        names = set(AdministrativeService.objects.values_list("name", flat=True))
    assert "Baugenehmigung Erteilung" in names and not any("Grundbuch" in n for n in names)


@pytest.mark.django_db
def test_level_changes_are_kept_with_their_date(client, users, home):
    client.force_login(users["editor"])
    data = {
        "name": "Sperrmüllanmeldung",
        "is_own": "on",
        "target_group": "citizens",
        "rgm_version": "1.1",
        "maturity_level": "1",
        "target_level": "3",
    }
    response = client.post(url("service_create", home), data)
    assert response.status_code == 302
    with tenancy.activate(home):
        service = AdministrativeService.objects.get()
    client.post(
        url("service_update", home, service.pk), data | {"maturity_level": "3"} | stand(service)
    )
    client.post(
        url("service_update", home, service.pk),
        data | {"maturity_level": "3", "cases_per_year": "500"} | stand(service),
    )
    with tenancy.activate(home):
        history = list(MaturityChange.objects.values_list("previous_level", "level"))
    assert history == [(None, 1), (1, 3)]
    page = client.get(url("service_detail", home, service.pk)).content.decode()
    assert "3 – Online-Leistung" in page and "OZG-konform" in page


@pytest.mark.django_db
def test_level_outside_the_model_is_rejected(client, users, home):
    client.force_login(users["editor"])
    data = {
        "name": "X",
        "is_own": "on",
        "target_group": "citizens",
        "rgm_version": "1.1",
        "maturity_level": "6",
        "target_level": "3",
    }
    page = client.post(url("service_create", home), data).content.decode()
    assert "Stufen 0 bis 4" in page
    data["rgm_version"] = "2.0"
    assert client.post(url("service_create", home), data).status_code == 302


@pytest.mark.django_db
def test_unknown_leika_key_must_be_marked_own(client, users, home, catalog):
    client.force_login(users["editor"])
    data = {
        "name": "Y",
        "leika_key": "99999999999999",
        "target_group": "citizens",
        "rgm_version": "1.1",
        "maturity_level": "0",
        "target_level": "3",
    }
    assert (
        "steht nicht im Katalog" in client.post(url("service_create", home), data).content.decode()
    )
    assert client.post(url("service_create", home), data | {"is_own": "on"}).status_code == 302


@pytest.mark.django_db
def test_milestones(client, users, home):
    client.force_login(users["editor"])
    service = AdministrativeServiceFactory(municipality=home)
    client.post(
        url("milestones", home, service.pk),
        {
            "concept_planned": "2026-01-31",
            "concept_done": "2026-02-15",
            "go_live_planned": "2027-06-30",
        },
    )
    with tenancy.activate(home):
        assert {(m.kind, str(m.planned)) for m in Milestone.objects.all()} == {
            ("concept", "2026-01-31"),
            ("go_live", "2027-06-30"),
        }


@pytest.mark.django_db
def test_priorities_show_formula_and_factors_and_weights_change_the_order(client, users, home):
    AdministrativeServiceFactory(
        municipality=home,
        name="Intern viel",
        internal=True,
        cases_per_year=5000,
        minutes_per_case=30,
    )
    AdministrativeServiceFactory(
        municipality=home, name="Bürger wenig", cases_per_year=500, minutes_per_case=30
    )
    AdministrativeServiceFactory(
        municipality=home, name="Fertig", online=True, cases_per_year=9000, minutes_per_case=30
    )
    client.force_login(users["editor"])
    page = client.get(url("priorities", home)).content.decode()
    assert "Zielgruppenfaktor" in page and "Fertig" not in page
    assert page.index("Bürger wenig") < page.index("Intern viel")
    client.post(
        url("priorities", home),
        {"workload": "1", "gap": "0", "citizens": "1", "businesses": "1", "internal": "1"},
    )
    page = client.get(url("priorities", home)).content.decode()
    assert page.index("Intern viel") < page.index("Bürger wenig")


@pytest.mark.django_db
def test_dashboard_share_and_table_alternatives(client, users, home):
    for level in (0, 1, 3, 4):
        AdministrativeServiceFactory(municipality=home, name=f"L{level}", maturity_level=level)
    client.force_login(users["viewer"])
    page = client.get(url("dashboard", home)).content.decode()
    assert "2 (50,0 %)" in page
    assert page.count('role="img"') == 3 and page.count("Als Tabelle") == 3


SERVICES = """LeiKa-Schlüssel;OZG-ID;Bezeichnung;Organisationseinheit;Zielgruppe;Fallzahl pro Jahr;Bearbeitungszeit (Minuten);Reifegrad;Ziel-Reifegrad;Reifegradmodell
99012001001000;;Abbruchgenehmigung Erteilung;FB5;Bürger;120;90;1;3;1.1
;;Sperrmüll;FB6;Bürger;3000;5;2;4;1.1
"""


@pytest.mark.django_db
def test_import_and_export_roundtrip(client, users, home, catalog):
    OrgUnitFactory(municipality=home, code="FB5")
    OrgUnitFactory(municipality=home, code="FB6")
    result = run_import(
        actor=None,
        kind="services",
        data=SERVICES.encode(),
        filename="l.csv",
        municipality=home,
        allow_personal=False,
    )
    assert result.ok, result.report()
    assert result.created == 2
    with tenancy.activate(home):
        assert MaturityChange.objects.count() == 2
        service = AdministrativeService.objects.get(leika_key="99012001001000")
        assert service.ozg_service_id is not None and service.org_unit.code == "FB5"
    client.force_login(users["viewer"])
    exported = client.get(url("index", home) + "?export=xlsx")
    rows = list(load_workbook(io.BytesIO(exported.content)).active.values)
    assert rows[0][:10] == (
        "LeiKa-Schlüssel",
        "OZG-ID",
        "Bezeichnung",
        "Organisationseinheit",
        "Zielgruppe",
        "Fallzahl pro Jahr",
        "Bearbeitungszeit (Minuten)",
        "Reifegrad",
        "Ziel-Reifegrad",
        "Reifegradmodell",
    )
    again = run_import(
        actor=None,
        kind="services",
        data=exported.content,
        filename="l.xlsx",
        municipality=home,
        allow_personal=False,
    )
    assert again.ok and again.unchanged == 2, again.report()


@pytest.mark.django_db
def test_import_rejects_bad_keys_and_levels(home, catalog):
    bad = """LeiKa-Schlüssel;Bezeichnung;Reifegrad;Ziel-Reifegrad;Reifegradmodell
1234;A;1;3;1.1
99999999999999;B;1;3;1.1
;C;5;3;1.1
;D;6;7;2.0
"""
    result = run_import(
        actor=None,
        kind="services",
        data=bad.encode(),
        filename="l.csv",
        municipality=home,
        allow_personal=False,
    )
    found = {(i.line, i.column) for i in result.issues}
    assert found == {(2, "LeiKa-Schlüssel"), (3, "LeiKa-Schlüssel"), (4, "Reifegrad")}
    with tenancy.activate(home):
        assert AdministrativeService.objects.count() == 0


@pytest.mark.django_db
def test_register_list_queries_do_not_grow(client, users, home, other):
    MembershipFactory(user=users["viewer"], municipality=other)
    for municipality, n in ((home, 1000), (other, 10)):
        unit = OrgUnitFactory(municipality=municipality)
        AdministrativeService.objects.unscoped().bulk_create(
            AdministrativeServiceFactory.build_batch(
                n, municipality=municipality, org_unit=unit, minutes_per_case=5
            )
        )
    client.force_login(users["viewer"])
    counts = []
    for municipality in (home, other):
        for name in ("index", "priorities", "dashboard"):
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(url(name, municipality)).status_code == 200
            counts.append((name, len(ctx.captured_queries)))
    assert counts[:3] == counts[3:]


@pytest.mark.django_db
def test_csv_export_imports_again_unchanged(client, users, home, catalog):
    OrgUnitFactory(municipality=home, code="FB5")
    OrgUnitFactory(municipality=home, code="FB6")
    run_import(
        actor=None,
        kind="services",
        data=SERVICES.encode(),
        filename="l.csv",
        municipality=home,
        allow_personal=False,
    )
    client.force_login(users["viewer"])
    exported = client.get(url("index", home) + "?export=csv")
    assert exported["Content-Type"].startswith("text/csv")
    text = exported.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("LeiKa-Schlüssel;OZG-ID;Bezeichnung")
    again = run_import(
        actor=None,
        kind="services",
        data=exported.content,
        filename="l.csv",
        municipality=home,
        allow_personal=False,
    )
    assert again.ok and again.unchanged == 2, again.report()


@pytest.mark.django_db
def test_browse_a_topic_by_its_life_situations(client, users, home, catalog):
    from wandelwerk.ozg.models import LifeSituation

    situation = LifeSituation.objects.filter(services__isnull=False).first()
    client.force_login(users["viewer"])
    page = client.get(url("catalog", home) + f"?topic={situation.topic_id}").content.decode()
    assert f"life_situation={situation.pk}" in page
    page = client.get(
        url("catalog", home) + f"?topic={situation.topic_id}&life_situation={situation.pk}"
    ).content.decode()
    first = situation.services.order_by("name").first()
    assert first.name in page
