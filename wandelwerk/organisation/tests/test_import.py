"""Imports of org units, employees and IT systems: all-or-nothing, idempotent, with a report."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from wandelwerk.audit.models import Action, AuditEvent
from wandelwerk.imports.logic import run_import
from wandelwerk.organisation.models import Employee, ITSystem, OrgUnit
from wandelwerk.organisation.tests.factories import OrgUnitFactory
from wandelwerk.tenants import tenancy

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


# ---------------------------------------------------------------------------------------------
# XLSX, error reports, cycles, personal data, speed, command line, pages.


def xlsx(rows) -> bytes:
    import io

    from openpyxl import Workbook

    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def run_bytes(municipality, kind, data, filename, **kwargs):
    kwargs.setdefault("allow_personal", True)
    return run_import(
        actor=None, kind=kind, data=data, filename=filename, municipality=municipality, **kwargs
    )


EMPLOYEE_HEADER = EMPLOYEES.splitlines()[0].split(";")


@pytest.mark.django_db
def test_xlsx_with_numbers_dates_and_booleans(home):
    units = xlsx([["Kürzel", "Bezeichnung", "Übergeordnete Einheit"], [31, "Amt 31", "FB3"]])
    run(home, "org_units", "Kürzel;Bezeichnung\nFB3;Fachbereich 3\n")
    assert run_bytes(home, "org_units", units, "einheiten.xlsx").created == 1
    data = xlsx(
        [
            EMPLOYEE_HEADER,
            [100123, 31, "Sachbearbeitung", "Tarif", 0.5, 1963, 4.0, False, None],
            [100124, "31", None, "Beamte", 1, 1959, 3, True, dt.datetime(2024, 2, 29)],
        ]
    )
    result = run_bytes(home, "employees", data, "beschaeftigte.xlsx")
    assert result.ok, result.report()
    assert result.created == 2
    with tenancy.activate(home):
        first, second = Employee.objects.order_by("personnel_number")
    assert first.personnel_number == "100123" and first.org_unit.code == "31"
    assert float(first.fte) == 0.5 and (first.birth_year, first.birth_month) == (1963, 4)
    assert not first.born_on_first and first.planned_exit_date is None
    assert second.born_on_first and second.planned_exit_date == dt.date(2024, 2, 29)
    assert run_bytes(home, "employees", data, "beschaeftigte.xlsx").unchanged == 2


@pytest.mark.django_db
def test_xlsx_errors_name_the_spreadsheet_line(home):
    run(home, "org_units", UNITS)
    data = xlsx(
        [
            EMPLOYEE_HEADER,
            [100123, "3.1", "A", "Tarif", 0.5, 1963, 13, "nein", None],
            [None, None, None, None, None, None, None, None, None],
            [100124, "3.1", "B", "Tarif", 1.5, 1963.5, 4, "nein", "2024-02-30"],
        ]
    )
    result = run_bytes(home, "employees", data, "b.xlsx")
    assert {(i.line, i.column) for i in result.issues} == {
        (2, "Geburtsmonat"),
        (4, "Stellenanteil"),
        (4, "Geburtsjahr"),
        (4, "Geplantes Austrittsdatum"),
    }


@pytest.mark.django_db
def test_header_errors_and_cell_errors_are_reported_together(home):
    text = "Kürzel;Bezeichnung;Bezeichnung;Farbe\nA;;;rot\n"
    result = run(home, "org_units", text)
    assert {(i.line, i.column) for i in result.issues} == {
        (1, "Bezeichnung"),  # twice in the header
        (1, "Farbe"),  # unknown
        (2, "Bezeichnung"),  # empty
    }
    assert "Zeile 1, Spalte „Farbe“: Unbekannte Spalte" in result.report()


@pytest.mark.django_db
def test_missing_required_column_and_empty_file(home):
    result = run(home, "employees", "Personalnummer;Beschäftigungsart;Stellenanteil\n1;Tarif;1\n")
    assert [i.message for i in result.issues] == ["Pflichtspalte „Organisationseinheit“ fehlt."]
    empty = run(home, "org_units", "Kürzel;Bezeichnung\n")
    assert [i.message for i in empty.issues] == ["Die Datei enthält keine Datenzeilen."]
    unreadable = run_bytes(home, "org_units", b"PK\x03\x04kaputt", "x.xlsx")
    assert "keine lesbare Excel-Datei" in unreadable.report()


@pytest.mark.django_db
def test_cycle_is_reported_on_its_members_only(home):
    text = "Kürzel;Bezeichnung;Übergeordnete Einheit\nA;A;B\nB;B;A\nC;C;A\nD;D;D\n"
    result = run(home, "org_units", text)
    assert [(i.line, i.message.split(":")[0][:12]) for i in result.issues] == [
        (2, "Zirkelbezug"),
        (3, "Zirkelbezug"),
        (5, "Eine Einheit"),  # its own parent, reported once
    ]
    assert "„A“ → „B“ → „A“" in result.issues[0].message


@pytest.mark.django_db
def test_cycle_through_several_existing_units(home):
    run(home, "org_units", "Kürzel;Bezeichnung;Übergeordnete Einheit\nA;A;\nB;B;A\nC;C;B\n")
    result = run(home, "org_units", "Kürzel;Bezeichnung;Übergeordnete Einheit\nA;A;C\n")
    assert [(i.line, i.column) for i in result.issues] == [(2, "Übergeordnete Einheit")]
    assert "„A“ → „C“ → „B“ → „A“" in result.issues[0].message
    with tenancy.activate(home):
        assert OrgUnit.objects.get(code="A").parent is None
    # Moving the whole branch in one file is fine when the result is a tree.
    moved = "Kürzel;Bezeichnung;Übergeordnete Einheit\nA;A;C\nC;C;\n"
    assert run(home, "org_units", moved).updated == 2
    with tenancy.activate(home):
        assert OrgUnit.objects.get(code="A").parent.code == "C"
        event = AuditEvent.objects.get(action=Action.UPDATE, object_repr__startswith="A ")
        assert ("parent", None, "C") in event.changes()


@pytest.mark.django_db
def test_a_bad_row_anywhere_leaves_every_table_unchanged(home):
    run(home, "org_units", UNITS)
    with tenancy.activate(home):
        events = AuditEvent.objects.count()
    text = UNITS.replace("Jens Weber", "Jana Weber") + "4.1;Kasse;FB4;\n"
    result = run(home, "org_units", text)
    assert not result.ok and [(i.line, i.column) for i in result.issues] == [
        (5, "Übergeordnete Einheit")
    ]
    with tenancy.activate(home):
        assert OrgUnit.objects.get(code="3.1").head == "Jens Weber"
        assert OrgUnit.objects.count() == 3 and AuditEvent.objects.count() == events


@pytest.mark.django_db
def test_empty_personal_columns_without_permission_keep_stored_values(home):
    run(home, "org_units", UNITS)
    run(home, "employees", EMPLOYEES)
    without_values = (
        ";".join(EMPLOYEE_HEADER) + "\n100001;3.1;Sachbearbeitung Meldewesen;Tarif;0,8;;;;\n"
    )
    result = run(home, "employees", without_values, allow_personal=False)
    assert result.ok and result.updated == 1
    with tenancy.activate(home):
        employee = Employee.objects.get(personnel_number="100001")
    assert float(employee.fte) == 0.8 and (employee.birth_year, employee.birth_month) == (1963, 4)
    # With the permission, an empty cell in a present column clears the value.
    run(home, "employees", without_values)
    with tenancy.activate(home):
        assert Employee.objects.get(personnel_number="100001").birth_year is None


@pytest.mark.django_db
def test_missing_optional_columns_keep_stored_values(home):
    run(home, "org_units", UNITS)
    run(home, "org_units", "Kürzel;Bezeichnung\n3.1;Bürgerbüro Mitte\n")
    with tenancy.activate(home):
        unit = OrgUnit.objects.get(code="3.1")
    assert unit.name == "Bürgerbüro Mitte" and unit.head == "Jens Weber"
    assert unit.parent.code == "FB3"


@pytest.mark.django_db
def test_it_systems_from_a_comma_separated_file(home):
    run(home, "org_units", UNITS)
    text = (
        "Bezeichnung,Hersteller,Organisationseinheiten,Betrieb,Supportende\n"
        '"Meldewesen, neu",Kommunal GmbH,"3.1,3.2",cloud,\n'
        "Kasse,,9.9,woanders,2027-12-31\n"
    )
    result = run(home, "it_systems", text)
    assert {(i.line, i.column) for i in result.issues} == {
        (3, "Organisationseinheiten"),
        (3, "Betrieb"),
        (3, "Supportende"),
    }
    good = run(home, "it_systems", text.splitlines()[0] + "\n" + text.splitlines()[1] + "\n")
    assert good.created == 1
    with tenancy.activate(home):
        system = ITSystem.objects.get()
        assert system.name == "Meldewesen, neu" and system.hosting == "cloud"
        assert sorted(u.code for u in system.org_units.all()) == ["3.1", "3.2"]
        assert AuditEvent.objects.filter(object_type="organisation.ITSystem").count() == 2


def _employees(count: int, position: str = "Sachbearbeitung") -> str:
    lines = [";".join(EMPLOYEE_HEADER)]
    lines += [f"{200000 + i};3.{1 + i % 2};{position};Tarif;0,5;1965;7;nein;" for i in range(count)]
    return "\n".join(lines) + "\n"


@pytest.mark.django_db
def test_queries_do_not_grow_with_the_number_of_rows(home):
    """Bulk reads and writes only: 300 rows take a handful of queries (insert batches aside)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(kind: str, text: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert run(home, kind, text).ok
        return len(captured)

    units = [f"U{i};Einheit {i};{'U0' if i else ''}" for i in range(300)]
    unit_file = "Kürzel;Bezeichnung;Übergeordnete Einheit\n" + "\n".join(units) + "\n"
    assert queries("org_units", unit_file) < 20
    assert queries("org_units", unit_file.replace(";Einheit ", ";Amt ")) < 20
    run(home, "org_units", UNITS)
    queries("employees", _employees(10))
    small_same = queries("employees", _employees(10))
    large_new = queries("employees", _employees(300))
    large_same = queries("employees", _employees(300))
    large_changed = queries("employees", _employees(300, "Teamleitung"))
    assert large_same == small_same
    assert max(large_new, large_changed) < 20
    systems = "Bezeichnung;Organisationseinheiten\n" + "".join(
        f"Verfahren {i};U{i},U{i + 1}\n" for i in range(200)
    )
    assert queries("it_systems", systems) < 20
    assert queries("it_systems", systems.replace(";U", ";3.1,U")) < 20


@pytest.mark.django_db
def test_command_exits_non_zero_and_prints_the_report(home, tmp_path, monkeypatch, capsys):
    from django.core.management import ManagementUtility
    from django.db import connections

    monkeypatch.setattr(connections, "close_all", lambda: None)  # keep the test's transaction
    bad = tmp_path / "kaputt.csv"
    bad.write_text("Kürzel;Bezeichnung;Übergeordnete Einheit\nA;;\nB;B;X\n", encoding="cp1252")
    argv = ["manage.py", "import_inventory", "--municipality", home.slug, "--kind", "org_units"]
    with pytest.raises(SystemExit) as exit_info:
        ManagementUtility([*argv, str(bad)]).execute()
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert "2 Fehler" in err
    assert "Zeile 2, Spalte „Bezeichnung“: Pflichtangabe fehlt." in err
    assert "Zeile 3, Spalte „Übergeordnete Einheit“: Die Einheit „X“ gibt es nicht." in err
    with tenancy.activate(home):
        assert OrgUnit.objects.count() == 0


@pytest.mark.django_db
def test_command_dry_run_reports_and_writes_nothing(home, tmp_path):
    import io

    good = tmp_path / "einheiten.xlsx"
    good.write_bytes(xlsx([row.split(";") for row in UNITS.splitlines()]))
    out = io.StringIO()
    call_command(
        "import_inventory",
        str(good),
        municipality=home.slug,
        kind="org_units",
        dry_run=True,
        stdout=out,
    )
    assert "3 Zeilen geprüft" in out.getvalue() and "Probelauf" in out.getvalue()
    with tenancy.activate(home):
        assert OrgUnit.objects.count() == 0 and AuditEvent.objects.count() == 0


@pytest.mark.django_db
def test_command_imports_personal_data_as_system(home, tmp_path):
    run(home, "org_units", UNITS)
    path = tmp_path / "b.csv"
    path.write_text(EMPLOYEES, encoding="utf-8-sig")
    call_command("import_inventory", str(path), municipality=home.slug, kind="employees")
    with tenancy.activate(home):
        assert Employee.objects.get(personnel_number="100001").birth_year == 1963
        event = AuditEvent.objects.get(action=Action.IMPORT, object_type="organisation.Employee")
    assert event.actor is None and event.actor_name == "System"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"municipality": "gibtsnicht", "kind": "org_units"}, "Keine Kommune"),
        ({"municipality": "heimstadt", "kind": "moebel"}, "Unbekannte Art"),
    ],
)
def test_command_rejects_unknown_municipality_and_kind(home, tmp_path, options, message):
    path = tmp_path / "x.csv"
    path.write_text(UNITS, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        call_command("import_inventory", str(path), **options)
    with pytest.raises(CommandError, match="nicht gefunden"):
        call_command(
            "import_inventory",
            str(tmp_path / "fehlt.csv"),
            **options | {"kind": "org_units", "municipality": "heimstadt"},
        )


def _upload(client, municipality, kind, data, name):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        reverse("organisation:import_start", args=[municipality.slug]),
        {"kind": kind, "file": SimpleUploadedFile(name, data)},
    )


