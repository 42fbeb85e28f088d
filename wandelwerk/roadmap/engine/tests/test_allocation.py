"""The provider-wide allocation of the team over the municipalities' plans."""

from __future__ import annotations

import random
from dataclasses import replace

from wandelwerk.roadmap.engine.allocation import (
    Claim,
    TeamProblem,
    greedy_allocation,
    objective_of,
    shares_of,
)
from wandelwerk.roadmap.engine.allocation_solver import allocate
from wandelwerk.roadmap.engine.model import Status


def _used(allocation, skill, t):
    return sum(share.allocated[skill][t] for share in allocation.shares.values())


def test_what_fits_is_served_as_wished():
    problem = TeamProblem(
        periods=3,
        capacity={"consulting": [10, 10, 10]},
        claims=[
            Claim("a", {"consulting": [5, 5, 0]}),
            Claim("b", {"consulting": [5, 0, 5]}),
        ],
    )
    result = allocate(problem, time_limit=5)
    assert result.status == Status.OPTIMAL
    assert result.objective == 0
    assert result.shares["a"].allocated["consulting"] == [5, 5, 0]
    assert result.overbooked == []


def test_too_much_waits_for_a_later_half_year_as_a_whole_never_comes_earlier():
    problem = TeamProblem(
        periods=3,
        capacity={"engineering": [10, 10, 10], "training": [10, 10, 10]},
        claims=[
            Claim("a", {"engineering": [8, 0, 0], "training": [2, 0, 0]}, weight=2),
            Claim("b", {"engineering": [8, 4, 0], "training": [1, 0, 0]}),
        ],
        slices=1,
    )
    result = allocate(problem, time_limit=5)
    assert result.status == Status.OPTIMAL
    # a weighs more and keeps its half-year; b's work moves with its mix of skills, and the
    # work of its second half-year does not overtake the first (nor fit beside it).
    assert result.shares["a"].allocated == {"engineering": [8, 0, 0], "training": [2, 0, 0]}
    assert result.shares["b"].allocated == {"engineering": [0, 8, 4], "training": [0, 1, 0]}
    assert result.objective == 9 + 4  # nine days one half-year late, four days one half-year
    assert sum(s.unserved for s in result.shares.values()) == 0


def test_slices_let_part_of_a_half_years_work_stay_where_it_was_wished():
    problem = TeamProblem(
        periods=2,
        capacity={"engineering": [10, 10]},
        claims=[
            Claim("a", {"engineering": [8, 0]}, fixed=True),
            Claim("b", {"engineering": [8, 0]}),
        ],
        slices=4,
    )
    result = allocate(problem, time_limit=5)
    assert result.shares["b"].allocated == {"engineering": [2, 6]}  # one slice of four stays
    assert result.objective == 6


def test_decided_plans_stay_as_decided_and_their_overbooking_is_named():
    problem = TeamProblem(
        periods=2,
        capacity={"training": [10, 10]},
        claims=[
            Claim("baseline-1", {"training": [8, 0]}, fixed=True),
            Claim("baseline-2", {"training": [6, 0]}, fixed=True),
            Claim("draft", {"training": [4, 0]}),
        ],
    )
    result = allocate(problem, time_limit=5)
    assert result.shares["baseline-1"].allocated["training"] == [8, 0]
    assert result.shares["baseline-2"].allocated["training"] == [6, 0]
    assert result.shares["draft"].allocated["training"] == [0, 4]
    (over,) = result.overbooked
    assert (over.skill, over.period, over.need, over.capacity) == ("training", 0, 14, 10)
    assert over.decided == ("baseline-1", "baseline-2")
    assert over.waiting == ("draft",)


def test_a_municipality_gets_no_more_than_its_own_provider_days_and_nothing_after_its_plan():
    problem = TeamProblem(
        periods=3,
        capacity={"consulting": [15, 50, 50], "engineering": [50, 50, 50]},
        claims=[
            Claim(
                "a",
                {"consulting": [10, 10, 0], "engineering": [5, 0, 0]},
                limit=[20, 14, 20],
                last=1,
            ),
            Claim("b", {"consulting": [10, 0, 0]}, fixed=True),
        ],
        slices=1,
    )
    result = allocate(problem, time_limit=5)
    share = result.shares["a"]
    # Its first half-year's 15 days do not fit beside b's 10 consulting days, its second
    # half-year's own limit (14) does not hold them, and nothing goes beyond its plan.
    assert share.allocated == {"consulting": [0, 0, 0], "engineering": [0, 0, 0]}
    assert share.unserved == 25
    roomier = replace(problem, capacity={"consulting": [20, 50, 50], "engineering": [50] * 3})
    assert allocate(roomier, time_limit=5).shares["a"].allocated == {
        "consulting": [10, 10, 0],
        "engineering": [5, 0, 0],
    }


def test_the_solver_never_does_worse_than_the_greedy_start_and_keeps_the_team_within_capacity():
    rng = random.Random(7)
    skills = ("consulting", "engineering", "training")
    claims = [
        Claim(
            f"m{i}",
            {s: [rng.choice((0, 0, 5, 10, 20)) for _ in range(8)] for s in skills},
            fixed=i < 3,
            limit=[40] * 8,
            weight=rng.randint(1, 3),
        )
        for i in range(15)
    ]
    problem = TeamProblem(periods=8, capacity={s: [60] * 8 for s in skills}, claims=claims)
    greedy = objective_of(problem, shares_of(problem, greedy_allocation(problem)))
    result = allocate(problem, time_limit=10)
    assert result.objective is not None and result.objective <= greedy
    assert result.bound is not None and result.bound <= result.objective
    fixed_use = {
        (s, t): sum(c.demand[s][t] for c in claims if c.fixed) for s in skills for t in range(8)
    }
    for s in skills:
        for t in range(8):
            assert _used(result, s, t) <= max(60, fixed_use[(s, t)])
            flexible = _used(result, s, t) - fixed_use[(s, t)]
            assert flexible <= max(0, 60 - fixed_use[(s, t)])
