"""What makes every plan impossible, found before searching, as data (``Conflict``)."""

from __future__ import annotations

from collections import defaultdict

from wandelwerk.roadmap.engine.load import Load
from wandelwerk.roadmap.engine.model import Conflict, Problem


def precheck(problem: Problem) -> list[Conflict]:
    """Conflicts visible without searching: work that must be in the plan (under way, or with a
    hard deadline) needing more than a period has; the work under way alone taking more than a
    period's capacity, a fiscal year's budget or a unit's change capacity; a hard deadline before
    the earliest start plus the duration; prerequisites in a circle."""
    conflicts: list[Conflict] = []
    for t in problem.tasks:
        if t.fixed_start is None and not t.deadline_hard:
            continue  # optional work that fits nowhere is left out, with its reason
        for resource, need in t.demands.items():
            profile = problem.capacities.get(resource)
            if profile is not None and need > max(profile, default=0):
                conflicts.append(
                    Conflict("demand", (t.id,), resource, need=need, available=max(profile))
                )
        if t.deadline_hard and t.deadline is not None and t.release + t.duration > t.deadline:
            conflicts.append(Conflict("deadline", (t.id,), period=t.deadline - 1))
    oversized = {(c.tasks, c.ref) for c in conflicts if c.kind == "demand"}
    conflicts += [
        c for c in _fixed_overload(problem) if (c.tasks, c.ref) not in oversized
    ]  # one task too large for every period is said once
    cycle = _cycle(problem)
    if cycle:
        conflicts.append(Conflict("cycle", tuple(cycle)))
    return conflicts


def _fixed_overload(problem: Problem) -> list[Conflict]:
    """Periods (and fiscal years) in which the work already under way needs more than there is."""
    fixed = [t for t in problem.tasks if t.fixed_start is not None]
    load = Load(problem)
    who: dict[tuple[str, str, int], list[str]] = defaultdict(list)
    for t in fixed:
        start = t.fixed_start
        assert start is not None
        load.add(t, start)
        for p in range(start, start + t.duration):
            for r, need in t.demands.items():
                if need:
                    who[("capacity", r, p)].append(t.id)
            for u in t.units:
                who[("change", u, p)].append(t.id)
        for year, cost in load.spend_of(t, start).items():
            if cost:
                who[("budget", str(year), year)].append(t.id)
    conflicts = []
    for (kind, ref, p), ids in who.items():
        if kind == "capacity":
            profile = problem.capacities.get(ref)
            need, available = load.resources[(ref, p)], (profile[p] if profile else None)
            if profile is None or p >= len(profile):
                continue
        elif kind == "change":
            need, available = load.units[(ref, p)], problem.change_capacity.get(ref)
        else:
            need = load.spend[p]
            available = problem.budgets[p] if p < len(problem.budgets) else None
        if available is not None and need > available:
            conflicts.append(Conflict(kind, tuple(ids), ref, p, need, available))
    return sorted(conflicts, key=lambda c: (c.kind, c.period or 0, c.ref))


def _cycle(problem: Problem) -> list[str]:
    """The first circle of prerequisites, in order (empty: none)."""
    ids = {t.id for t in problem.tasks}
    graph = {t.id: [p for p in t.predecessors if p in ids] for t in problem.tasks}
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> list[str] | None:
        if state.get(node) == 1:
            return [*trail[trail.index(node) :], node]
        if state.get(node) == 2:
            return None
        state[node] = 1
        for nxt in graph[node]:
            cycle = visit(nxt, [*trail, node])
            if cycle:
                return cycle
        state[node] = 2
        return None

    for node in graph:
        cycle = visit(node, [])
        if cycle:
            return cycle
    return []
