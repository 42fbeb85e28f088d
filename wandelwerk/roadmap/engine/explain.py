"""Why a task sits where it does, why it moved, why it was left out, and which tasks form the
critical chain. Computed after solving, with everything else fixed: the first rule that would
break is the reason. Reasons are data (``Reason``); the pages put them into words.

One account of the whole plan's load is built once; each task is taken out of it while its own
reason is found, so explaining a plan grows with its size, not with its square.
"""

from __future__ import annotations

from collections.abc import Mapping

from wandelwerk.roadmap.engine.load import Load
from wandelwerk.roadmap.engine.model import Problem, Reason, Task


def why_not_at(
    problem: Problem, starts: Mapping[str, int], task: Task, period: int, load: Load
) -> Reason:
    """Why ``task`` cannot (or need not) start in ``period``; ``load`` is the plan without it."""
    tasks = {t.id: t for t in problem.tasks}
    if period < task.release:
        return Reason("release", period=task.release)
    if period + task.duration > problem.horizon:
        return Reason("horizon", period=problem.horizon - 1)
    for pred in task.predecessors:
        if pred in starts and starts[pred] + tasks[pred].duration > period:
            return Reason("predecessor", pred, period=starts[pred] + tasks[pred].duration - 1)
    for p in range(period, period + task.duration):
        for r, need in task.demands.items():
            profile = problem.capacities.get(r)
            if profile is not None and load.resources[(r, p)] + need > profile[p]:
                return Reason("resource", r, p, load.resources[(r, p)], profile[p])
    if problem.budgets and problem.fiscal_year:
        for year, cost in load.spend_of(task, period).items():
            if year < len(problem.budgets) and load.spend[year] + cost > problem.budgets[year]:
                return Reason("budget", str(year), year, load.spend[year], problem.budgets[year])
    for p in range(period, period + task.duration):
        for unit in task.units:
            cap = problem.change_capacity.get(unit)
            if cap is not None and load.units[(unit, p)] + 1 > cap:
                return Reason("change", unit, p, load.units[(unit, p)], cap)
    return Reason("objective")


def _placed_reason(problem: Problem, starts: Mapping[str, int], task: Task, load: Load) -> Reason:
    start = starts[task.id]
    if task.fixed_start is not None:
        return Reason("fixed", period=task.fixed_start)
    if start == 0:
        return Reason("start")
    return why_not_at(problem, starts, task, start - 1, load)


def _left_out_reason(problem: Problem, starts: Mapping[str, int], task: Task, load: Load) -> Reason:
    tasks = {t.id: t for t in problem.tasks}
    for pred in task.predecessors:
        if pred in tasks and pred not in starts:
            return Reason("predecessor_left_out", pred)
    for r, need in task.demands.items():
        profile = problem.capacities.get(r)
        if profile is not None and need > max(profile, default=0):
            return Reason("demand", r, used=need, available=max(profile, default=0))
    earliest = max(
        [task.release] + [starts[p] + tasks[p].duration for p in task.predecessors if p in starts]
    )
    if earliest + task.duration > problem.horizon:
        return Reason("horizon", period=problem.horizon - 1)
    return why_not_at(problem, starts, task, earliest, load)


def explain(problem: Problem, starts: Mapping[str, int]) -> dict[str, Reason]:
    """A reason for every task: why it is not earlier, or why it was left out."""
    load = Load.of(problem, starts)
    reasons: dict[str, Reason] = {}
    for task in problem.tasks:
        if task.id in starts:
            load.remove(task, starts[task.id])
            reasons[task.id] = _placed_reason(problem, starts, task, load)
            load.add(task, starts[task.id])
        else:
            reasons[task.id] = _left_out_reason(problem, starts, task, load)
    return reasons


def explain_moves(
    problem: Problem, starts: Mapping[str, int], reference: Mapping[str, int]
) -> dict[str, Reason]:
    """For every task placed other than in ``reference``: why it is no longer there (a rule that
    now binds there), or that it moved earlier for a gain, or was placed or left out."""
    load = Load.of(problem, starts)
    moves: dict[str, Reason] = {}
    for task in problem.tasks:
        before, now = reference.get(task.id), starts.get(task.id)
        if before == now:
            continue
        if before is None:
            moves[task.id] = Reason("placed")
        elif now is None:
            moves[task.id] = Reason("left_out", period=before)
        elif now < before:
            moves[task.id] = Reason("earlier", period=before)
        else:
            load.remove(task, now)
            moves[task.id] = why_not_at(problem, starts, task, before, load)
            load.add(task, now)
    return moves


def critical_chain(
    problem: Problem, starts: Mapping[str, int], reasons: Mapping[str, Reason]
) -> set[str]:
    """The critical chain: the tasks that end with the plan, and back from each along the
    prerequisite that holds it where it is. A task held by capacity ends the walk there: the
    capacity, not any one of the many tasks sharing it, holds it, and marking all of them would
    mark nearly the whole plan (its reason names the resource instead)."""
    if not starts:
        return set()
    tasks = {t.id: t for t in problem.tasks}
    end = max(starts[i] + tasks[i].duration for i in starts)
    chain: set[str] = set()
    todo = [i for i in starts if starts[i] + tasks[i].duration == end]
    while todo:
        current = todo.pop()
        if current in chain:
            continue
        chain.add(current)
        reason = reasons.get(current)
        if reason is not None and reason.kind == "predecessor" and reason.ref in starts:
            todo.append(reason.ref)
    return chain
