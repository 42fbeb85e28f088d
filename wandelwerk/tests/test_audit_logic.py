"""Writing the audit trail: events with before and after, saving and deleting with their event,
and reading only the current municipality's events."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from wandelwerk.audit import queries
from wandelwerk.audit.logic import (
    build_event,
    delete_audited,
    record,
    record_many,
    save_audited,
    snapshot,
)
from wandelwerk.audit.models import Action, AuditEvent
from wandelwerk.audit.tests.factories import AuditEventFactory
from wandelwerk.core.exceptions import InUseError
from wandelwerk.organisation.models import OrgUnit
from wandelwerk.organisation.tests.factories import EmployeeFactory, OrgUnitFactory
from wandelwerk.tenants import tenancy

pytestmark = pytest.mark.django_db


def test_snapshot_is_json_ready_and_leaves_out_the_municipality(home):
    employee = EmployeeFactory(
        org_unit=OrgUnitFactory(municipality=home),
        fte=Decimal("0.75"),
        planned_exit_date=dt.date(2027, 6, 30),
    )
    data = snapshot(employee, exclude=["position"])
    assert data["fte"] == "0.75" and data["planned_exit_date"] == "2027-06-30"
    assert data["org_unit"] == employee.org_unit_id
    assert "municipality" not in data and "position" not in data


def test_an_event_names_person_object_and_municipality(home, users):
    unit = OrgUnitFactory(municipality=home, code="3.1", name="Bürgerbüro")
    event = build_event(actor=users["editor"], action=Action.UPDATE, obj=unit, before={"a": 1})
    assert (event.actor_name, event.object_type, event.object_id) == (
        "editor",
        "organisation.OrgUnit",
        str(unit.pk),
    )
    assert event.municipality == home and event.pk is None  # built, not saved
    system = build_event(actor=None, action=Action.IMPORT, object_type="x", object_repr="y" * 400)
    assert system.actor is None and system.actor_name == "System"
    assert len(system.object_repr) == 300


def test_record_and_record_many_write(home):
    record(actor=None, action=Action.CREATE, obj=OrgUnitFactory(municipality=home))
    record_many(AuditEventFactory.build_batch(3, municipality=home))
    assert AuditEvent.unscoped_manager.filter(municipality=home).count() == 4


def test_save_audited_validates_and_records_create_then_update(home, users):
    with tenancy.activate(home):
        unit = save_audited(
            actor=users["editor"], instance=OrgUnit(code="9", name="Neu"), before=None
        )
        before = snapshot(unit)
        unit.name = "Umbenannt"
        save_audited(actor=users["editor"], instance=unit, before=before)
        with pytest.raises(Exception, match=r"code|Kürzel"):
            save_audited(actor=None, instance=OrgUnit(code="", name="ohne"), before=None)
        changes = [e.changes() for e in queries.events().order_by("id")]
    assert changes[0] and ("name", "Neu", "Umbenannt") in changes[1]


def test_delete_audited_keeps_what_others_refer_to(home):
    unit = OrgUnitFactory(municipality=home)
    EmployeeFactory(org_unit=unit)
    with tenancy.activate(home), pytest.raises(InUseError, match="noch Beschäftigte"):
        delete_audited(actor=None, instance=unit, in_use_message="noch Beschäftigte")
    assert OrgUnit.objects.unscoped().filter(pk=unit.pk).exists()
    assert not AuditEvent.unscoped_manager.filter(action=Action.DELETE).exists()
    empty = OrgUnitFactory(municipality=home)
    with tenancy.activate(home):
        delete_audited(actor=None, instance=empty, in_use_message="")
        assert queries.events().get().action == Action.DELETE


def test_queries_read_the_current_municipality_only(home, other):
    AuditEventFactory(municipality=home, object_type="organisation.OrgUnit")
    AuditEventFactory(municipality=home, object_type="ozg.AdministrativeService")
    AuditEventFactory(municipality=other, object_type="measures.Measure")
    with tenancy.activate(home):
        assert queries.events().count() == 2
        assert sorted(queries.object_types()) == [
            "organisation.OrgUnit",
            "ozg.AdministrativeService",
        ]
