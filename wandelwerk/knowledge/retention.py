"""Personal data over its life: staff records go a set time after the exit.

An employee whose confirmed exit (HR's planned exit date, or the end of an elected official's
term) lies more than the municipality's ``retention_months`` in the past is deleted with everything that
names them (knowledge map entries, risk ratings, the link of a hand-over; the hand-over measure
itself stays, as it names the unit and topics only). The deletion is audited without the
personal fields, and the personal fields of earlier audit events about the person are blanked.
Run daily: ``manage.py apply_retention`` (all municipalities).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from wandelwerk.audit.logic import record, redact_personal_data, snapshot
from wandelwerk.audit.models import Action
from wandelwerk.core.dates import add_months
from wandelwerk.knowledge.models import RiskRating
from wandelwerk.knowledge.queries import knowledge_settings
from wandelwerk.organisation.exits import employee_exit_date
from wandelwerk.organisation.models import Employee
from wandelwerk.tenants.tenancy import require_municipality


def confirmed_exit(employee: Employee) -> dt.date | None:
    """The exit HR entered (planned date, or an elected official's end of term); a computed age
    limit alone is no proof of leaving (people may work on beyond it)."""
    dates = [d for d in (employee.planned_exit_date, employee.term_end) if d is not None]
    return min(dates) if dates else None


def due(today: dt.date) -> list[tuple[Employee, dt.date]]:
    """The employees of the current municipality whose retention after a confirmed exit has
    ended, with that exit."""
    cutoff = add_months(today, -knowledge_settings().retention_months)
    found = []
    for employee in Employee.objects.select_related("org_unit"):
        exit_date = confirmed_exit(employee)
        if exit_date is not None and exit_date < cutoff:
            found.append((employee, exit_date))
    return found


def unconfirmed(today: dt.date) -> int:
    """How many employees are past their computed exit without a confirmed one: HR should
    enter the exit (or the later date they work to) so the retention rule can apply."""
    land = require_municipality().land
    return sum(
        1
        for employee in Employee.objects.select_related("age_limit_group")
        if confirmed_exit(employee) is None
        and (computed := employee_exit_date(employee, land)) is not None
        and computed < today
    )


@transaction.atomic
def apply_retention(*, actor: Any = None, today: dt.date) -> int:
    """Delete the employees whose retention has ended; returns how many."""
    leaving = due(today)
    if not leaving:
        return 0
    ratings = [
        str(pk)
        for pk in RiskRating.objects.filter(employee__in=[e for e, _d in leaving]).values_list(
            "pk", flat=True
        )
    ]
    employees = [str(e.pk) for e, _d in leaving]
    for employee, _exit in leaving:
        before = snapshot(employee, exclude=Employee.PERSONAL_FIELDS)
        pk = employee.pk
        employee.delete()
        record(
            actor=actor,
            action=Action.DELETE,
            obj=employee,
            object_id=str(pk),
            before={**before, "grund": "Aufbewahrungsfrist nach dem Austritt abgelaufen"},
        )
    redact_personal_data(
        objects={"organisation.Employee": employees, "knowledge.RiskRating": ratings}
    )
    return len(leaving)
