from hypothesis import given
from hypothesis import strategies as st

from wandelwerk.assessments.scoring import (
    QuestionInput,
    gap,
    rollup,
    score,
    weakest_area,
    weighted_mean,
)

values = st.lists(
    st.tuples(st.one_of(st.none(), st.integers(0, 4)), st.integers(1, 3)), min_size=1, max_size=20
)


@given(values)
def test_mean_lies_between_min_and_max_of_what_counts(pairs):
    mean = weighted_mean(pairs)
    counted = [v for v, _ in pairs if v is not None]
    if not counted:
        assert mean is None
    else:
        assert min(counted) - 1e-9 <= mean <= max(counted) + 1e-9


@given(values, st.integers(1, 5))
def test_scaling_all_weights_changes_nothing(pairs, factor):
    a, b = weighted_mean(pairs), weighted_mean([(v, w * factor) for v, w in pairs])
    assert (a is None and b is None) or abs(a - b) < 1e-9


def test_not_applicable_is_left_out_not_counted_as_zero():
    assert weighted_mean([(4, 1), (None, 1)]) == 4


def test_question_to_criterion_to_area():
    qs = [
        QuestionInput("P1", 1, 1),
        QuestionInput("P1", 3, 3),
        QuestionInput("P2", 1, None),
        QuestionInput("D1", 1, 2),
    ]
    result = score(
        qs,
        criterion_weights={"P1": 1, "P2": 1, "D1": 1},
        area_weights={"process": 1, "digital": 1},
        criterion_area={"P1": "process", "P2": "process", "D1": "digital"},
    )
    assert result.criteria == {"P1": 2.5, "P2": None, "D1": 2.0}
    assert result.areas == {"process": 2.5, "digital": 2.0}
    assert result.overall == 2.25


@given(st.lists(st.tuples(st.floats(0, 4), st.floats(0.1, 50)), min_size=1, max_size=10))
def test_rollup_by_fte_is_bounded(units):
    value = rollup(units)
    assert min(v for v, _ in units) - 1e-9 <= value <= max(v for v, _ in units) + 1e-9


def test_gap_and_weakest_area():
    assert gap(3, 1.5) == 1.5 and gap(None, 1) is None
    assert (
        weakest_area({"change": 2.0, "knowledge": 1.0, "process": None, "digital": 1.5})
        == "knowledge"
    )
    assert weakest_area({}) is None
