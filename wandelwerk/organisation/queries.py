"""Tenant-scoped reads of the organisation inventory."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, QuerySet, Sum

from wandelwerk.organisation.models import (
    AgeLimitGroup,
    Employee,
    EmploymentType,
    ITSystem,
    OrgUnit,
)
from wandelwerk.organisation.retirement import CIVIL_SERVANT_RULES, UnsupportedLand, exit_date

# Aggregates about staff hide groups smaller than this (DESIGN §4).
MIN_GROUP_SIZE = 5


@dataclass(frozen=True)
class TreeRow:
    unit: OrgUnit
    depth: int
    employee_count: int


def org_units() -> QuerySet[OrgUnit]:
    return (
        OrgUnit.objects.all()
        .select_related("parent", "head_user")
        .annotate(employee_count=Count("employees"))
    )


def org_unit_tree() -> list[TreeRow]:
    """All org units in tree order (parents before children, siblings by code), with depth."""
    units = list(OrgUnit.objects.annotate(employee_count=Count("employees")).order_by("code"))
    children: dict[int | None, list[OrgUnit]] = {}
    for unit in units:
        children.setdefault(unit.parent_id, []).append(unit)
    rows: list[TreeRow] = []

    def walk(parent_id: int | None, depth: int) -> None:
        for unit in children.get(parent_id, []):
            rows.append(TreeRow(unit, depth, unit.employee_count))  # type: ignore[attr-defined]
            walk(unit.pk, depth + 1)

    walk(None, 0)
    return rows


def descendants_of(unit: OrgUnit) -> set[int]:
    """Ids of ``unit`` and all units below it."""
    pairs = list(OrgUnit.objects.values_list("pk", "parent_id"))
    result = {unit.pk}
    changed = True
    while changed:
        changed = False
        for pk, parent_id in pairs:
            if parent_id in result and pk not in result:
                result.add(pk)
                changed = True
    return result


def employees() -> QuerySet[Employee]:
    return Employee.objects.select_related("org_unit", "age_limit_group", "user")


def it_systems() -> QuerySet[ITSystem]:
    return ITSystem.objects.prefetch_related(
        Prefetch("org_units", queryset=OrgUnit.objects.order_by("code"))
    )


def employee_exit_date(employee: Employee, land: str) -> dt.date | None:
    """The expected exit date; None when unknown (no birth data, or a civil servant in a Land
    without its table: ``retirement_notice`` says so on the pages)."""
    group = employee.age_limit_group
    return _exit(
        employee.birth_year,
        employee.birth_month,
        employee.born_on_first,
        employee.employment_type,
        employee.planned_exit_date,
        employee.term_end,
        group.limit if group else None,
        land,
    )


def _exit(
    year: int | None,
    month: int | None,
    first: bool,
    kind: str,
    planned: dt.date | None,
    term_end: dt.date | None,
    special: tuple[int, int] | None,
    land: str,
) -> dt.date | None:
    try:
        return exit_date(
            birth_year=year,
            birth_month=month,
            born_on_first=first,
            civil_servant=kind == EmploymentType.CIVIL_SERVANT,
            land=land,
            planned_exit_date=planned,
            term_end=term_end,
            special=special,
        )
    except UnsupportedLand:
        return None


def exit_dates(municipality: Any) -> list[dt.date]:
    """Every employee's expected exit date (planned, else statutory); unknown ones left out."""
    rows = Employee.objects.values_list(
        "birth_year",
        "birth_month",
        "born_on_first",
        "employment_type",
        "planned_exit_date",
        "term_end",
        "age_limit_group__years",
        "age_limit_group__months",
    )
    dates = (
        _exit(
            year,
            month,
            first,
            kind,
            planned,
            term_end,
            (years, months or 0) if years is not None else None,
            municipality.land,
        )
        for year, month, first, kind, planned, term_end, years, months in rows
    )
    return [d for d in dates if d is not None]


def retirement_notice(municipality: Any) -> str | None:
    """Why some civil servants have no computed exit date: their Land's table is missing."""
    if municipality.land in CIVIL_SERVANT_RULES:
        return None
    unknown = Employee.objects.filter(
        employment_type=EmploymentType.CIVIL_SERVANT,
        planned_exit_date__isnull=True,
        term_end__isnull=True,
        age_limit_group__isnull=True,
    )
    return str(UnsupportedLand(municipality.land)) if unknown.exists() else None


def hide_small(n: int) -> int | None:
    """Staff counts below five are hidden (``None``) so no one can be singled out."""
    return n if n >= MIN_GROUP_SIZE or n == 0 else None


def exits_per_year(
    dates: list[dt.date], *, years: int = 10, today: dt.date
) -> list[tuple[int, int | None]]:
    """Expected exits per calendar year; a year with fewer than 5 exits shows ``None``."""
    counts: dict[int, int] = {}
    for date in dates:
        if today <= date:
            counts[date.year] = counts.get(date.year, 0) + 1
    return [
        (year, hide_small(counts.get(year, 0))) for year in range(today.year, today.year + years)
    ]


@dataclass(frozen=True)
class OverviewFigures:
    org_units: int
    employees: int
    fte: float
    it_systems: int
    support_ending: int
    exits_24_months: int | None
    exits_by_year: list[tuple[int, int | None]]


def overview_figures(municipality: Any, today: dt.date | None = None) -> OverviewFigures:
    today = today or dt.date.today()
    horizon = today + dt.timedelta(days=730)
    staff = Employee.objects.aggregate(n=Count("pk"), fte=Sum("fte"))
    dates = exit_dates(municipality)
    return OverviewFigures(
        org_units=OrgUnit.objects.count(),
        employees=staff["n"] or 0,
        fte=float(staff["fte"] or 0),
        it_systems=ITSystem.objects.count(),
        support_ending=ITSystem.objects.filter(
            end_of_support__lte=today + dt.timedelta(days=365)
        ).count(),
        exits_24_months=hide_small(sum(1 for d in dates if today <= d <= horizon)),
        exits_by_year=exits_per_year(dates, today=today),
    )


def age_limit_groups() -> QuerySet[AgeLimitGroup]:
    groups: QuerySet[AgeLimitGroup] = AgeLimitGroup.objects.all()
    return groups.annotate(member_count=Count("employees")).order_by("name")
