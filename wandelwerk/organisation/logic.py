"""Use cases that change the organisation inventory. Each runs in one transaction with its audit row."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from wandelwerk.audit.logic import delete_audited, record, save_audited, snapshot
from wandelwerk.audit.models import Action
from wandelwerk.organisation.models import AgeLimitGroup, Employee, ITSystem, OrgUnit
from wandelwerk.tenants.tenancy import require_municipality


def _check_no_cycle(unit: OrgUnit, parent: OrgUnit | None) -> None:
    seen = {unit.pk} if unit.pk else set()
    node = parent
    while node is not None:
        if node.pk in seen:
            raise ValidationError(
                {
                    "parent": "Die übergeordnete Einheit darf nicht die Einheit selbst oder eine ihrer Untereinheiten sein."
                }
            )
        seen.add(node.pk)
        node = node.parent
    return None


@transaction.atomic
def save_org_unit(
    *,
    actor: Any,
    unit: OrgUnit | None = None,
    code: str,
    name: str,
    parent: OrgUnit | None,
    head: str = "",
    head_user: Any = None,
    citizen_contact: bool = False,
) -> OrgUnit:
    """Create (``unit=None``) or update an org unit; a unit can never become its own ancestor."""
    before = snapshot(unit) if unit is not None and unit.pk else None
    unit = unit or OrgUnit(municipality=require_municipality())
    _check_no_cycle(unit, parent)
    unit.code, unit.name, unit.parent, unit.head, unit.citizen_contact = (
        code.strip(),
        name.strip(),
        parent,
        head.strip(),
        citizen_contact,
    )
    unit.head_user = head_user
    save_audited(actor=actor, instance=unit, before=before)
    return unit


@transaction.atomic
def delete_org_unit(*, actor: Any, unit: OrgUnit) -> None:
    delete_audited(
        actor=actor,
        instance=unit,
        in_use_message="Die Einheit hat noch Untereinheiten oder Beschäftigte und kann nicht gelöscht werden.",
    )


@transaction.atomic
def save_employee(
    *,
    actor: Any,
    employee: Employee | None = None,
    personnel_number: str,
    org_unit: OrgUnit,
    position: str = "",
    employment_type: str,
    fte: Decimal,
    age_limit_group: Any = None,
    user: Any = None,
    personal: dict[str, Any] | None = None,
) -> Employee:
    """Create or update an employee. ``personal`` (birth year/month, born on the 1st, exit
    date) is applied only when given: callers pass it only for the personal-data permission."""
    before = snapshot(employee) if employee is not None and employee.pk else None
    employee = employee or Employee(municipality=require_municipality())
    employee.personnel_number = personnel_number.strip()
    employee.org_unit = org_unit
    employee.position = position.strip()
    employee.employment_type = employment_type
    employee.fte = fte
    employee.age_limit_group = age_limit_group
    employee.user = user
    if personal is not None:
        for field in Employee.PERSONAL_FIELDS:
            if field in personal:
                setattr(employee, field, personal[field])
    save_audited(actor=actor, instance=employee, before=before)
    return employee


@transaction.atomic
def delete_employee(*, actor: Any, employee: Employee) -> None:
    delete_audited(actor=actor, instance=employee, in_use_message="Die Person wird noch verwendet.")


def record_personal_data_read(*, actor: Any, employees: Iterable[Employee], context: str) -> None:
    """Reading personal data is audited like a change (who read whose data, where)."""
    ids = [e.pk for e in employees]
    if not ids:
        return
    record(
        actor=actor,
        action=Action.VIEW_PERSONAL,
        object_type=Employee._meta.label,
        object_id=str(ids[0]) if len(ids) == 1 else "",
        object_repr=f"{context}: {len(ids)} Person(en)",
        municipality=require_municipality(),
        after={"employees": ids},
    )


@transaction.atomic
def save_it_system(
    *,
    actor: Any,
    system: ITSystem | None = None,
    name: str,
    vendor: str = "",
    hosting: str,
    end_of_support: dt.date | None,
    org_units: Iterable[OrgUnit] = (),
) -> ITSystem:
    before = None
    if system is not None and system.pk:
        before = snapshot(system)
        before["org_units"] = sorted(system.org_units.values_list("code", flat=True))
    system = system or ITSystem(municipality=require_municipality())
    system.name, system.vendor, system.hosting, system.end_of_support = (
        name.strip(),
        vendor.strip(),
        hosting,
        end_of_support,
    )
    system.full_clean()
    system.save()
    system.org_units.set(list(org_units))
    after = snapshot(system)
    after["org_units"] = sorted(system.org_units.values_list("code", flat=True))
    record(
        actor=actor,
        action=Action.CREATE if before is None else Action.UPDATE,
        obj=system,
        before=before,
        after=after,
    )
    return system


@transaction.atomic
def delete_it_system(*, actor: Any, system: ITSystem) -> None:
    delete_audited(
        actor=actor, instance=system, in_use_message="Das Verfahren wird noch verwendet."
    )


@transaction.atomic
def save_age_limit_group(
    *,
    actor: Any,
    group: AgeLimitGroup | None = None,
    name: str,
    years: int,
    months: int = 0,
    legal_basis: str = "",
) -> AgeLimitGroup:
    before = snapshot(group) if group is not None and group.pk else None
    group = group or AgeLimitGroup(municipality=require_municipality())
    group.name, group.years, group.months = name.strip(), years, months
    group.legal_basis = legal_basis.strip()
    save_audited(actor=actor, instance=group, before=before)
    return group


@transaction.atomic
def delete_age_limit_group(*, actor: Any, group: AgeLimitGroup) -> None:
    delete_audited(
        actor=actor,
        instance=group,
        in_use_message="Dieser Altersgrenze sind noch Beschäftigte zugeordnet.",
    )
