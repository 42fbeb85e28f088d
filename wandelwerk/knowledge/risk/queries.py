"""Reads of the knowledge-loss risk (inside the current municipality). Everything here names
people and their exits: callers check the right (``exit_units``) and audit the read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, overload

from wandelwerk.knowledge.models import ExitDataGrant, Expertise, HandOver, RiskRating
from wandelwerk.knowledge.queries import knowledge_settings
from wandelwerk.knowledge.risk import scales
from wandelwerk.organisation.exits import exit_records
from wandelwerk.organisation.models import Employee
from wandelwerk.organisation.queries import headed_units


def exit_units(user: Any, *, personal: bool) -> set[int] | None:
    """The org units whose exits ``user`` may see: None for all (the personal-data right),
    else the units HR granted the user (with the units below them)."""
    if personal:
        return None
    granted = set(ExitDataGrant.objects.filter(user=user).values_list("org_unit_id", flat=True))
    if not granted:
        return set()
    below = headed_units(user, roots=granted)
    return granted | below


@dataclass(frozen=True)
class Row:
    employee: Employee
    exit_date: dt.date | None
    attrition: int
    rating: RiskRating | None
    handover: HandOver | None

    @property
    def position(self) -> int | None:
        return self.rating.position_factor if self.rating else None

    @property
    def total(self) -> int | None:
        return self.attrition * self.position if self.position else None


class Ranked(NamedTuple):
    """What the ranking and the matrix need of one employee, without loading the employee (a
    tuple: a city ranks 5,000 of them on every view of the list)."""

    employee_id: int
    exit_date: dt.date | None
    attrition: int
    position: int | None
    rating_id: int | None

    @property
    def total(self) -> int | None:
        return self.attrition * self.position if self.position else None


class Ranking(Sequence[Row]):
    """Every employee chosen, highest risk first (unrated ones last). The order and the matrix
    come from two light queries; a slice (a page of the list) loads its employees, ratings and
    hand-overs in three more, so the page costs the same with 50 people or 5,000."""

    def __init__(self, ranked: list[Ranked]) -> None:
        self.ranked = ranked

    def __len__(self) -> int:
        return len(self.ranked)

    @overload
    def __getitem__(self, index: int) -> Row: ...

    @overload
    def __getitem__(self, index: slice) -> list[Row]: ...

    def __getitem__(self, index: int | slice) -> Row | list[Row]:
        if isinstance(index, slice):
            return self._rows(self.ranked[index])
        return self._rows([self.ranked[index]])[0]

    def __iter__(self) -> Iterator[Row]:
        for first in range(0, len(self.ranked), 500):
            yield from self._rows(self.ranked[first : first + 500])

    @staticmethod
    def _rows(ranked: list[Ranked]) -> list[Row]:
        ids = [r.employee_id for r in ranked]
        employees = Employee.objects.select_related("org_unit", "user", "age_limit_group").in_bulk(
            ids
        )
        ratings = RiskRating.objects.in_bulk([r.rating_id for r in ranked if r.rating_id])
        handovers = {
            h.employee_id: h
            for h in HandOver.objects.filter(employee_id__in=ids)
            .select_related("measure")
            .order_by("id")
        }
        return [
            Row(
                employees[r.employee_id],
                r.exit_date,
                r.attrition,
                ratings.get(r.rating_id) if r.rating_id else None,
                handovers.get(r.employee_id),
            )
            for r in ranked
        ]


def rows(municipality: Any, today: dt.date, units: set[int] | None) -> Ranking:
    """Every employee of ``units`` (None: all) with the current attrition factor, the latest
    rating and the hand-over, highest risk first (unrated ones last)."""
    limits = scales.bounds(knowledge_settings().attrition_months)
    latest: dict[int, tuple[int, int]] = {}
    for employee_id, rating_id, position in RiskRating.objects.order_by(
        "employee_id", "-rated_at", "-id"
    ).values_list("employee_id", "pk", "position_factor"):
        latest.setdefault(employee_id, (rating_id, position))
    ranked = []
    attrition: dict[dt.date | None, int] = {}  # many people leave on the same day (month ends)
    for pk, unit_id, _fte, exit_date in exit_records(municipality):
        if units is not None and unit_id not in units:
            continue
        if exit_date not in attrition:
            attrition[exit_date] = scales.attrition_factor(exit_date, today, limits)
        rating_id, position = latest.get(pk, (None, None))
        ranked.append(Ranked(pk, exit_date, attrition[exit_date], position, rating_id))
    ranked.sort(key=lambda r: (-(r.total or 0), r.exit_date or dt.date.max, r.employee_id))
    return Ranking(ranked)


def matrix(found: Ranking) -> list[list[int]]:
    """Counts by position factor (rows 5 … 1) and attrition factor (columns 1 … 5)."""
    grid = [[0] * 5 for _ in range(5)]
    for row in found.ranked:
        if row.position:
            grid[5 - row.position][row.attrition - 1] += 1
    return grid


def history(employee: Employee) -> list[RiskRating]:
    return list(employee.risk_ratings.select_related("rated_by").order_by("-rated_at", "-id"))


def topics_of(employee: Employee) -> list[str]:
    """What the employee knows well (expert or competent), for the hand-over's title."""
    rows_ = Expertise.objects.filter(employee=employee, level__in=("expert", "competent"))
    return [str(e.subject) for e in rows_.select_related("topic", "service", "it_system")]


def open_handovers(units: set[int] | None) -> list[HandOver]:
    found = HandOver.objects.select_related("measure", "employee__org_unit", "employee__user")
    if units is not None:
        found = found.filter(employee__org_unit__in=units)
    return list(found.order_by("measure__deadline", "id"))