@pytest.mark.django_db
def test_browser_hr_imports_personal_data_from_xlsx(client, users, home):
    run(home, "org_units", UNITS)
    client.force_login(users["hr"])
    data = xlsx([EMPLOYEE_HEADER, ["100009", "3.1", "Kasse", "Tarif", 1, 1961, 2, "ja", None]])
    location = _upload(client, home, "employees", data, "personal.xlsx")["Location"]
    page = client.get(location).content.decode()
    assert "Alle Zeilen sind in Ordnung" in page and "1 neu" in page
    client.post(location, {"confirm": "1"})
    with tenancy.activate(home):
        employee = Employee.objects.get(personnel_number="100009")
    assert (employee.birth_year, employee.birth_month, employee.born_on_first) == (1961, 2, True)


@pytest.mark.django_db
def test_confirm_checks_again_against_the_current_database(client, users, home):
    run(home, "org_units", UNITS)
    client.force_login(users["editor"])
    text = "Personalnummer;Organisationseinheit;Beschäftigungsart;Stellenanteil\n7;3.2;Tarif;1\n"
    location = _upload(client, home, "employees", text.encode(), "b.csv")["Location"]
    assert "Alle Zeilen sind in Ordnung" in client.get(location).content.decode()
    with tenancy.activate(home):
        OrgUnit.objects.get(code="3.2").delete()  # someone removes the unit meanwhile
    response = client.post(location, {"confirm": "1"}, follow=True)
    page = response.content.decode()
    assert "nicht mehr passen" in page and "„3.2“ gibt es nicht" in page
    with tenancy.activate(home):
        assert Employee.objects.count() == 0


