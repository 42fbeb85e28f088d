"""Reads of the knowledge-loss risk (inside the current municipality). Everything here names
people and their exits: callers check the right (``exit_units``) and audit the read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from wandelwerk.knowledge.models import ExitDataGrant, Expertise, HandOver, RiskRating
from wandelwerk.knowledge.queries import knowledge_settings
from wandelwerk.knowledge.risk import scales
from wandelwerk.organisation.models import Employee
from wandelwerk.organisation.queries import employee_exit_date, headed_units


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


def rows(municipality: Any, today: dt.date, units: set[int] | None) -> list[Row]:
    """Every employee of ``units`` (None: all) with the current attrition factor, the latest
    rating and the hand-over, highest risk first (unrated ones last); four queries."""
    limits = scales.bounds(knowledge_settings().attrition_months)
    staff = Employee.objects.select_related("org_unit", "user", "age_limit_group")
    if units is not None:
        staff = staff.filter(org_unit__in=units)
    latest: dict[int, RiskRating] = {}
    for rating in RiskRating.objects.filter(employee__in=staff).order_by(
        "employee_id", "-rated_at", "-id"
    ):
        latest.setdefault(rating.employee_id, rating)
    handovers = {
        h.employee_id: h
        for h in HandOver.objects.filter(employee__in=staff)
        .select_related("measure")
        .order_by("id")
    }
    found = []
    for employee in staff:
        exit_date = employee_exit_date(employee, municipality.land)
        found.append(
            Row(
                employee,
                exit_date,
                scales.attrition_factor(exit_date, today, limits),
                latest.get(employee.pk),
                handovers.get(employee.pk),
            )
        )
    return sorted(found, key=lambda r: (-(r.total or 0), r.exit_date or dt.date.max, r.employee.pk))


def matrix(found: list[Row]) -> list[list[int]]:
    """Counts by position factor (rows 5 … 1) and attrition factor (columns 1 … 5)."""
    grid = [[0] * 5 for _ in range(5)]
    for row in found:
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
