import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wandelwerk.roadmap.periods import HalfYear, period_of, periods


def test_labels_and_bounds():
    h = HalfYear(2027, 2)
    assert (
        h.label == "2. Hj. 2027"
        and h.start == dt.date(2027, 7, 1)
        and h.end == dt.date(2027, 12, 31)
    )
    assert [p.label for p in periods(HalfYear(2026, 2), 3)] == [
        "2. Hj. 2026",
        "1. Hj. 2027",
        "2. Hj. 2027",
    ]


def test_period_of_a_date():
    first = HalfYear(2027, 1)
    assert period_of(dt.date(2027, 6, 30), first) == 0
    assert period_of(dt.date(2027, 7, 1), first) == 1
    assert period_of(dt.date(2026, 12, 31), first) == -1


def test_fiscal_year():
    assert HalfYear(2027, 2).fiscal_year() == 2027
    assert HalfYear(2027, 1).fiscal_year(start_month=7) == 2026
    assert HalfYear(2027, 2).fiscal_year(start_month=7) == 2027


def test_half_must_be_1_or_2():
    with pytest.raises(ValueError):
        HalfYear(2027, 3)


@given(st.integers(2000, 2100), st.integers(1, 2), st.integers(-40, 40))
def test_shift_and_minus_are_inverse(year, half, n):
    h = HalfYear(year, half)
    assert h.shift(n).minus(h) == n
    assert h.shift(n).start <= h.shift(n).end
