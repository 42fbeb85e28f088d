import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wandelwerk.organisation.retirement import exit_date, retirement_date, standard_age_limit


@pytest.mark.parametrize(
    ("year", "month", "first", "expected"),
    [
        (1954, 8, False, dt.date(2020, 4, 30)),  # born 15.08.1954
        (1954, 5, True, dt.date(2019, 12, 31)),  # born 01.05.1954
        (1964, 3, False, dt.date(2031, 3, 31)),  # born 10.03.1964
        (1964, 3, True, dt.date(2031, 2, 28)),  # born 01.03.1964
        (1946, 6, False, dt.date(2011, 6, 30)),
        (1964, 1, True, dt.date(2030, 12, 31)),
    ],
)
def test_examples_from_the_design(year, month, first, expected):
    assert retirement_date(year, month, born_on_first=first) == expected


@pytest.mark.parametrize(
    ("year", "limit"),
    [
        (1946, (65, 0)),
        (1947, (65, 1)),
        (1952, (65, 6)),
        (1958, (66, 0)),
        (1959, (66, 2)),
        (1963, (66, 10)),
        (1964, (67, 0)),
        (1990, (67, 0)),
    ],
)
def test_age_limit_steps(year, limit):
    assert standard_age_limit(year) == limit


def test_planned_exit_date_overrides():
    planned = dt.date(2027, 6, 30)
    assert exit_date(birth_year=1960, birth_month=5, planned_exit_date=planned) == planned


def test_unknown_birth_gives_no_date():
    assert exit_date(birth_year=None, birth_month=None) is None


@given(st.integers(1930, 2005), st.integers(1, 12), st.booleans())
def test_exit_is_month_end_and_after_65th_birthday(year, month, first):
    date = retirement_date(year, month, born_on_first=first)
    assert (date + dt.timedelta(days=1)).day == 1
    assert (date.year - year) * 12 + date.month - month >= 65 * 12 - 1
    assert (date.year - year) * 12 + date.month - month <= 67 * 12


@given(st.integers(1930, 2005), st.integers(1, 12))
def test_born_on_first_leaves_one_month_earlier(year, month):
    later = retirement_date(year, month)
    earlier = retirement_date(year, month, born_on_first=True)
    assert (later.year * 12 + later.month) - (earlier.year * 12 + earlier.month) == 1


def test_a_land_without_its_table_is_an_error_not_nrw():
    from wandelwerk.organisation.retirement import UnsupportedLand

    with pytest.raises(UnsupportedLand, match="„BY“"):
        retirement_date(1960, 5, civil_servant=True, land="BY")
    # Salaried staff follow § 235 SGB VI in every Land.
    assert retirement_date(1960, 5, land="BY") == retirement_date(1960, 5, land="NW")
    # What HR planned still holds.
    planned = dt.date(2026, 9, 30)
    assert (
        exit_date(
            birth_year=1960, birth_month=5, civil_servant=True, land="BY", planned_exit_date=planned
        )
        == planned
    )


def test_elected_officials_leave_at_the_end_of_their_term_unless_hr_planned_otherwise():
    term_end = dt.date(2030, 10, 31)
    assert (
        exit_date(birth_year=1965, birth_month=1, civil_servant=True, term_end=term_end) == term_end
    )
    planned = dt.date(2028, 3, 31)
    assert (
        exit_date(birth_year=1965, birth_month=1, term_end=term_end, planned_exit_date=planned)
        == planned
    )


@given(st.integers(1940, 2005), st.integers(1, 12), st.booleans())
def test_a_special_limit_of_62_ends_at_the_month_of_the_62nd_birthday(year, month, first):
    date = retirement_date(year, month, born_on_first=first, civil_servant=True, special=(62, 0))
    months_lived = (date.year - year) * 12 + date.month - month
    assert months_lived == (62 * 12 - 1 if first else 62 * 12)
    assert (date + dt.timedelta(days=1)).day == 1
    # A special limit applies whatever the Land's own table (it is the group's Land law).
    assert date == retirement_date(
        year, month, born_on_first=first, civil_servant=True, land="BY", special=(62, 0)
    )


@given(st.integers(1940, 2005), st.integers(1, 12), st.booleans(), st.booleans())
def test_a_lower_special_limit_never_leaves_later_than_the_regular_one(year, month, first, civil):
    regular = retirement_date(year, month, born_on_first=first, civil_servant=civil)
    special = retirement_date(
        year, month, born_on_first=first, civil_servant=civil, special=(60, 0)
    )
    assert special <= regular