@pytest.mark.django_db
def test_after_confirming_the_file_is_gone_and_the_page_shows_the_counts(client, users, home):
    from wandelwerk.imports.models import ImportUpload

    client.force_login(users["editor"])
    location = _upload(client, home, "org_units", UNITS.encode(), "e.csv")["Location"]
    client.post(location, {"confirm": "1"})
    with tenancy.activate(home):
        upload = ImportUpload.objects.get()
    assert upload.status == "applied" and bytes(upload.content) == b""
    assert upload.result == {"created": 3, "updated": 0, "unchanged": 0}
    page = client.get(location).content.decode()
    assert "abgeschlossen" in page and "3 Datenzeilen" in page
    assert "Import übernehmen" not in page


@pytest.mark.django_db
def test_discarding_an_upload_changes_nothing(client, users, home):
    from wandelwerk.imports.models import ImportUpload

    client.force_login(users["editor"])
    location = _upload(client, home, "org_units", UNITS.encode(), "e.csv")["Location"]
    page = client.post(location, {"discard": "1"}, follow=True).content.decode()
    assert "Import verworfen" in page
    with tenancy.activate(home):
        assert OrgUnit.objects.count() == 0
        assert ImportUpload.objects.get().status == "discarded"
    client.post(location, {"confirm": "1"})
    with tenancy.activate(home):
        assert OrgUnit.objects.count() == 0


