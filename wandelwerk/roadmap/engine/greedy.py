"""A quick plan by list scheduling: tasks in order of benefit per period (prerequisites first),
each put into the earliest period where every rule holds, or left out when there is none.

It is no optimum, but it is a complete, feasible plan in a fraction of a second, and the solver
starts from it (as a hint), so a large problem has a good plan from the first second on.
"""

from __future__ import annotations

from collections import defaultdict

from wandelwerk.roadmap.engine.model import Problem, Task


class _Load:
    """What the plan so far uses per resource, fiscal year and unit."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self.resources: dict[tuple[str, int], int] = defaultdict(int)
        self.spend: dict[int, int] = defaultdict(int)
        self.units: dict[tuple[str, int], int] = defaultdict(int)

    def _periods(self, task: Task, start: int) -> range:
        return range(start, start + task.duration)

    def fits(self, task: Task, start: int) -> bool:
        problem = self.problem
        if start + task.duration > problem.horizon:
            return False
        extra: dict[int, int] = defaultdict(int)
        for offset, p in enumerate(self._periods(task, start)):
            for r, need in task.demands.items():
                profile = problem.capacities.get(r)
                if profile is not None and self.resources[(r, p)] + need > profile[p]:
                    return False
            for u in task.units:
                cap = problem.change_capacity.get(u)
                if cap is not None and self.units[(u, p)] + 1 > cap:
                    return False
            if problem.fiscal_year:
                extra[problem.fiscal_year[p]] += task.cost_in(offset)
        return all(
            year >= len(self.problem.budgets) or self.spend[year] + cost <= problem.budgets[year]
            for year, cost in extra.items()
        )

    def add(self, task: Task, start: int) -> None:
        for offset, p in enumerate(self._periods(task, start)):
            for r, need in task.demands.items():
                self.resources[(r, p)] += need
            for u in task.units:
                self.units[(u, p)] += 1
            if self.problem.fiscal_year:
                self.spend[self.problem.fiscal_year[p]] += task.cost_in(offset)


def _order(problem: Problem) -> list[Task]:
    """Fixed tasks first, then hard deadlines by deadline, then the rest by benefit per period;
    every task after its prerequisites."""
    tasks = {t.id: t for t in problem.tasks}

    def key(t: Task) -> tuple[int, float, str]:
        if t.fixed_start is not None:
            return (0, t.fixed_start, t.id)
        if t.deadline_hard and t.deadline is not None:
            return (1, t.deadline, t.id)
        return (2, -t.benefit / max(t.duration, 1), t.id)

    ordered: list[Task] = []
    placed: set[str] = set()
    visiting: set[str] = set()

    def visit(t: Task) -> None:
        if t.id in placed or t.id in visiting:
            return
        visiting.add(t.id)
        for p in sorted((tasks[p] for p in t.predecessors if p in tasks), key=key):
            visit(p)
        visiting.discard(t.id)
        placed.add(t.id)
        ordered.append(t)

    for t in sorted(problem.tasks, key=key):
        visit(t)
    return ordered


def greedy_plan(problem: Problem) -> dict[str, int]:
    """Start period per planned task; tasks that fit nowhere are missing from the result."""
    load = _Load(problem)
    tasks = {t.id: t for t in problem.tasks}
    starts: dict[str, int] = {}
    for task in _order(problem):
        if task.fixed_start is not None:
            starts[task.id] = task.fixed_start
            load.add(task, task.fixed_start)
            continue
        if any(p in tasks and p not in starts for p in task.predecessors):
            continue  # a prerequisite was left out
        earliest = max(
            [task.release]
            + [starts[p] + tasks[p].duration for p in task.predecessors if p in tasks]
        )
        latest = problem.horizon - task.duration
        if task.deadline_hard and task.deadline is not None:
            latest = min(latest, task.deadline - task.duration)
        for start in range(earliest, latest + 1):
            if load.fits(task, start):
                starts[task.id] = start
                load.add(task, start)
                break
    return starts
