"""Demo step: org units, employees and IT systems of the demo municipalities.

They are written directly, staff in bulk. Every row is looked up by its natural key first and
only created when missing; existing rows are never changed.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from django.db import transaction

from wandelwerk.organisation.demo_data import (
    AGE_BANDS,
    BORN_ON_FIRST_SHARE,
    EARLY_EXIT_SHARE,
    HEAD_MIN_AGE,
    PART_TIME_FTE,
    PLANS,
    Plan,
    System,
    Unit,
)
from wandelwerk.organisation.models import Employee, EmploymentType, ITSystem, OrgUnit
from wandelwerk.organisation.retirement import retirement_date
from wandelwerk.tenants import tenancy
from wandelwerk.tenants.models import Municipality


def _end_of_month(year: int, month: int) -> dt.date:
    """Last day of ``month`` in ``year``; months past 12 or below 1 roll over into other years."""
    next_year, next_month0 = divmod(year * 12 + month, 12)  # the month after, 0-based
    return dt.date(next_year, next_month0 + 1, 1) - dt.timedelta(days=1)


def _ensure_units(municipality: Municipality, units: list[Unit]) -> tuple[dict[str, OrgUnit], int]:
    by_code = {u.code: u for u in OrgUnit.objects.all()}
    created = 0
    for unit in units:  # parents come before their children
        if unit.code not in by_code:
            by_code[unit.code] = OrgUnit.objects.create(
                municipality=municipality,
                code=unit.code,
                name=unit.name,
                head=unit.head,
                citizen_contact=unit.citizen_contact,
                parent=by_code[unit.parent] if unit.parent else None,
            )
            created += 1
    return by_code, created


def _person(
    rng: random.Random, *, head: bool, civil_servant: bool, land: str, today: dt.date
) -> tuple[int, int, bool, dt.date]:
    """Birth year, month, born on the 1st and statutory exit of someone still employed today."""
    bands = [band for band, _ in AGE_BANDS]
    weights = [weight for _, weight in AGE_BANDS]
    while True:
        ((youngest, oldest),) = rng.choices(bands, weights=weights)
        age = rng.randint(youngest, oldest)
        month = rng.randint(1, 12)
        first = rng.random() < BORN_ON_FIRST_SHARE
        if head and age < HEAD_MIN_AGE:
            continue
        year = today.year - age
        exit_on = retirement_date(
            year, month, born_on_first=first, civil_servant=civil_servant, land=land
        )
        if exit_on >= today:
            return year, month, first, exit_on


def _ensure_employees(
    municipality: Municipality, plan: Plan, by_code: dict[str, OrgUnit], today: dt.date
) -> int:
    """About one row per ``Unit.staff``; personnel numbers count up in steps of 7.

    The random draws follow the same sequence on every run, and a row is only written when its
    personnel number is new, so a second run adds nothing and changes nothing.
    """
    rng = random.Random(plan.seed)
    existing = set(Employee.objects.values_list("personnel_number", flat=True))
    number = plan.first_number
    new = []
    for unit in plan.units:
        for i in range(unit.staff):
            number += 7
            head = i == 0
            share = min(1.0, 2 * unit.civil_servants) if head else unit.civil_servants
            civil_servant = rng.random() < share
            year, month, first, statutory = _person(
                rng, head=head, civil_servant=civil_servant, land=municipality.land, today=today
            )
            part_time = rng.random() < (0.05 if head else unit.part_time)
            fte = Decimal(rng.choice(PART_TIME_FTE)) if part_time else Decimal("1")
            planned = None
            early = rng.random() < EARLY_EXIT_SHARE
            months_early = rng.randint(3, 24)
            if early and statutory <= today.replace(year=today.year + 5):
                candidate = _end_of_month(statutory.year, statutory.month - months_early)
                if candidate > today:
                    planned = candidate
            position = unit.lead if head else rng.choice(unit.positions)
            if str(number) in existing:
                continue
            new.append(
                Employee(
                    municipality=municipality,
                    personnel_number=str(number),
                    org_unit=by_code[unit.code],
                    position=position,
                    employment_type=(
                        EmploymentType.CIVIL_SERVANT if civil_servant else EmploymentType.EMPLOYEE
                    ),
                    fte=fte,
                    birth_year=year,
                    birth_month=month,
                    born_on_first=first,
                    planned_exit_date=planned,
                )
            )
    Employee.objects.bulk_create(new)
    return len(new)


def _ensure_systems(
    municipality: Municipality, systems: list[System], by_code: dict[str, OrgUnit], today: dt.date
) -> int:
    existing = set(ITSystem.objects.values_list("name", flat=True))
    created = 0
    for system in systems:
        if system.name in existing:
            continue
        end = None
        if system.support_months is not None:
            end = _end_of_month(today.year, today.month + system.support_months)
        row = ITSystem.objects.create(
            municipality=municipality,
            name=system.name,
            vendor=system.vendor,
            hosting=system.hosting,
            end_of_support=end,
        )
        row.org_units.set([by_code[c] for c in system.units])
        created += 1
    return created


@transaction.atomic
def build_demo(stdout: Any) -> None:
    today = dt.date.today()
    for plan in PLANS:
        municipality = Municipality.objects.get(slug=plan.slug)
        with tenancy.activate(municipality):
            by_code, units = _ensure_units(municipality, plan.units)
            staff = _ensure_employees(municipality, plan, by_code, today)
            systems = _ensure_systems(municipality, plan.systems, by_code, today)
            new = units + staff + systems
            stdout.write(
                f"  {municipality.name}: {OrgUnit.objects.count()} Organisationseinheiten, "
                f"{Employee.objects.count()} Beschäftigte, {ITSystem.objects.count()} IT-Verfahren"
                f" ({f'{new} neu' if new else 'bereits vorhanden'})\n"
            )
