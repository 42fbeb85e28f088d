"""Imports of org units, employees and IT systems: all-or-nothing, idempotent, with a report."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from wandelwerk.audit.models import Action, AuditEvent
from wandelwerk.core import tenancy
from wandelwerk.core.importing.logic import run_import
from wandelwerk.core.testing.factories import OrgUnitFactory
from wandelwerk.organisation.models import Employee, ITSystem, OrgUnit

UNITS = """Kürzel;Bezeichnung;Übergeordnete Einheit;Leitung
3.1;Bürgerbüro;FB3;Jens Weber
FB3;Bürgerdienste und Ordnung;;Petra Schmitz
3.2;Standesamt;FB3;
"""

EMPLOYEES = """Personalnummer;Organisationseinheit;Funktion;Beschäftigungsart;Stellenanteil;Geburtsjahr;Geburtsmonat;Am Monatsersten geboren;Geplantes Austrittsdatum
100001;3.1;Sachbearbeitung Meldewesen;Tarif;0,5;1963;4;nein;
100002;3.2;Standesbeamtin;Beamte;100 %;1960;1;ja;31.12.2025
"""


def run(municipality, kind, text, *, allow_personal=True, dry_run=False, encoding="utf-8"):
    return run_import(
        actor=None,
        kind=kind,
        data=text.encode(encoding),
        filename=f"{kind}.csv",
        municipality=municipality,
        allow_personal=allow_personal,
        dry_run=dry_run,
    )


@pytest.mark.django_db
def test_org_units_with_parents_after_children(home):
    result = run(home, "org_units", UNITS)
    assert result.ok and result.applied and result.created == 3
    with tenancy.activate(home):
        assert OrgUnit.objects.get(code="3.1").parent.code == "FB3"
        assert OrgUnit.objects.get(code="FB3").parent is None
        events = AuditEvent.objects.filter(action=Action.CREATE, object_type="organisation.OrgUnit")
        assert events.count() == 3
        assert AuditEvent.objects.filter(action=Action.IMPORT).count() == 1


@pytest.mark.django_db
def test_importing_the_same_file_twice_changes_nothing(home):
    run(home, "org_units", UNITS)
    run(home, "employees", EMPLOYEES)
    with tenancy.activate(home):
        before = AuditEvent.objects.count()
    again = run(home, "employees", EMPLOYEES)
    assert again.ok and (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert run(home, "org_units", UNITS).unchanged == 3
    with tenancy.activate(home):
        assert AuditEvent.objects.count() == before


@pytest.mark.django_db
def test_existing_key_updates_the_record(home):
    run(home, "org_units", UNITS)
    run(home, "employees", EMPLOYEES)
    changed = EMPLOYEES.replace(
        "Sachbearbeitung Meldewesen;Tarif;0,5", "Teamleitung Meldewesen;Tarif;0,8"
    )
    result = run(home, "employees", changed)
    assert (result.created, result.updated, result.unchanged) == (0, 1, 1)
    with tenancy.activate(home):
        employee = Employee.objects.get(personnel_number="100001")
        assert employee.position == "Teamleitung Meldewesen" and float(employee.fte) == 0.8
        event = AuditEvent.objects.get(action=Action.UPDATE)
        assert (
            "position",
            "Sachbearbeitung Meldewesen",
            "Teamleitung Meldewesen",
        ) in event.changes()


@pytest.mark.django_db
def test_employee_fields_are_parsed(home):
    run(home, "org_units", UNITS)
    run(home, "employees", EMPLOYEES, encoding="cp1252")
    with tenancy.activate(home):
        official = Employee.objects.get(personnel_number="100002")
    assert official.employment_type == "civil_servant" and float(official.fte) == 1
    assert official.born_on_first and official.planned_exit_date == dt.date(2025, 12, 31)


@pytest.mark.django_db
def test_every_bad_row_is_reported_and_nothing_is_written(home):
    run(home, "org_units", UNITS)
    bad = """Personalnummer;Organisationseinheit;Funktion;Beschäftigungsart;Stellenanteil;Geburtsjahr;Geburtsmonat;Am Monatsersten geboren;Geplantes Austrittsdatum
