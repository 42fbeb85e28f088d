"""Running an import in its two steps: checking writes nothing; applying writes every row with
its audit events and one event for the import, or nothing when nothing changes."""

from __future__ import annotations

import pytest

from wandelwerk.audit.models import Action, AuditEvent
from wandelwerk.imports.logic import apply_import, check_import
from wandelwerk.organisation.models import OrgUnit
from wandelwerk.tenants import tenancy

pytestmark = pytest.mark.django_db

UNITS = "Kürzel;Bezeichnung\r\nFB3;Bürgerdienste\r\n3.1;Bürgerbüro\r\n".encode()


def check(home, data=UNITS):
    return check_import(
        kind="org_units",
        data=data,
        filename="einheiten.csv",
        municipality=home,
        allow_personal=False,
    )


def test_checking_counts_and_previews_but_writes_nothing(home):
    result, plan, _importer = check(home)
    assert (result.ok, result.rows, result.created, result.updated) == (True, 2, 2, 0)
    assert result.preview[0] == {"Kürzel": "FB3", "Bezeichnung": "Bürgerdienste"}
    assert plan is not None and not OrgUnit.objects.unscoped().exists()


def test_an_unreadable_file_is_one_issue_without_a_plan(home):
    result, plan, _importer = check(home, b"\x00\x01\x02")
    assert plan is None and not result.ok
    assert result.report()


def test_applying_writes_rows_and_one_event_for_the_import(home, users):
    result, plan, importer = check(home)
    apply_import(
        actor=users["editor"], importer=importer, plan=plan, result=result, filename="e.csv"
    )
    with tenancy.activate(home):
        assert OrgUnit.objects.count() == 2
        assert AuditEvent.objects.filter(action=Action.CREATE).count() == 2
        event = AuditEvent.objects.get(action=Action.IMPORT)
    assert event.after["created"] == 2 and event.actor == users["editor"]
    again, plan, importer = check(home)
    assert again.unchanged == 2 and not plan.changes
    apply_import(actor=None, importer=importer, plan=plan, result=again, filename="e.csv")
    assert AuditEvent.unscoped_manager.filter(action=Action.IMPORT).count() == 1
