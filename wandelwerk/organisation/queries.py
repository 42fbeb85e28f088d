"""Tenant-scoped reads of the organisation inventory."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, QuerySet, Sum

from wandelwerk.organisation import disclosure
from wandelwerk.organisation.disclosure import Cell
from wandelwerk.organisation.exits import ExitRecords, exit_records
from wandelwerk.organisation.models import (
    AgeLimitGroup,
    Employee,
    EmploymentType,
    ITSystem,
    OrgUnit,
)
from wandelwerk.organisation.retirement import CIVIL_SERVANT_RULES, UnsupportedLand
from wandelwerk.tenants.tenancy import require_municipality

# Aggregates about staff hide groups smaller than this (DESIGN §4).


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


def unit_fte(staff: QuerySet[Employee] | None = None) -> dict[int, float]:
    """Staff (FTE) of each unit counted with the units directly below it (of the current
    municipality, from its kept exit records, or of ``staff``, e.g. several municipalities'
    at once)."""
    per_unit: Iterable[tuple[int, int | None, Any]]
    if staff is None:
        own = exit_records(require_municipality()).fte_by_unit
        parents = OrgUnit.objects.values_list("pk", "parent_id")
        per_unit = [(unit, parent, own[unit]) for unit, parent in parents if unit in own]
    else:
        per_unit = (
            staff.order_by()
            .values("org_unit_id", "org_unit__parent_id")
            .annotate(s=Sum("fte"))
            .values_list("org_unit_id", "org_unit__parent_id", "s")
        )
    fte: dict[int, float] = {}
    for unit_id, parent_id, value in per_unit:
        for counted in (unit_id, parent_id):  # the unit itself and the unit above it
            if counted is not None:
                fte[counted] = fte.get(counted, 0.0) + float(value or 0)
    return fte


def employees() -> QuerySet[Employee]:
    return Employee.objects.select_related("org_unit", "age_limit_group", "user")


def it_systems() -> QuerySet[ITSystem]:
    return ITSystem.objects.prefetch_related(
        Prefetch("org_units", queryset=OrgUnit.objects.order_by("code"))
    )


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


@dataclass(frozen=True)
class OverviewFigures:
    org_units: int
    employees: int
    fte: float
    it_systems: int
    support_ending: int
    exits_24_months: int | None
    exits_by_year: list[tuple[int, int | None]]


def overview_figures(
    municipality: Any, today: dt.date | None = None, *, exact: bool = False
) -> OverviewFigures:
    """The inventory's key figures; exits as the retirement wave shows them (through the
    disclosure control unless ``exact``)."""
    today = today or dt.date.today()
    horizon = today + dt.timedelta(days=730)
    records = exit_records(municipality)
    soon = [
        fte for _pk, _unit, fte, when in records if when is not None and today <= when <= horizon
    ]
    state = records.state
    wave = retirement_wave(
        municipality, today, exact=exact, records=records, state=state, total_only=True
    )
    return OverviewFigures(
        org_units=OrgUnit.objects.count(),
        employees=len(records),
        fte=round(sum(records.fte_by_unit.values()), 3),
        it_systems=ITSystem.objects.count(),
        support_ending=ITSystem.objects.filter(
            end_of_support__lte=today + dt.timedelta(days=365)
        ).count(),
        exits_24_months=(
            len(soon) if exact else disclosure.protect(state, "24m", len(soon), sum(soon)).people
        ),
        exits_by_year=[(y, c.people) for y, c in zip(wave.years, wave.total.cells, strict=True)],
    )


def age_limit_groups() -> QuerySet[AgeLimitGroup]:
    groups: QuerySet[AgeLimitGroup] = AgeLimitGroup.objects.all()
    return groups.annotate(member_count=Count("employees")).order_by("name")


@dataclass(frozen=True)
class WaveRow:
    unit: OrgUnit | None  # None: the whole administration
    cells: list[Cell]
    total: Cell


@dataclass(frozen=True)
class Wave:
    """Expected exits per year and org unit (people and FTE) for ``years`` years."""

    years: list[int]
    rows: list[WaveRow]
    total: WaveRow
    exact: bool  # False: disclosure control applies (see ``disclosure``)


def retirement_wave(
    municipality: Any,
    today: dt.date,
    *,
    exact: bool,
    units: set[int] | None = None,
    years: int = 10,
    records: ExitRecords | None = None,
    by_department: bool = False,
    state: str | None = None,
    total_only: bool = False,
) -> Wave:
    """The retirement wave from each employee's expected exit (planned, term end, special or
    statutory age limit); ``units`` narrows it to those org units, ``by_department`` sums each
    unit into the department (the level below the top) it belongs to. Without ``exact`` every
    figure passes the disclosure control; ``total_only`` leaves out the rows per unit."""
    span = list(range(today.year, today.year + years))
    records = exit_records(municipality) if records is None else records
    row_of = departments() if by_department else {}
    counted: dict[tuple[int, int], tuple[int, float]] = {}  # (row, year) → people, FTE
    for (unit_id, year), (people, fte) in records.leaving(today).items():
        if year not in span or (units is not None and unit_id not in units):
            continue
        key = (row_of.get(unit_id, unit_id), year)
        before = counted.get(key, (0, 0.0))
        counted[key] = (before[0] + people, before[1] + fte)
    state = state or records.state

    def cell(name: str, figures: list[tuple[int, float]]) -> Cell:
        people, fte = sum(f[0] for f in figures), round(sum(f[1] for f in figures), 3)
        if exact:
            return disclosure.exact(people, fte)
        return disclosure.protect(state, name, people, fte)

    shown = OrgUnit.objects.order_by("code")
    if by_department:
        shown = shown.filter(pk__in=set(row_of.values()))
    if units is not None:
        shown = shown.filter(pk__in={row_of.get(u, u) for u in units})
    none = (0, 0.0)
    rows = []
    for unit in [] if total_only else shown:
        per_year = [counted.get((unit.pk, y), none) for y in span]
        rows.append(
            WaveRow(
                unit,
                [cell(f"{unit.pk}/{y}", [v]) for y, v in zip(span, per_year, strict=True)],
                cell(f"{unit.pk}/*", per_year),
            )
        )
    by_year = [[v for (_u, y), v in counted.items() if y == year] for year in span]
    total = WaveRow(
        None,
        [cell(f"*/{y}", v) for y, v in zip(span, by_year, strict=True)],
        cell("*/*", [f for v in by_year for f in v]),
    )
    return Wave(span, rows, total, exact)


def departments() -> dict[int, int]:
    """Each org unit's department: its ancestor one level below the top (the top unit and the
    departments are their own)."""
    parent = dict(OrgUnit.objects.values_list("pk", "parent_id"))
    result = {}
    for pk in parent:
        node = pk
        while parent.get(node) is not None and parent.get(parent[node]) is not None:
            node = parent[node]
        result[pk] = node
    return result


def headed_units(user: Any, *, roots: set[int] | None = None) -> set[int]:
    """The org units ``user`` heads (or ``roots``), with every unit below them."""
    parents: dict[int, list[int]] = {}
    heads = []
    for pk, parent, head in OrgUnit.objects.values_list("pk", "parent_id", "head_user_id"):
        parents.setdefault(parent or 0, []).append(pk)
        if (pk in roots) if roots is not None else head == user.pk:
            heads.append(pk)
    found: set[int] = set()
    stack = list(heads)
    while stack:
        pk = stack.pop()
        if pk not in found:
            found.add(pk)
            stack += parents.get(pk, [])
    return found


AGE_BANDS = ((0, 29, "unter 30"), (30, 39, "30–39"), (40, 49, "40–49"), (50, 59, "50–59"),
             (60, 200, "60 und älter"))  # fmt: skip


def age_structure(today: dt.date) -> list[tuple[str, Cell]]:
    """Staff by age band (birth year only), through the disclosure control: no band below five
    people is shown. Those without a birth year are left out."""
    years = list(Employee.objects.order_by("pk").values_list("pk", "birth_year", "fte"))
    state = disclosure.state_key([(pk, year) for pk, year, _fte in years])
    bands = []
    for low, high, label in AGE_BANDS:
        chosen = [
            float(fte) for _pk, year, fte in years if year and low <= today.year - year <= high
        ]
        bands.append((label, disclosure.protect(state, f"age/{low}", len(chosen), sum(chosen))))
    return bands
