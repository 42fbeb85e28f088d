"""What a plan uses: resources per period, spend per fiscal year and measures per org unit and
period. One account for the greedy plan, the explanations and the independent check."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from wandelwerk.roadmap.engine.model import Problem, Task


class Load:
    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self.resources: dict[tuple[str, int], int] = defaultdict(int)
        self.spend: dict[int, int] = defaultdict(int)
        self.units: dict[tuple[str, int], int] = defaultdict(int)

    @classmethod
    def of(cls, problem: Problem, starts: Mapping[str, int], *, skip: str = "") -> Load:
        """The load of every planned task but ``skip``."""
        load = cls(problem)
        for t in problem.tasks:
            if t.id != skip and t.id in starts:
                load.add(t, starts[t.id])
        return load

    def spend_of(self, task: Task, start: int) -> dict[int, int]:
        """What ``task`` started in ``start`` costs per fiscal year."""
        fiscal_year = self.problem.fiscal_year
        spend: dict[int, int] = defaultdict(int)
        for offset in range(task.duration):
            p = start + offset
            if p < len(fiscal_year):
                spend[fiscal_year[p]] += task.cost_in(offset)
        return spend

    def add(self, task: Task, start: int, sign: int = 1) -> None:
        for p in range(start, start + task.duration):
            for r, need in task.demands.items():
                self.resources[(r, p)] += sign * need
            for u in task.units:
                self.units[(u, p)] += sign
        for year, cost in self.spend_of(task, start).items():
            self.spend[year] += sign * cost

    def remove(self, task: Task, start: int) -> None:
        self.add(task, start, -1)

    def fits(self, task: Task, start: int) -> bool:
        """``task`` can start in ``start`` on top of this load: inside the horizon, within every
        resource's capacity, every unit's change capacity and every fiscal year's budget."""
        problem = self.problem
        if start + task.duration > problem.horizon:
            return False
        for p in range(start, start + task.duration):
            for r, need in task.demands.items():
                profile = problem.capacities.get(r)
                if profile is not None and self.resources[(r, p)] + need > profile[p]:
                    return False
            for u in task.units:
                cap = problem.change_capacity.get(u)
                if cap is not None and self.units[(u, p)] + 1 > cap:
                    return False
        return all(
            year >= len(problem.budgets) or self.spend[year] + cost <= problem.budgets[year]
            for year, cost in self.spend_of(task, start).items()
        )
