"""Half-year periods (Halbjahresschritte), the planner's unit of time. Pure functions.

Period 0 is the scenario's first half-year; ``HalfYear(2027, 1)`` is January–June 2027.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class HalfYear:
    year: int
    half: int  # 1 or 2

    def __post_init__(self) -> None:
        if self.half not in (1, 2):
            raise ValueError("half must be 1 or 2")

    @classmethod
    def of(cls, date: dt.date) -> HalfYear:
        return cls(date.year, 1 if date.month <= 6 else 2)

    @classmethod
    def from_ordinal(cls, ordinal: int) -> HalfYear:
        return cls(ordinal // 2, ordinal % 2 + 1)

    @property
    def ordinal(self) -> int:
        """The half-year as one number (``year * 2 + half - 1``), as plans store it."""
        return self.year * 2 + self.half - 1

    def shift(self, periods: int) -> HalfYear:
        index = self.year * 2 + (self.half - 1) + periods
        return HalfYear(index // 2, index % 2 + 1)

    def minus(self, other: HalfYear) -> int:
        """Number of half-years from ``other`` to ``self``."""
        return (self.year * 2 + self.half) - (other.year * 2 + other.half)

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 1 if self.half == 1 else 7, 1)

    @property
    def end(self) -> dt.date:
        return dt.date(self.year, 6, 30) if self.half == 1 else dt.date(self.year, 12, 31)

    @property
    def label(self) -> str:
        return f"{self.half}. Hj. {self.year}"

    def fiscal_year(self, start_month: int = 1) -> int:
        """The fiscal year that contains most of this half-year (calendar year unless the
        municipality's fiscal year starts mid-year)."""
        if start_month <= 1:
            return self.year
        middle = dt.date(self.year, 3 if self.half == 1 else 9, 15)
        return middle.year if middle.month >= start_month else middle.year - 1


def periods(first: HalfYear, count: int) -> list[HalfYear]:
    return [first.shift(i) for i in range(count)]


def period_of(date: dt.date, first: HalfYear) -> int:
    """Index of the period containing ``date`` (negative before the first)."""
    return HalfYear.of(date).minus(first)
