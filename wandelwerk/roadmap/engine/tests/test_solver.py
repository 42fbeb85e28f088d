"""The product planner: every plan passes the independent checker, and says why."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from wandelwerk.roadmap.engine import Problem, Status, Task, Weights, solve
from wandelwerk.roadmap.engine.check import violations
from wandelwerk.roadmap.engine.greedy import greedy_plan

H = 6


def problem(tasks, **kw):
    kw.setdefault("capacities", {"intern": [10] * H})
    return Problem(horizon=H, tasks=tasks, **kw)


def test_prerequisites_and_the_reason_for_waiting():
    p = problem([Task("A", 2, {"intern": 2}), Task("B", 1, {"intern": 2}, predecessors=("A",))])
    result = solve(p, time_limit=5)
    assert result.status == Status.OPTIMAL
    assert result.starts == {"A": 0, "B": 2}
    assert result.reasons["B"].kind == "predecessor" and result.reasons["B"].ref == "A"
    assert result.critical == {"A", "B"}
    assert violations(p, result.starts) == []


def test_capacity_pushes_a_task_later_and_says_so():
    p = problem([Task("A", 1, {"intern": 8}, benefit=5), Task("B", 1, {"intern": 8}, benefit=1)])
    result = solve(p, time_limit=5)
    assert result.starts == {"A": 0, "B": 1}
    assert result.reasons["B"].kind == "resource" and "intern" in result.reasons["B"].message


def test_capacity_per_period():
    p = problem([Task("A", 1, {"intern": 8})], capacities={"intern": [5, 5, 10, 10, 10, 10]})
    result = solve(p, time_limit=5)
    assert result.starts == {"A": 2}


def test_budget_per_fiscal_year():
    p = problem(
        [Task("A", 1, cost=80_000, benefit=3), Task("B", 1, cost=80_000, benefit=2)],
        budgets=[100_000, 100_000, 100_000],
        fiscal_year=[0, 0, 1, 1, 2, 2],
    )
    result = solve(p, time_limit=5)
    assert violations(p, result.starts) == []
    assert {result.starts["A"] // 2, result.starts["B"] // 2} == {0, 1}
    assert result.reasons["B"].kind == "budget"


def test_change_capacity_of_a_unit():
    p = problem([Task(f"T{i}", 2, units=("3.1",)) for i in range(3)], change_capacity={"3.1": 2})
    result = solve(p, time_limit=5)
    assert violations(p, result.starts) == []
    assert sorted(result.starts.values()) == [0, 0, 2]


def test_fixed_start_is_kept_when_replanning():
    p = problem([Task("A", 2, fixed_start=1), Task("B", 1, predecessors=("A",))])
    result = solve(p, time_limit=5)
    assert result.starts["A"] == 1 and result.starts["B"] == 3
    assert result.reasons["A"].kind == "fixed"


def test_soft_deadline_may_slip_hard_deadline_may_not():
    tasks = [Task("A", 3, {"intern": 10}, benefit=9), Task("B", 2, {"intern": 10}, deadline=2)]
    result = solve(problem(tasks), time_limit=5)
    assert result.status == Status.OPTIMAL and violations(problem(tasks), result.starts) == []
    hard = [
        Task("A", 3, {"intern": 10}, benefit=9),
        Task("B", 2, {"intern": 10}, deadline=2, deadline_hard=True),
    ]
    result = solve(problem(hard), time_limit=5)
    assert result.starts["B"] == 0


def test_conflicting_hard_deadlines_are_named():
    tasks = [
        Task("A", 2, {"intern": 10}, deadline=2, deadline_hard=True),
        Task("B", 2, {"intern": 10}, deadline=2, deadline_hard=True),
        Task("C", 1, {"intern": 1}),
    ]
    result = solve(problem(tasks), time_limit=5)
    assert result.status == Status.INFEASIBLE
    [conflict] = result.conflicts
    assert conflict.kind == "deadline" and set(conflict.tasks) == {"A", "B"}


def test_prerequisite_cycle_and_oversized_demand_are_diagnosed_before_solving():
    cyc = solve(
        problem([Task("A", 1, predecessors=("B",)), Task("B", 1, predecessors=("A",))]),
        time_limit=5,
    )
    assert cyc.status == Status.INFEASIBLE and cyc.conflicts[0].kind == "prerequisite"
    big = solve(problem([Task("A", 1, {"intern": 11})]), time_limit=5)
    assert big.conflicts[0].kind == "capacity"


def test_tasks_that_do_not_fit_are_left_out_not_lost():
    p = problem([Task("A", 4, {"intern": 10}), Task("B", 4, {"intern": 10})])
    result = solve(p, time_limit=5)
    assert result.status == Status.OPTIMAL and len(result.unscheduled) == 1
    assert violations(p, result.starts) == []


def test_focus_prefers_fewer_areas_at_once():
    tasks = [
        Task("A", 1, area="digital"),
        Task("B", 1, area="change"),
        Task("C", 1, area="digital"),
    ]
    w = Weights(benefit=0, deadlines=0, focus=5)
    p = Problem(
        horizon=H, tasks=tasks, capacities={"intern": [10] * H}, change_capacity={}, weights=w
    )
    result = solve(p, time_limit=5)
    assert (
        result.starts["A"] == result.starts["C"] != result.starts["B"]
        or result.starts["A"] == result.starts["C"]
    )


@st.composite
def small_problems(draw):
    n = draw(st.integers(1, 6))
    tasks = []
    for i in range(n):
        preds = tuple(f"T{j}" for j in range(i) if draw(st.booleans()) and draw(st.booleans()))
        tasks.append(
            Task(
                f"T{i}",
                draw(st.integers(1, 3)),
                {"intern": draw(st.integers(0, 6))},
                cost=draw(st.integers(0, 50)),
                units=("U",) if draw(st.booleans()) else (),
                area=draw(st.sampled_from(["change", "digital"])),
                benefit=draw(st.integers(1, 5)),
                release=draw(st.integers(0, 2)),
                predecessors=preds,
            )
        )
    return Problem(
        horizon=H,
        tasks=tasks,
        capacities={"intern": [draw(st.integers(6, 9))] * H},
        budgets=[draw(st.integers(40, 120))] * 3,
        fiscal_year=[0, 0, 1, 1, 2, 2],
        change_capacity={"U": draw(st.integers(1, 2))},
    )


@settings(max_examples=25)
@given(small_problems())
def test_every_plan_passes_the_independent_check(p):
    result = solve(p, time_limit=5, workers=1)
    assert result.status in (Status.OPTIMAL, Status.FEASIBLE)
    assert violations(p, result.starts) == []
    assert set(result.starts) | set(result.unscheduled) == {t.id for t in p.tasks}
    assert set(result.reasons) == set(result.starts)


@settings(max_examples=40)
@given(small_problems())
def test_the_greedy_starting_plan_keeps_every_rule(p):
    starts = greedy_plan(p)
    assert violations(p, starts) == []


def test_the_greedy_plan_keeps_fixed_starts_and_leaves_out_what_depends_on_a_missing_task():
    p = problem(
        [
            Task("done", 1, {"intern": 4}, fixed_start=1),
            Task("big", 1, {"intern": 20}),
            Task("after-big", 1, {"intern": 1}, predecessors=("big",)),
            Task("after-done", 1, {"intern": 1}, predecessors=("done",)),
        ],
        capacities={"intern": [10] * H},
    )
    starts = greedy_plan(p)
    assert starts["done"] == 1 and starts["after-done"] == 2
    assert "big" not in starts and "after-big" not in starts
