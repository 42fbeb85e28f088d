"""Exit records are kept per staff stand: read once while nothing changes, and read again after
every kind of write to the staff (a form's save, a delete, an import, a bulk write, a special
age limit), so no page shows figures of an earlier state."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from wandelwerk.organisation import exits, logic
from wandelwerk.organisation.models import Employee, EmploymentType
from wandelwerk.organisation.tests.factories import (
    AgeLimitGroupFactory,
    EmployeeFactory,
    OrgUnitFactory,
)
from wandelwerk.organisation.tests.import_files import EMPLOYEES, UNITS, run
from wandelwerk.tenants import tenancy
from wandelwerk.tenants.models import Municipality

pytestmark = pytest.mark.django_db


def exit_dates(municipality) -> dict[int, dt.date | None]:
    municipality = Municipality.objects.get(pk=municipality.pk)
    return {pk: when for pk, _unit, _fte, when in exits.exit_records(municipality)}


@pytest.fixture
def person(in_home):
    return EmployeeFactory(org_unit=OrgUnitFactory(municipality=in_home), birth_year=1962)


def test_records_are_read_once_while_the_staff_stays_the_same(person, in_home):
    first = exits.exit_records(in_home)
    assert exits.exit_records(in_home) is first
    assert first.state == exits.exit_records(in_home).state


def test_a_saved_edit_and_a_delete_show_at_once(person, in_home):
    before = exit_dates(in_home)[person.pk]
    logic.save_employee(
        actor=None,
        employee=person,
        personnel_number=person.personnel_number,
        org_unit=person.org_unit,
        employment_type=EmploymentType.EMPLOYEE,
        fte=Decimal("1"),
        personal={"planned_exit_date": dt.date(2027, 6, 30)},
    )
    assert before != dt.date(2027, 6, 30) and exit_dates(in_home)[person.pk] == dt.date(2027, 6, 30)
    logic.delete_employee(actor=None, employee=person)
    assert person.pk not in exit_dates(in_home)


def test_bulk_writes_show_at_once(person, in_home):
    exit_dates(in_home)
    Employee.objects.filter(pk=person.pk).update(planned_exit_date=dt.date(2028, 1, 31))
    assert exit_dates(in_home)[person.pk] == dt.date(2028, 1, 31)
    new = Employee(
        municipality=in_home, org_unit=person.org_unit, personnel_number="9", birth_year=1961
    )
    Employee.objects.bulk_create([new])
    assert len(exit_dates(in_home)) == 2
    person.planned_exit_date = dt.date(2029, 1, 31)
    Employee.objects.bulk_update([person], ["planned_exit_date"])
    assert exit_dates(in_home)[person.pk] == dt.date(2029, 1, 31)


def test_a_changed_special_age_limit_shows_at_once(in_home):
    group = AgeLimitGroupFactory(municipality=in_home, years=62)
    civil_servant = EmployeeFactory(
        org_unit=OrgUnitFactory(municipality=in_home),
        employment_type=EmploymentType.CIVIL_SERVANT,
        birth_year=1970,
        birth_month=5,
        age_limit_group=group,
    )
    assert exit_dates(in_home)[civil_servant.pk].year == 2032
    group.years = 60
    group.save()
    assert exit_dates(in_home)[civil_servant.pk].year == 2030


def test_an_import_that_updates_rows_shows_at_once(home):
    run(home, "org_units", UNITS)
    run(home, "employees", EMPLOYEES)
    with tenancy.activate(home):
        number = Employee.objects.get(personnel_number="100001").pk
        assert exit_dates(home)[number].year == 2030  # born April 1963: 66 years and 8 months
        run(home, "employees", EMPLOYEES.replace("0,5;1963;4;nein;", "0,5;1963;4;nein;31.03.2027"))
        assert exit_dates(home)[number] == dt.date(2027, 3, 31)


def test_another_municipalitys_writes_leave_the_kept_records(person, in_home, other):
    first = exits.exit_records(in_home)
    with tenancy.activate(other):
        EmployeeFactory(org_unit=OrgUnitFactory(municipality=other))
    assert exits.exit_records(in_home) is first


def test_the_municipality_kept_longest_makes_room(monkeypatch, in_home, other):
    from wandelwerk.organisation import stand
    from wandelwerk.tenants.tests.factories import MunicipalityFactory

    monkeypatch.setattr(stand, "KEPT_MUNICIPALITIES", 2)
    monkeypatch.setattr(stand, "_kept", {})
    third = MunicipalityFactory(slug="drittort")
    first = exits.exit_records(in_home)
    with tenancy.activate(other):
        second = exits.exit_records(other)
    with tenancy.activate(third):
        exits.exit_records(third)  # pushes out the one kept longest
    with tenancy.activate(other):
        assert exits.exit_records(other) is second
    assert exits.exit_records(in_home) is not first  # read again