@pytest.mark.django_db
def test_upload_form_errors_next_to_the_field_and_in_the_summary(client, users, home, settings):
    client.force_login(users["editor"])
    settings.IMPORT_MAX_BYTES = 10
    page = _upload(client, home, "org_units", UNITS.encode(), "e.csv").content.decode()
    assert page.count("Die Datei ist zu groß") == 2  # summary and field
    assert 'href="#id_file"' in page
    settings.IMPORT_MAX_BYTES = 1_000_000
    page = _upload(client, home, "org_units", b"x", "bild.png").content.decode()
    assert "Bitte eine CSV- oder XLSX-Datei hochladen." in page
    page = client.post(reverse("organisation:import_start", args=[home.slug]), {}).content.decode()
    assert page.count("Dieses Feld ist zwingend erforderlich.") >= 2


@pytest.mark.django_db
def test_start_page_lists_every_kind_with_columns_and_templates(client, users, home):
    client.force_login(users["editor"])
    page = client.get(reverse("organisation:import_start", args=[home.slug])).content.decode()
    for header in ("Übergeordnete Einheit", "Am Monatsersten geboren", "Supportende"):
        assert f"<code>{header}</code>" in page
    for kind in ("org_units", "employees", "it_systems"):
        for fmt in ("csv", "xlsx"):
            assert reverse("organisation:import_template", args=[home.slug, kind, fmt]) in page
    index = client.get(reverse("organisation:index", args=[home.slug])).content.decode()
    assert "Daten importieren" in index
    client.force_login(users["viewer"])
    index = client.get(reverse("organisation:index", args=[home.slug])).content.decode()
    assert "Daten importieren" not in index


