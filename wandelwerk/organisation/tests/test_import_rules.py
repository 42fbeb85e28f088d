"""Imports of org units, employees and IT systems: all-or-nothing, idempotent, every error
reported at once, personal data only with the right, fast."""

from __future__ import annotations

import datetime as dt

import pytest

from wandelwerk.audit.models import Action, AuditEvent
from wandelwerk.organisation.models import Employee, ITSystem, OrgUnit
from wandelwerk.organisation.tests.factories import OrgUnitFactory
from wandelwerk.organisation.tests.import_files import (
    EMPLOYEE_HEADER,
    EMPLOYEES,
    UNITS,
    employees_csv,
    run,
    run_bytes,
    xlsx,
)
from wandelwerk.tenants import tenancy


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
    queries("employees", employees_csv(10))
    small_same = queries("employees", employees_csv(10))
    large_new = queries("employees", employees_csv(300))
    large_same = queries("employees", employees_csv(300))
    large_changed = queries("employees", employees_csv(300, "Teamleitung"))
    assert large_same == small_same
    assert max(large_new, large_changed) < 20
    systems = "Bezeichnung;Organisationseinheiten\n" + "".join(
        f"Verfahren {i};U{i},U{i + 1}\n" for i in range(200)
    )
    assert queries("it_systems", systems) < 20
    assert queries("it_systems", systems.replace(";U", ";3.1,U")) < 20


@pytest.mark.django_db
def test_an_unquoted_separator_is_reported_not_swallowed(home):
    text = "Kürzel,Bezeichnung,Übergeordnete Einheit,Leitung\nFB3,Bürgerdienste,,Weber, Jens\n"
    result = run(home, "org_units", text)
    assert not result.ok
    assert result.report() == (
        "Zeile 2: Ein Wert in Spalte Nr. 5, die keine Überschrift hat. "
        "Steht ein Trennzeichen in einem Wert ohne Anführungszeichen?"
    )
