"""The TVA/IAEA scales, without Django.

Attrition factor 1–5 from the months until the expected exit (a municipality sets the bounds;
default ≤ 12 → 5, ≤ 24 → 4, ≤ 36 → 3, ≤ 60 → 2, later or unknown → 1), position factor 1–5 set
by the unit head or HR, total = attrition × position (1–25), high and medium from configurable
thresholds (default 16 and 9).
"""

from __future__ import annotations

import datetime as dt

from wandelwerk.core.dates import add_months

HIGH, MEDIUM, LOW = "high", "medium", "low"
LABELS = {HIGH: "hoch", MEDIUM: "mittel", LOW: "gering"}


def bounds(text: str) -> tuple[int, ...]:
    """``"12,24,36,60"`` → (12, 24, 36, 60), sorted."""
    return tuple(sorted(int(part) for part in text.split(",")))


def months_until(today: dt.date, day: dt.date) -> int:
    """Whole months from ``today`` to ``day`` (0 when ``day`` is in this month or past)."""
    return max(0, (day.year - today.year) * 12 + day.month - today.month)


def attrition_factor(exit_date: dt.date | None, today: dt.date, limits: tuple[int, ...]) -> int:
    if exit_date is None:
        return 1
    months = months_until(today, exit_date)
    for factor, limit in zip((5, 4, 3, 2), limits, strict=False):
        if months <= limit:
            return factor
    return 1


def level(total: int, high: int, medium: int) -> str:
    if total >= high:
        return HIGH
    return MEDIUM if total >= medium else LOW


def half_year_end(day: dt.date) -> dt.date:
    return dt.date(day.year, 6, 30) if day.month <= 6 else dt.date(day.year, 12, 31)


def handover_deadline(exit_date: dt.date, today: dt.date, lead_months: int) -> tuple[dt.date, bool]:
    """When a hand-over must be done: the last half-year end at least ``lead_months`` before the
    exit (half-years, as the plan has them; the exact exit month stays out of the plan). When
    that lies before the end of the next half-year, the hand-over gets that earliest
    half-year instead and ``True`` says it was compressed."""
    target = add_months(exit_date, -lead_months)
    deadline = half_year_end(target)
    if deadline > target:  # the half-year ends after the target: take the one before
        deadline = half_year_end(add_months(target, -6))
    earliest = half_year_end(add_months(half_year_end(today), 1))
    if deadline < earliest:
        return earliest, True
    return deadline, False
