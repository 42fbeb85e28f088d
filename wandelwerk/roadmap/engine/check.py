"""An independent check of a plan against every rule of the problem (used by the tests).

It keeps its own account of resources, spend and units instead of ``load.Load``, which the greedy
plan and the explanations share, so that a mistake there cannot hide from the tests."""

from __future__ import annotations

from collections import defaultdict

from wandelwerk.roadmap.engine.model import Problem


def violations(problem: Problem, starts: dict[str, int]) -> list[str]:
    found: list[str] = []
    tasks = {t.id: t for t in problem.tasks}
    resources: dict[tuple[str, int], int] = defaultdict(int)
    spend: dict[int, int] = defaultdict(int)
    units: dict[tuple[str, int], int] = defaultdict(int)
    for task_id, start in starts.items():
        t = tasks[task_id]
        if start < t.release:
            found.append(f"{task_id} beginnt vor seiner Freigabe")
        if t.fixed_start is not None and start != t.fixed_start:
            found.append(f"{task_id} wurde verschoben, obwohl fest")
        if start + t.duration > problem.horizon:
            found.append(f"{task_id} endet nach dem Planungszeitraum")
        if t.deadline_hard and t.deadline is not None and start + t.duration > t.deadline:
            found.append(f"{task_id} verfehlt seine feste Frist")
        for pred in t.predecessors:
            if pred in tasks and (
                pred not in starts or starts[pred] + tasks[pred].duration > start
            ):
                found.append(f"{task_id} beginnt vor dem Ende von {pred}")
        for offset in range(t.duration):
            p = start + offset
            for r, need in t.demands.items():
                resources[(r, p)] += need
            if problem.fiscal_year and p < len(problem.fiscal_year):
                spend[problem.fiscal_year[p]] += t.cost_in(offset)
            for u in t.units:
                units[(u, p)] += 1
    for (r, p), used in resources.items():
        profile = problem.capacities.get(r)
        if profile is not None and p < len(profile) and used > profile[p]:
            found.append(f"{r} in Periode {p}: {used} > {profile[p]}")
    for year, used in spend.items():
        if year < len(problem.budgets) and used > problem.budgets[year]:
            found.append(f"Budget {year}: {used} > {problem.budgets[year]}")
    for (u, p), used in units.items():
        cap = problem.change_capacity.get(u)
        if cap is not None and used > cap:
            found.append(f"Einheit {u} in Periode {p}: {used} > {cap}")
    for t in problem.tasks:
        if t.deadline_hard and t.id not in starts:
            found.append(f"{t.id} mit fester Frist fehlt im Plan")
    return found
