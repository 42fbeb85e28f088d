"""Every employee's expected exit: computed from the retirement rules and kept per staff stand
(``stand``) as records the overview, the organisation, the wave and the risk list start from."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from django.db import connections

from wandelwerk.organisation import disclosure, stand
from wandelwerk.organisation.models import Employee, EmploymentType
from wandelwerk.organisation.retirement import UnsupportedLand, exit_date


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
