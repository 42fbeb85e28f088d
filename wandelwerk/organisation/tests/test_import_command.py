"""The import on the command line: dry run, exit code, report, personal data as the system."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from wandelwerk.audit.models import Action, AuditEvent
from wandelwerk.organisation.models import Employee, OrgUnit
from wandelwerk.organisation.tests.import_files import (
    EMPLOYEES,
    UNITS,
    run,
    xlsx,
)
from wandelwerk.tenants import tenancy


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
