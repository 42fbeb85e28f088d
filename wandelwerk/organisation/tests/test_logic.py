"""The organisation's use cases, called directly: each saves with its audit row, refuses what
would break the tree, and touches personal data only when asked to."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from wandelwerk.audit.models import Action, AuditEvent
from wandelwerk.core.exceptions import InUseError
from wandelwerk.organisation import logic
from wandelwerk.organisation.models import Employee, EmploymentType, Hosting, ITSystem, OrgUnit
from wandelwerk.organisation.tests.factories import (
    EmployeeFactory,
    ITSystemFactory,
    OrgUnitFactory,
)

pytestmark = pytest.mark.django_db


def events(**filters):
    return list(AuditEvent.objects.filter(**filters).order_by("id"))


def test_save_org_unit_trims_creates_and_updates(in_home, users):
    parent = OrgUnitFactory(municipality=in_home, code="FB3")
    unit = logic.save_org_unit(
        actor=users["editor"], code=" 3.1 ", name=" Bürgerbüro ", parent=parent, head="Jens Weber"
    )
    assert (unit.code, unit.name, unit.municipality) == ("3.1", "Bürgerbüro", in_home)
    logic.save_org_unit(actor=users["editor"], unit=unit, code="3.1", name="Bürgeramt", parent=None)
    unit.refresh_from_db()
    assert unit.parent is None and unit.name == "Bürgeramt"
    update = events(action=Action.UPDATE)[-1]
    assert ("name", "Bürgerbüro", "Bürgeramt") in update.changes()


def test_a_unit_cannot_move_below_itself(in_home):
    top = OrgUnitFactory(municipality=in_home)
    middle = OrgUnitFactory(municipality=in_home, parent=top)
    bottom = OrgUnitFactory(municipality=in_home, parent=middle)
    for parent in (top, bottom):
        with pytest.raises(ValidationError) as error:
            logic.save_org_unit(actor=None, unit=top, code=top.code, name=top.name, parent=parent)
        assert "parent" in error.value.error_dict
    top.refresh_from_db()
    assert top.parent is None


def test_a_unit_with_staff_is_kept_an_empty_one_deleted(in_home):
    staffed = EmployeeFactory(org_unit=OrgUnitFactory(municipality=in_home)).org_unit
    with pytest.raises(InUseError, match="Beschäftigte"):
        logic.delete_org_unit(actor=None, unit=staffed)
    logic.delete_org_unit(actor=None, unit=OrgUnitFactory(municipality=in_home))
    assert OrgUnit.objects.count() == 1 and len(events(action=Action.DELETE)) == 1


def test_save_employee_applies_personal_data_only_when_given(in_home):
    unit = OrgUnitFactory(municipality=in_home)
    employee = EmployeeFactory(org_unit=unit, birth_year=1962, planned_exit_date=None)
    logic.save_employee(
        actor=None,
        employee=employee,
        personnel_number=" 4711 ",
        org_unit=unit,
        employment_type=EmploymentType.CIVIL_SERVANT,
        fte=Decimal("0.5"),
    )
    employee.refresh_from_db()
    assert (employee.personnel_number, employee.birth_year) == ("4711", 1962)
    logic.save_employee(
        actor=None,
        employee=employee,
        personnel_number="4711",
        org_unit=unit,
        employment_type=EmploymentType.CIVIL_SERVANT,
        fte=Decimal("0.5"),
        personal={"birth_year": 1961, "planned_exit_date": dt.date(2026, 12, 31)},
    )
    employee.refresh_from_db()
    assert (employee.birth_year, employee.planned_exit_date) == (1961, dt.date(2026, 12, 31))
    logic.delete_employee(actor=None, employee=employee)
    assert not Employee.objects.exists()


def test_reading_personal_data_is_recorded_with_whose(in_home, users):
    staff = EmployeeFactory.create_batch(3, org_unit=OrgUnitFactory(municipality=in_home))
    logic.record_personal_data_read(actor=users["hr"], employees=staff, context="Liste")
    logic.record_personal_data_read(actor=users["hr"], employees=[], context="leer")
    [event] = events(action=Action.VIEW_PERSONAL)
    assert event.after == {"employees": [e.pk for e in staff]}
    assert event.object_repr == "Liste: 3 Person(en)" and event.actor == users["hr"]


def test_save_it_system_records_its_units_by_code(in_home):
    units = [OrgUnitFactory(municipality=in_home, code=c) for c in ("3.1", "3.2")]
    system = logic.save_it_system(
        actor=None,
        name=" Meldewesen ",
        hosting=Hosting.DATA_CENTRE,
        end_of_support=None,
        org_units=units,
    )
    logic.save_it_system(
        actor=None,
        system=system,
        name="Meldewesen",
        hosting=Hosting.CLOUD,
        end_of_support=dt.date(2028, 1, 31),
        org_units=units[:1],
    )
    update = events(action=Action.UPDATE)[-1]
    assert ("org_units", ["3.1", "3.2"], ["3.1"]) in update.changes()
    assert ("hosting", Hosting.DATA_CENTRE, Hosting.CLOUD) in update.changes()
    logic.delete_it_system(actor=None, system=ITSystemFactory(municipality=in_home))
    assert ITSystem.objects.count() == 1
