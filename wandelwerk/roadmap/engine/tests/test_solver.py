"""The product planner: every plan passes the independent checker, and says why."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from wandelwerk.roadmap.engine import Conflict, Problem, Reason, Status, Task, Weights, solve
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
    assert result.reasons["B"] == Reason("resource", "intern", period=0, used=8, available=10)


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
    assert result.reasons["A"] == Reason("fixed", period=1)


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


def test_prerequisite_cycle_is_named_in_order_before_solving():
    cyc = solve(
        problem([Task("A", 1, predecessors=("B",)), Task("B", 1, predecessors=("A",))]),
        time_limit=5,
    )
    assert cyc.status == Status.INFEASIBLE
    assert cyc.conflicts == [Conflict("cycle", ("A", "B", "A"))]


def test_oversized_work_is_left_out_with_its_reason_unless_it_must_be_in_the_plan():
    result = solve(problem([Task("A", 1, {"intern": 11}), Task("B", 1)]), time_limit=5)
    assert result.status == Status.OPTIMAL and result.unscheduled == ["A"]
    assert result.reasons["A"] == Reason("demand", "intern", used=11, available=10)
    must = solve(problem([Task("A", 1, {"intern": 11}, fixed_start=0)]), time_limit=5)
    assert must.conflicts == [Conflict("demand", ("A",), "intern", need=11, available=10)]


def test_work_under_way_beyond_the_budget_of_a_year_is_named_with_the_figures():
    p = problem(
        [Task("A", 1, cost=50_000, fixed_start=0), Task("B", 2, cost=90_000, fixed_start=0)],
        budgets=[80_000, 80_000, 80_000],
        fiscal_year=[0, 0, 1, 1, 2, 2],
    )
    result = solve(p, time_limit=5)
    assert result.status == Status.INFEASIBLE
    assert result.conflicts == [Conflict("budget", ("A", "B"), "0", 0, 140_000, 80_000)]


def test_work_under_way_beyond_capacity_and_change_capacity_is_named():
    p = problem(
        [
            Task("A", 1, {"intern": 6}, units=("3.1",), fixed_start=2),
            Task("B", 1, {"intern": 6}, units=("3.1",), fixed_start=2),
        ],
        change_capacity={"3.1": 1},
    )
    result = solve(p, time_limit=5)
    assert [(c.kind, c.tasks, c.ref, c.period, c.need, c.available) for c in result.conflicts] == [
        ("capacity", ("A", "B"), "intern", 2, 12, 10),
        ("change", ("A", "B"), "3.1", 2, 2, 1),
    ]


def test_a_hard_deadline_before_the_earliest_end_is_named_with_it():
    p = problem([Task("A", 2, release=3, deadline=4, deadline_hard=True)])
    assert solve(p, time_limit=5).conflicts == [Conflict("deadline", ("A",), period=3)]


def test_left_out_work_says_why():
    p = problem(
        [
            Task("long", 4, release=3),
            Task("first", 1, {"intern": 11}),
            Task("then", 1, predecessors=("first",)),
        ]
    )
    result = solve(p, time_limit=5)
    assert result.reasons["long"] == Reason("horizon", period=H - 1)
    assert result.reasons["then"] == Reason("predecessor_left_out", "first")


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
    assert set(result.reasons) == {t.id for t in p.tasks}


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


@settings(max_examples=25)
@given(small_problems())
def test_planning_an_unchanged_problem_again_changes_nothing(p):
    first = solve(p, time_limit=5, workers=1)
    assert first.status == Status.OPTIMAL
    again = solve(p, time_limit=5, workers=1, reference=first.starts)
    assert again.status == Status.OPTIMAL
    assert again.starts == first.starts and again.moves == {}


def test_a_delay_moves_only_what_it_forces_or_frees_and_says_why():
    tasks = [
        Task("A", 1, {"intern": 6}, benefit=5),
        Task("B", 1, {"intern": 6}, benefit=4),
        Task("C", 1, {"intern": 2}, benefit=1, predecessors=("A",)),
        Task("D", 1, {"intern": 2}, benefit=1),
    ]
    first = solve(problem(tasks), time_limit=5)
    assert first.starts == {"A": 0, "B": 1, "C": 1, "D": 0}
    delayed = [Task("A", 1, {"intern": 6}, benefit=5, release=2), *tasks[1:]]
    again = solve(problem(delayed), time_limit=5, reference=first.starts)
    assert again.starts == {"A": 2, "B": 0, "C": 3, "D": 0}
    assert again.moves == {
        "A": Reason("release", period=2),
        "B": Reason("earlier", period=1),
        "C": Reason("predecessor", "A", period=2),
    }


def test_every_better_plan_is_handed_over_while_searching():
    seen = []
    p = problem([Task(f"T{i}", 1, {"intern": 4}, benefit=i + 1) for i in range(5)])
    result = solve(p, time_limit=5, on_solution=seen.append)
    assert seen and seen[-1].starts == result.starts
    assert all(s.objective >= result.objective for s in seen)


def test_only_the_chain_that_ends_the_plan_is_critical_not_every_task_sharing_capacity():
    tasks = [Task(f"X{i}", 1, {"intern": 8}, benefit=9 - i) for i in range(4)]
    tasks += [Task("P", 1, {"intern": 2}), Task("Q", 1, {"intern": 2}, predecessors=("P",))]
    result = solve(problem(tasks), time_limit=5)
    end = max(result.starts[t.id] + t.duration for t in tasks)
    last = {t.id for t in tasks if result.starts[t.id] + t.duration == end}
    assert last <= result.critical and result.critical - last <= {"P"}  # P only as Q's link
    assert len(result.critical) < len(tasks) / 2


def _busy_problem(n=400, horizon=10):
    """Many tasks competing for tight capacity: far from proven optimal within seconds."""
    import random

    rng = random.Random(3)
    tasks = [
        Task(f"T{i}", rng.choice([1, 2, 3]), {"intern": rng.randint(1, 9)},
             benefit=rng.randint(1, 10), deadline=rng.choice([None, rng.randint(3, horizon)]))
        for i in range(n)
    ]  # fmt: skip
    need = sum(t.demands["intern"] * t.duration for t in tasks)
    return Problem(horizon=horizon, tasks=tasks, capacities={"intern": [need // 12] * horizon})


def test_a_stopped_search_keeps_the_best_plan_found_so_far():
    import time

    p = _busy_problem()
    asked = time.perf_counter()
    result = solve(p, time_limit=60, should_stop=lambda: time.perf_counter() - asked > 1.0)
    assert time.perf_counter() - asked < 10  # not the 60 s it is allowed
    assert result.status in (Status.FEASIBLE, Status.OPTIMAL) and result.starts
    assert violations(p, result.starts) == []


def test_the_search_ends_once_the_plan_is_proven_within_the_gap():
    import time

    p = _busy_problem(120)
    started = time.perf_counter()
    result = solve(p, time_limit=60, gap_limit=0.5)
    assert time.perf_counter() - started < 30 and result.gap is not None and result.gap <= 0.5
