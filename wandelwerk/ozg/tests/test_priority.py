from hypothesis import given
from hypothesis import strategies as st

from wandelwerk.ozg.priority import Weights, priority

levels = st.integers(0, 4)
cases = st.integers(0, 100_000)
minutes = st.integers(0, 600)
weights = st.builds(
    Weights,
    workload=st.floats(0, 5),
    gap=st.floats(0, 5),
    citizens=st.floats(0, 2),
    businesses=st.floats(0, 2),
    internal=st.floats(0, 2),
)


def p(
    cases_per_year=1000,
    minutes_per_case=30,
    level=1,
    target=3,
    group="citizens",
    max_hours=10_000,
    w=None,
):
    return priority(
        cases_per_year=cases_per_year,
        minutes_per_case=minutes_per_case,
        level=level,
        target=target,
        max_level=4,
        target_group=group,
        max_hours=max_hours,
        weights=w or Weights(),
    )


@given(cases, minutes, levels, levels, weights)
def test_score_is_between_0_and_100_times_the_group_factor(c, m, level, target, w):
    result = p(c, m, level, target, w=w, max_hours=max(1.0, c * m / 60))
    assert 0 <= result.score <= 100 * w.citizens + 0.05  # the score is rounded to one decimal


@given(cases, minutes, levels)
def test_reaching_the_target_gives_priority_zero(c, m, level):
    assert p(c, m, level, level).score == 0


@given(st.integers(0, 50_000), st.integers(1, 50_000), minutes, levels)
def test_more_cases_never_lower_the_priority(c, extra, m, level):
    target = 4
    if level >= target:
        return
    assert (
        p(c + extra, m, level, target, max_hours=1e6).score
        >= p(c, m, level, target, max_hours=1e6).score
    )


@given(cases, minutes)
def test_a_larger_gap_ranks_higher(c, m):
    assert p(c, m, 0, 4, max_hours=1e6).score >= p(c, m, 2, 4, max_hours=1e6).score


def test_citizens_before_internal_with_default_weights():
    assert p(group="citizens").score > p(group="internal").score


def test_factors_are_reported():
    result = p(cases_per_year=6000, minutes_per_case=20, level=1, target=4, max_hours=2000)
    assert result.hours == 2000 and result.workload_factor == 1.0
    assert result.gap_levels == 3 and result.gap_factor == 0.75
    assert result.score == 87.5


@given(cases, minutes, levels, levels, weights)
def test_the_factors_shown_give_the_score_shown(c, m, level, target, w):
    """A reader can recompute every row with the formula on the page."""
    result = p(c, m, level, target, w=w, max_hours=max(1.0, c * m / 60, 500.0))
    if result.gap_levels == 0 or w.workload + w.gap == 0:
        assert result.score == 0
        return
    recomputed = (
        100
        * result.group_factor
        * (w.workload * result.workload_factor + w.gap * result.gap_factor)
        / (w.workload + w.gap)
    )
    assert abs(recomputed - result.score) <= 0.05 + 0.1 * result.group_factor


def test_model_2_0_measures_the_gap_against_level_7():
    result = priority(
        cases_per_year=100,
        minutes_per_case=30,
        level=3,
        target=7,
        max_level=7,
        target_group="businesses",
        max_hours=50,
        weights=Weights(),
    )
    assert result.gap_levels == 4 and result.gap_factor == round(4 / 7, 3)