@pytest.mark.django_db
def test_templates_are_empty_and_come_back_as_a_valid_header(client, users, home):
    import io

    from openpyxl import load_workbook

    from wandelwerk.imports.reader import read_table

    client.force_login(users["editor"])
    for kind in ("org_units", "employees", "it_systems"):
        csv_data = client.get(
            reverse("organisation:import_template", args=[home.slug, kind, "csv"])
        ).content
        xlsx_data = client.get(
            reverse("organisation:import_template", args=[home.slug, kind, "xlsx"])
        ).content
        for data, name in ((csv_data, "v.csv"), (xlsx_data, "v.xlsx")):
            table = read_table(data, name)
            assert table.rows == []
            result = run_bytes(home, kind, data, name)
            assert [i.message for i in result.issues] == ["Die Datei enthält keine Datenzeilen."]
    workbook = load_workbook(io.BytesIO(xlsx_data))
    assert workbook.sheetnames == ["IT-Verfahren", "Hinweise"]
    assert workbook["IT-Verfahren"].column_dimensions["C"].number_format == "@"
    assert workbook["IT-Verfahren"].column_dimensions["E"].number_format == "DD.MM.YYYY"
    assert workbook["Hinweise"]["A2"].value == "Bezeichnung"
    missing = reverse("organisation:import_template", args=[home.slug, "employees", "pdf"])
    assert client.get(missing).status_code == 404


@pytest.mark.django_db
def test_another_municipality_cannot_reach_the_import_pages(client, users, home, other):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from wandelwerk.imports.models import ImportUpload

    client.force_login(users["editor"])
    location = _upload(client, home, "org_units", UNITS.encode(), "e.csv")["Location"]
    client.force_login(users["other_admin"])
    urls = [
        reverse("organisation:import_start", args=[home.slug]),
        location,
        reverse("organisation:import_template", args=[home.slug, "employees", "csv"]),
    ]
    for url in urls:
        assert client.get(url).status_code == 404
    assert client.post(location, {"confirm": "1"}).status_code == 404
    upload = SimpleUploadedFile("e.csv", UNITS.encode())
    assert client.post(urls[0], {"kind": "org_units", "file": upload}).status_code == 404
    # An upload of home is not found under the other municipality either, even by its owner.
    own = _upload(client, other, "org_units", UNITS.encode(), "e.csv")["Location"]
    with tenancy.activate(other):
        theirs = ImportUpload.objects.get().pk
    with tenancy.activate(home):
        ours = ImportUpload.objects.get().pk
    assert client.get(own).status_code == 200
    assert client.get(own.replace(f"/{theirs}/", f"/{ours}/")).status_code == 404
    with tenancy.activate(home):
        assert OrgUnit.objects.count() == 0


@pytest.mark.django_db
def test_an_unquoted_separator_is_reported_not_swallowed(home):
    text = "Kürzel,Bezeichnung,Übergeordnete Einheit,Leitung\nFB3,Bürgerdienste,,Weber, Jens\n"
    result = run(home, "org_units", text)
    assert not result.ok
    assert result.report() == (
        "Zeile 2: Ein Wert in Spalte Nr. 5, die keine Überschrift hat. "
        "Steht ein Trennzeichen in einem Wert ohne Anführungszeichen?"
    )


@pytest.mark.django_db
def test_stale_pending_uploads_are_forgotten_with_the_next_upload(client, users, home, other):
    from datetime import timedelta

    from django.utils import timezone

    from wandelwerk.imports.models import ImportUpload

    client.force_login(users["editor"])
    old = _upload(client, home, "org_units", UNITS.encode(), "alt.csv")["Location"]
    client.force_login(users["other_admin"])
    _upload(client, other, "org_units", UNITS.encode(), "anders.csv")
    with tenancy.activate(home):
        ImportUpload.objects.update(created_at=timezone.now() - timedelta(hours=25))
    with tenancy.activate(other):
        ImportUpload.objects.update(created_at=timezone.now() - timedelta(hours=25))
    client.force_login(users["editor"])
    _upload(client, home, "org_units", UNITS.encode(), "neu.csv")
    with tenancy.activate(home):
        stale, fresh = ImportUpload.objects.order_by("created_at")
    assert stale.status == "discarded" and bytes(stale.content) == b""
    assert fresh.status == "pending"
    with tenancy.activate(other):
        assert ImportUpload.objects.get().status == "pending"  # other municipalities untouched
    assert "abgeschlossen" in client.get(old).content.decode()
