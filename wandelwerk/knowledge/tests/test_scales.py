"""The TVA/IAEA scales and the hand-over deadline."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from wandelwerk.knowledge.risk import scales

LIMITS = (12, 24, 36, 60)
TODAY = dt.date(2026, 12, 1)


def test_attrition_factor_by_months_until_exit():
    cases = {
        dt.date(2026, 12, 31): 5, dt.date(2027, 12, 31): 5, dt.date(2028, 1, 31): 4,
        dt.date(2028, 12, 31): 4, dt.date(2029, 12, 31): 3, dt.date(2031, 12, 31): 2,
        dt.date(2032, 1, 31): 1, None: 1, dt.date(2020, 1, 31): 5,
    }  # fmt: skip
    assert {d: scales.attrition_factor(d, TODAY, LIMITS) for d in cases} == cases


def test_levels_follow_the_thresholds():
    assert [scales.level(t, 16, 9) for t in (25, 16, 15, 9, 8, 1)] == [
        "high", "high", "medium", "medium", "low", "low",
    ]  # fmt: skip


def test_a_handover_ends_a_half_year_at_least_the_lead_time_before_the_exit():
    assert scales.handover_deadline(dt.date(2030, 3, 31), TODAY, 18) == (
        dt.date(2028, 6, 30),
        False,
    )
    assert scales.handover_deadline(dt.date(2030, 12, 31), TODAY, 18) == (
        dt.date(2029, 6, 30),
        False,
    )


def test_a_near_exit_gets_the_earliest_half_year_and_says_so():
    assert scales.handover_deadline(dt.date(2027, 9, 30), TODAY, 18) == (dt.date(2027, 6, 30), True)


@given(
    exit_date=st.dates(dt.date(2026, 1, 1), dt.date(2040, 12, 31)),
    today=st.dates(dt.date(2025, 1, 1), dt.date(2035, 12, 31)),
    lead=st.integers(1, 36),
)
def test_deadlines_are_half_year_ends_never_before_the_earliest_half_year(exit_date, today, lead):
    deadline, compressed = scales.handover_deadline(exit_date, today, lead)
    assert (deadline.month, deadline.day) in ((6, 30), (12, 31))
    earliest = scales.half_year_end(
        dt.date(today.year + (today.month > 6), 12 if today.month <= 6 else 6, 1)
    )
    assert deadline >= earliest
    if not compressed:
        assert scales.months_until(deadline, exit_date) >= lead


@given(
    exit_date=st.one_of(st.none(), st.dates(dt.date(2020, 1, 1), dt.date(2045, 12, 31))),
    position=st.integers(1, 5),
)
def test_the_total_stays_within_1_and_25(exit_date, position):
    total = scales.attrition_factor(exit_date, TODAY, LIMITS) * position
    assert 1 <= total <= 25