100001;3.1;A;Tarif;0,5;1963;13;nein;
100002;9.9;B;Beamte;1;1960;1;ja;31.02.2025
100001;3.1;C;Angestellte;zwei;;;;
;3.1;D;Tarif;1;;;vielleicht;
"""
    result = run(home, "employees", bad)
    assert not result.ok and not result.applied
    found = {(i.line, i.column) for i in result.issues}
    assert {
        (2, "Geburtsmonat"),
        (3, "Organisationseinheit"),
        (3, "Geplantes Austrittsdatum"),
        (4, "Beschäftigungsart"),
        (4, "Stellenanteil"),
        (5, "Personalnummer"),
        (5, "Am Monatsersten geboren"),
    } <= found
    assert any("13 ist zu groß" in i.message for i in result.issues)
    with tenancy.activate(home):
        assert Employee.objects.count() == 0


@pytest.mark.django_db
def test_duplicate_keys_in_the_file(home):
    result = run(home, "org_units", "Kürzel;Bezeichnung\nA;Eins\nA;Zwei\n")
    assert [(i.line, i.column) for i in result.issues] == [(3, "Kürzel")]
    assert "Zeile 2" in result.issues[0].message


@pytest.mark.django_db
def test_unknown_parent_and_cycles_are_rejected(home):
    result = run(
        home, "org_units", "Kürzel;Bezeichnung;Übergeordnete Einheit\nA;A;B\nB;B;A\nC;C;X\n"
    )
    messages = " ".join(i.message for i in result.issues)
    assert "Zirkelbezug" in messages and "„X“ gibt es nicht" in messages
    with tenancy.activate(home):
        assert OrgUnit.objects.count() == 0


@pytest.mark.django_db
def test_cycle_through_existing_units_is_rejected(home):
    top = OrgUnitFactory(municipality=home, code="TOP")
    OrgUnitFactory(municipality=home, code="SUB", parent=top)
    result = run(home, "org_units", "Kürzel;Bezeichnung;Übergeordnete Einheit\nTOP;Oben;SUB\n")
    assert any("Zirkelbezug" in i.message for i in result.issues)


@pytest.mark.django_db
def test_missing_and_unknown_columns(home):
    result = run(home, "org_units", "Kürzel;Name\nA;B\n")
    assert {i.message for i in result.issues} >= {"Pflichtspalte „Bezeichnung“ fehlt."}
    assert any("Unbekannte Spalte „Name“" in i.message for i in result.issues)


@pytest.mark.django_db
def test_personal_columns_need_the_permission(home):
    run(home, "org_units", UNITS)
    result = run(home, "employees", EMPLOYEES, allow_personal=False)
    assert not result.ok
    assert all("Personaldaten" in i.message for i in result.issues)
    without = (
        "Personalnummer;Organisationseinheit;Beschäftigungsart;Stellenanteil\n100003;3.1;Tarif;1\n"
    )
    assert run(home, "employees", without, allow_personal=False).ok


@pytest.mark.django_db
def test_it_systems_with_units(home):
    run(home, "org_units", UNITS)
    text = "Bezeichnung;Hersteller;Organisationseinheiten;Betrieb;Supportende\nMeldewesen;Kommunal GmbH;3.1, 3.2;Rechenzentrum;31.12.2027\n"
    assert run(home, "it_systems", text).created == 1
    assert run(home, "it_systems", text).unchanged == 1
    changed = text.replace("3.1, 3.2", "3.1")
    assert run(home, "it_systems", changed).updated == 1
    with tenancy.activate(home):
        system = ITSystem.objects.get(name="Meldewesen")
        assert [u.code for u in system.org_units.all()] == ["3.1"]
        assert system.end_of_support == dt.date(2027, 12, 31) and system.hosting == "data_centre"


@pytest.mark.django_db
def test_same_keys_in_another_municipality_are_separate(home, other):
    run(home, "org_units", UNITS)
    assert run(other, "org_units", UNITS).created == 3


@pytest.mark.django_db
def test_command_dry_run_and_exit_code(home, tmp_path):
    good = tmp_path / "einheiten.csv"
    good.write_text(UNITS, encoding="utf-8")
    call_command(
        "import_inventory", str(good), municipality=home.slug, kind="org_units", dry_run=True
    )
    with tenancy.activate(home):
        assert OrgUnit.objects.count() == 0
    call_command("import_inventory", str(good), municipality=home.slug, kind="org_units")
    with tenancy.activate(home):
        assert OrgUnit.objects.count() == 3
    bad = tmp_path / "kaputt.csv"
    bad.write_text("Kürzel;Bezeichnung\nA;\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"Zeile 2, Spalte „Bezeichnung“: Pflichtangabe fehlt"):
        call_command("import_inventory", str(bad), municipality=home.slug, kind="org_units")


@pytest.mark.django_db
def test_browser_flow_upload_preview_confirm(client, users, home):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(users["editor"])
    start = reverse("organisation:import_start", args=[home.slug])
    upload = SimpleUploadedFile("einheiten.csv", UNITS.encode("cp1252"), content_type="text/csv")
    response = client.post(start, {"kind": "org_units", "file": upload})
    assert response.status_code == 302
    preview = client.get(response["Location"]).content.decode()
    assert "Alle Zeilen sind in Ordnung" in preview and "3 neu" in preview
    with tenancy.activate(home):
        assert OrgUnit.objects.count() == 0  # nothing before confirmation
    done = client.post(response["Location"], {"confirm": "1"}, follow=True).content.decode()
    assert "3 neu, 0 geändert" in done
    with tenancy.activate(home):
        assert OrgUnit.objects.count() == 3
    # Confirming twice does nothing more.
    client.post(response["Location"], {"confirm": "1"})
    with tenancy.activate(home):
        assert AuditEvent.objects.filter(action=Action.IMPORT).count() == 1


@pytest.mark.django_db
def test_browser_preview_shows_every_error(client, users, home):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(users["editor"])
    upload = SimpleUploadedFile(
        "x.csv", "Kürzel;Bezeichnung\nA;\nA;B\n".encode(), content_type="text/csv"
    )
    response = client.post(
        reverse("organisation:import_start", args=[home.slug]),
        {"kind": "org_units", "file": upload},
    )
    page = client.get(response["Location"]).content.decode()
    assert (
        "2 Fehler" in page and "Pflichtangabe fehlt." in page and "steht schon in Zeile 2" in page
    )
    assert "Import übernehmen" not in page


@pytest.mark.django_db
def test_browser_rejects_personal_columns_without_permission(client, users, home):
    from django.core.files.uploadedfile import SimpleUploadedFile

    run(home, "org_units", UNITS)
    client.force_login(users["editor"])
    upload = SimpleUploadedFile("b.csv", EMPLOYEES.encode(), content_type="text/csv")
    response = client.post(
        reverse("organisation:import_start", args=[home.slug]),
        {"kind": "employees", "file": upload},
    )
    page = client.get(response["Location"]).content.decode()
    assert "nur mit dem Recht auf Personaldaten" in page


@pytest.mark.django_db
def test_only_the_uploader_sees_an_upload(client, users, home):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(users["editor"])
    upload = SimpleUploadedFile("x.csv", UNITS.encode(), content_type="text/csv")
    location = client.post(
        reverse("organisation:import_start", args=[home.slug]),
        {"kind": "org_units", "file": upload},
    )["Location"]
    client.force_login(users["municipality_admin"])
    assert client.get(location).status_code == 404
    assert client.post(location, {"confirm": "1"}).status_code == 404


@pytest.mark.django_db
def test_templates_download(client, users, home):
    client.force_login(users["editor"])
    csv_response = client.get(
        reverse("organisation:import_template", args=[home.slug, "employees", "csv"])
    )
    text = csv_response.content.decode("utf-8-sig")
    assert text.startswith(
        "Personalnummer;Organisationseinheit;Funktion;Beschäftigungsart;Stellenanteil"
    )
    xlsx = client.get(
        reverse("organisation:import_template", args=[home.slug, "it_systems", "xlsx"])
    )
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
