"""A quick plan by list scheduling: tasks in order of benefit per period (prerequisites first),
each put into the earliest period where every rule holds, or left out when there is none.

It is no optimum, but it is a complete, feasible plan in a fraction of a second, and the solver
starts from it (as a hint), so a large problem has a good plan from the first second on.
"""

from __future__ import annotations

from wandelwerk.roadmap.engine.load import Load
from wandelwerk.roadmap.engine.model import Problem, Task


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
    load = Load(problem)
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
