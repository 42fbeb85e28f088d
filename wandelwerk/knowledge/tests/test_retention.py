"""Personal data over its life: staff records go the set time after the exit, audited."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command

from wandelwerk.audit.models import AuditEvent
from wandelwerk.knowledge import logic as knowledge_logic
from wandelwerk.knowledge.models import HandOver, RiskRating
from wandelwerk.knowledge.retention import apply_retention
from wandelwerk.knowledge.risk import logic as risk_logic
from wandelwerk.measures.models import Measure
from wandelwerk.organisation.models import Employee
from wandelwerk.organisation.tests.factories import EmployeeFactory, OrgUnitFactory
from wandelwerk.tenants import tenancy

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 12, 1)


@pytest.fixture
def staff(in_home):
    unit = OrgUnitFactory(municipality=in_home)
    gone = EmployeeFactory(org_unit=unit, planned_exit_date=dt.date(2026, 3, 31), birth_year=1960)
    recent = EmployeeFactory(org_unit=unit, planned_exit_date=dt.date(2026, 9, 30))
    staying = EmployeeFactory(org_unit=unit, young=True)
    working_on = EmployeeFactory(
        org_unit=unit, birth_year=1950
    )  # past the age limit, no exit entered
    return gone, recent, staying, working_on


def test_records_go_after_the_retention_months_with_what_names_them(staff, users):
    gone, recent, staying, working_on = staff
    knowledge_logic.save_expertise(
        actor=None, employee=gone, topic_name="Kasse", level="expert", documented=False
    )
    risk_logic.rate(actor=users["hr"], employee=gone, position_factor=5, today=dt.date(2025, 6, 1))
    from wandelwerk.knowledge.models import KnowledgeSettings

    KnowledgeSettings.objects.create(municipality=gone.municipality, risk_high=10)
    risk_logic.create_handovers(actor=users["hr"], today=dt.date(2025, 6, 1))
    measure = HandOver.objects.get().measure
    assert apply_retention(today=TODAY) == 1  # default 6 months: March goes, September stays
    assert set(Employee.objects.all()) == {recent, staying, working_on}  # computed exits stay
    assert not RiskRating.objects.exists() and not HandOver.objects.exists()
    assert Measure.objects.filter(pk=measure.pk).exists()  # names the unit and topics only
    deleted = AuditEvent.objects.get(object_type="organisation.Employee", action="delete")
    assert "birth_year" not in deleted.before and "planned_exit_date" not in deleted.before
    assert "Aufbewahrungsfrist" in deleted.before["grund"]
    rating_events = AuditEvent.objects.filter(object_type="knowledge.RiskRating")
    assert all(e.after["exit_date"] is None for e in rating_events)
    assert apply_retention(today=TODAY) == 0


def test_the_command_runs_for_every_municipality(staff, home, other):
    with tenancy.activate(other):
        EmployeeFactory(
            org_unit=OrgUnitFactory(municipality=other), planned_exit_date=dt.date(2020, 1, 31)
        )
    out = io.StringIO()
    call_command("apply_retention", stdout=out)
    assert "Heimstadt: 1" in out.getvalue() or "Heimstadt: 2" in out.getvalue()
    assert "Anderdorf: 1" in out.getvalue()
    assert "Heimstadt: 1 Beschäftigte über der berechneten Altersgrenze" in out.getvalue()
