"""Why a task is not earlier, and which tasks form the critical chain. Computed after solving by
trying each task one period earlier with everything else fixed: the first rule that would break
is the reason."""

from __future__ import annotations

from wandelwerk.roadmap.engine.load import Load
from wandelwerk.roadmap.engine.model import Problem, Reason, Task


def reason_for(problem: Problem, starts: dict[str, int], task: Task) -> Reason:
    start = starts[task.id]
    tasks = {t.id: t for t in problem.tasks}
    if task.fixed_start is not None:
        return Reason("fixed", "bereits begonnen oder erledigt: bleibt, wo es ist")
    if start == 0:
        return Reason("start", "beginnt im ersten Halbjahr des Plans")
    if start - 1 < task.release:
        return Reason("release", f"frühester Beginn ist Halbjahr {task.release + 1} des Plans")
    for pred in task.predecessors:
        if pred in starts and starts[pred] + tasks[pred].duration > start - 1:
            return Reason(
                "predecessor",
                f"wartet auf „{pred}“, das im Halbjahr {starts[pred] + tasks[pred].duration} des Plans endet",
                pred,
            )
    load = Load.of(problem, starts, skip=task.id)
    resources, spend, units = load.resources, load.spend, load.units
    earlier = start - 1
    for r, need in task.demands.items():
        profile = problem.capacities.get(r)
        if profile is not None and resources[(r, earlier)] + need > profile[earlier]:
            return Reason(
                "resource",
                f"„{r}“ ist im Halbjahr {earlier + 1} des Plans ausgelastet ({resources[(r, earlier)]} von {profile[earlier]} belegt)",
                r,
            )
    if problem.budgets and problem.fiscal_year:
        for year, cost in load.spend_of(task, earlier).items():
            if year < len(problem.budgets) and spend[year] + cost > problem.budgets[year]:
                return Reason(
                    "budget",
                    f"das Budget des Haushaltsjahres {year + 1} des Plans reicht nicht ({spend[year]:,} € von {problem.budgets[year]:,} € verplant)".replace(
                        ",", "."
                    ),
                    str(year),
                )
    for unit in task.units:
        cap = problem.change_capacity.get(unit)
        if cap is not None and units[(unit, earlier)] + 1 > cap:
            return Reason(
                "change",
                f"die Einheit „{unit}“ hat im Halbjahr {earlier + 1} des Plans schon {units[(unit, earlier)]} Vorhaben (Veränderungskapazität {cap})",
                unit,
            )
    return Reason(
        "objective",
        "früher wäre möglich, aber das Ziel (Nutzen früh, wenige Handlungsfelder zugleich) gewichtet andere Maßnahmen höher",
    )


def explain(problem: Problem, starts: dict[str, int]) -> dict[str, Reason]:
    return {t.id: reason_for(problem, starts, t) for t in problem.tasks if t.id in starts}


def critical_chain(
    problem: Problem, starts: dict[str, int], reasons: dict[str, Reason]
) -> set[str]:
    """Tasks whose delay would delay the end of the plan: walk back from the last-ending tasks
    along the prerequisite or resource that holds each one where it is."""
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
        if reason is None:
            continue
        if reason.kind == "predecessor":
            todo.append(reason.ref)
        elif reason.kind == "resource":
            todo.extend(
                i
                for i in starts
                if i != current
                and starts[i] + tasks[i].duration == starts[current]
                and tasks[i].demands.get(reason.ref, 0) > 0
            )
    return chain
