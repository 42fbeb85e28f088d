"""Tenant-scoped reads of the organisation inventory."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any

from django.db import connections
from django.db.models import Count, Prefetch, QuerySet, Sum

from wandelwerk.organisation import disclosure, stand
from wandelwerk.organisation.disclosure import Cell
from wandelwerk.organisation.models import (
    AgeLimitGroup,
    Employee,
    EmploymentType,
    ITSystem,
    OrgUnit,
)
from wandelwerk.organisation.retirement import CIVIL_SERVANT_RULES, UnsupportedLand, exit_date
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
    if staff is None:
        own = exit_records(require_municipality()).fte_by_unit
        fte: dict[int, float] = {}
        for unit_id, parent_id in OrgUnit.objects.values_list("pk", "parent_id"):
            for counted in (unit_id, parent_id):  # the unit itself and the unit above it
                if counted is not None and unit_id in own:
                    fte[counted] = round(fte.get(counted, 0.0) + own[unit_id], 3)
        return fte
    per_unit = (
        staff.order_by()
        .values("org_unit_id", "org_unit__parent_id")
        .annotate(s=Sum("fte"))
        .values_list("org_unit_id", "org_unit__parent_id", "s")
    )
    fte = {}
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


@functools.lru_cache(maxsize=65536)
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


def _day(value: Any) -> dt.date | None:
    """A date column as the driver returns it: a date (PostgreSQL) or ISO text (SQLite)."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


Record = tuple[int, int, float, dt.date | None]


class ExitRecords(list[Record]):
    """(employee id, org unit id, FTE, expected exit) of every employee, by id; shared by every
    request of the same staff stand, so never changed by a reader."""

    @functools.cached_property
    def state(self) -> str:
        """The digest the disclosure control draws its noise from."""
        return disclosure.state_key(self)

    @functools.cached_property
    def fte_by_unit(self) -> dict[int, float]:
        """Staff (FTE) of each org unit, without the units below it."""
        found: dict[int, float] = {}
        for _pk, unit_id, fte, _when in self:
            found[unit_id] = found.get(unit_id, 0.0) + fte
        return {unit: round(fte, 3) for unit, fte in found.items()}  # FTE have three decimals

    def leaving(self, today: dt.date) -> dict[tuple[int, int], tuple[int, float]]:
        """(org unit, year) → people and FTE leaving from ``today`` on (kept for the last day
        asked: the wave, the overview and the organisation ask for today's)."""
        kept = self.__dict__.setdefault("_leaving", {})
        if today not in kept:
            found: dict[tuple[int, int], tuple[int, float]] = {}
            for _pk, unit_id, fte, when in self:
                if when is not None and when >= today:
                    people, posts = found.get((unit_id, when.year), (0, 0.0))
                    found[(unit_id, when.year)] = (people + 1, posts + fte)
            kept.clear()
            kept[today] = found
        result: dict[tuple[int, int], tuple[int, float]] = kept[today]
        return result


def exit_records(municipality: Any) -> ExitRecords:
    """Every employee's exit record, kept per staff stand (``stand``): the overview, the
    organisation, the wave and the risk list all start from them."""
    return stand.kept(municipality, lambda: _read_exit_records(municipality))


def _read_exit_records(municipality: Any) -> ExitRecords:
    """The rows are read with the cursor of the tenant-scoped query and converted here, which
    takes a third of the time Django's per-field converters did."""
    query = Employee.objects.order_by("pk").values_list(
        "pk", "org_unit_id", "fte", "birth_year", "birth_month", "born_on_first", "employment_type",
        "planned_exit_date", "term_end", "age_limit_group__years", "age_limit_group__months",
    )  # fmt: skip
    sql, params = query.query.sql_with_params()
    with connections[query.db].cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    land = municipality.land
    return ExitRecords(
        (
            pk,
            unit_id,
            float(fte),
            _exit(
                year,
                month,
                bool(first),
                kind,
                _day(planned),
                _day(term_end),
                (g_years, g_months or 0) if g_years is not None else None,
                land,
            ),
        )
        for pk, unit_id, fte, year, month, first, kind, planned, term_end, g_years, g_months in rows
    )


def retirement_wave(
    municipality: Any,
    today: dt.date,
    *,
    exact: bool,
    units: set[int] | None = None,
    years: int = 10,
    records: list[Record] | None = None,
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
    if not isinstance(records, ExitRecords):
        records = ExitRecords(records)
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
