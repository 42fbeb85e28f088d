"""Sharing the provider's team among the municipalities' plans: the provider-wide plan.

It works on aggregates. Each municipality's plan is a claim: its days per skill and half-year. A
decided claim (the plan the council adopted) stays as decided and takes its days first, even
where that overbooks the team; the overbooking is reported. An undecided claim's work of each
half-year moves as a whole, with its mix of skills, to the same or a later half-year, never an
earlier one, and the half-years keep their order (the work of a later half-year lands in a later
half-year than the work before it), so what depends on earlier work still comes after it. Work
that finds no half-year up to the end of its plan is unserved. In each half-year the team's days
per skill hold, and each claim gets no more than its own provider days (its contract).

Objective: each day moved by one half-year costs the claim's weight, each unserved day
``unserved_penalty`` half-years more than moving it past the plan's end. A greedy allocation
(claims by weight, each half-year's work to the first half-year where it fits) is the first
feasible allocation; CP-SAT improves it and proves how far it may be from the best.

A municipality then re-plans within its allocation (``Parameters.team`` of the product planner),
where its prerequisites, budgets and own capacities hold measure by measure.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ortools.sat.python import cp_model

from wandelwerk.roadmap.engine.model import Status, gap_of


@dataclass(frozen=True)
class Claim:
    """One municipality's plan as demand on the team (periods from the team plan's first)."""

    id: str
    demand: Mapping[str, Sequence[int]]  # skill → days per period
    fixed: bool = False  # decided: stays as it is
    limit: Sequence[int] | None = None  # its own provider days per period, all skills together
    last: int | None = None  # its plan's last period (None: the team plan's last)
    weight: int = 1


@dataclass(frozen=True)
class TeamProblem:
    periods: int
    capacity: Mapping[str, Sequence[int]]  # skill → days per period
    claims: Sequence[Claim]
    unserved_penalty: int = 10


@dataclass(frozen=True)
class Overbooking:
    """The decided claims need more of ``skill`` in ``period`` than the team has."""

    skill: str
    period: int
    need: int
    capacity: int
    decided: tuple[str, ...]  # the decided claims that use it
    waiting: tuple[str, ...]  # undecided claims that wished days there and give way


@dataclass
class Share:
    wished: dict[str, list[int]]
    allocated: dict[str, list[int]]

    def waiting(self, skill: str) -> list[int]:
        """Days wished and not yet served at the end of each period."""
        backlog, out = 0, []
        for wish, got in zip(self.wished[skill], self.allocated[skill], strict=True):
            backlog += wish - got
            out.append(backlog)
        return out

    @property
    def unserved(self) -> int:
        return sum(self.waiting(s)[-1] for s in self.wished if self.wished[s])

    @property
    def delay(self) -> int:
        """Day-periods of waiting: a day served one half-year late counts one."""
        return sum(sum(self.waiting(s)) for s in self.wished)


@dataclass
class Allocation:
    status: Status
    shares: dict[str, Share] = field(default_factory=dict)
    overbooked: list[Overbooking] = field(default_factory=list)
    objective: float | None = None
    bound: float | None = None
    seconds: float = 0.0
    first_seconds: float = 0.0  # until the first feasible allocation
    trace: list[tuple[float, float, float]] = field(default_factory=list)  # s, objective, bound

    @property
    def gap(self) -> float | None:
        return gap_of(self.objective, self.bound)


def _profile(values: Sequence[int] | None, periods: int) -> list[int]:
    values = list(values or [])
    return [int(v) for v in values[:periods]] + [0] * max(0, periods - len(values))


def _last(claim: Claim, periods: int) -> int:
    return periods - 1 if claim.last is None else min(claim.last, periods - 1)


def free_capacity(problem: TeamProblem) -> dict[str, list[int]]:
    """What the team has left per skill and period once the decided claims are served."""
    free = {s: _profile(c, problem.periods) for s, c in problem.capacity.items()}
    for claim in problem.claims:
        if claim.fixed:
            for skill, days in claim.demand.items():
                if skill in free:
                    for t, d in enumerate(_profile(days, problem.periods)):
                        free[skill][t] -= d
    return {s: [max(0, v) for v in values] for s, values in free.items()}


def overbooking(problem: TeamProblem) -> list[Overbooking]:
    found = []
    for skill, capacity in problem.capacity.items():
        cap = _profile(capacity, problem.periods)
        for t in range(problem.periods):
            users = [
                (c.id, _profile(c.demand.get(skill), problem.periods)[t])
                for c in problem.claims
                if c.fixed
            ]
            need = sum(d for _, d in users)
            if need > cap[t]:
                waiting = tuple(
                    c.id
                    for c in problem.claims
                    if not c.fixed and _profile(c.demand.get(skill), problem.periods)[t]
                )
                found.append(
                    Overbooking(skill, t, need, cap[t], tuple(i for i, d in users if d), waiting)
                )
    return found


def objective_of(problem: TeamProblem, shares: Mapping[str, Share]) -> int:
    total = 0
    for claim in problem.claims:
        if claim.fixed:
            continue
        share, last = shares[claim.id], _last(claim, problem.periods)
        for skill in share.wished:
            waiting = share.waiting(skill)
            total += claim.weight * (
                sum(waiting[: last + 1]) + problem.unserved_penalty * waiting[last]
            )
    return total


def _pieces(claim: Claim, periods: int, skills: list[str]) -> list[tuple[int, dict[str, int]]]:
    """The claim's work per half-year that has any: (half-year, days per skill)."""
    demand = {s: _profile(claim.demand.get(s), periods) for s in skills}
    return [
        (t, {s: demand[s][t] for s in skills if demand[s][t]})
        for t in range(periods)
        if any(demand[s][t] for s in skills)
    ]


def shares_of(
    problem: TeamProblem, places: Mapping[str, Mapping[int, int | None]]
) -> dict[str, Share]:
    """Shares from where each claim's work of each half-year goes (None: unserved)."""
    periods, skills = problem.periods, list(problem.capacity)
    shares = {}
    for claim in problem.claims:
        wished = {s: _profile(claim.demand.get(s), periods) for s in skills}
        if claim.fixed:
            shares[claim.id] = Share(wished, {s: list(v) for s, v in wished.items()})
            continue
        allocated = {s: [0] * periods for s in skills}
        for t, days in _pieces(claim, periods, skills):
            target = places[claim.id].get(t)
            if target is not None:
                for s, d in days.items():
                    allocated[s][target] += d
        shares[claim.id] = Share(wished, allocated)
    return shares


def greedy_allocation(problem: TeamProblem) -> dict[str, dict[int, int | None]]:
    """Claims by weight; each half-year's work to the first half-year (not before it, after the
    claim's previous work) where the team and the claim's own provider days have room."""
    periods, skills = problem.periods, list(problem.capacity)
    free = free_capacity(problem)
    places: dict[str, dict[int, int | None]] = {}
    for claim in sorted(
        (c for c in problem.claims if not c.fixed), key=lambda c: (-c.weight, c.id)
    ):
        limit = _profile(claim.limit, periods) if claim.limit is not None else None
        last, previous = _last(claim, periods), -1
        places[claim.id] = {}
        for t, days in _pieces(claim, periods, skills):
            target = None
            for option in range(max(t, previous + 1), last + 1 if t <= last else 0):
                room = limit is None or sum(days.values()) <= limit[option]
                if room and all(d <= free[s][option] for s, d in days.items()):
                    target = option
                    break
            places[claim.id][t] = target
            if target is None:
                previous = last  # the rest waits beyond the plan too
                continue
            previous = target
            for s, d in days.items():
                free[s][target] -= d
            if limit is not None:
                limit[target] -= sum(days.values())
    return places


class _Progress(cp_model.CpSolverSolutionCallback):
    """Records (seconds, objective, bound) of every better allocation found."""

    def __init__(self, started: float) -> None:
        super().__init__()
        self.started = started
        self.trace: list[tuple[float, float, float]] = []

    def on_solution_callback(self) -> None:
        self.trace.append(
            (time.monotonic() - self.started, self.objective_value, self.best_objective_bound)
        )


def allocate(
    problem: TeamProblem,
    *,
    time_limit: float = 10.0,
    workers: int = 2,
    gap_limit: float = 0.0,
) -> Allocation:
    """The allocation of the team's days over the claims, and the decided overbooking."""
    started = time.monotonic()
    periods, skills = problem.periods, list(problem.capacity)
    start = greedy_allocation(problem)
    first = time.monotonic() - started
    free = free_capacity(problem)
    model = cp_model.CpModel()
    # choice[(claim, t)]: option → literal; option None is "unserved".
    choice: dict[tuple[str, int], dict[int | None, cp_model.IntVar]] = {}
    use: dict[tuple[str, int], list[cp_model.LinearExprT]] = {}
    own: dict[tuple[str, int], list[cp_model.LinearExprT]] = {}
    costs: list[cp_model.LinearExprT] = []
    for claim in problem.claims:
        if claim.fixed:
            continue
        last = _last(claim, periods)
        limit = _profile(claim.limit, periods) if claim.limit is not None else None
        ordered: list[tuple[Any, cp_model.IntVar]] = []  # (position, unserved)
        for t, days in _pieces(claim, periods, skills):
            if t > last:
                continue  # wished after its own plan: unserved whatever happens
            total = sum(days.values())
            options: dict[int | None, cp_model.IntVar] = {}
            for option in range(t, last + 1):
                fits = all(d <= free[s][option] for s, d in days.items())
                if fits and (limit is None or total <= limit[option]):
                    options[option] = model.new_bool_var(f"y_{claim.id}_{t}_{option}")
            options[None] = model.new_bool_var(f"u_{claim.id}_{t}")
            model.add_exactly_one(options.values())
            for target, literal in options.items():
                model.add_hint(literal, start[claim.id].get(t) == target)
                moved = (last + 1 - t + problem.unserved_penalty) if target is None else target - t
                if moved:
                    costs.append(claim.weight * total * moved * literal)
                if target is not None:
                    for s, d in days.items():
                        use.setdefault((s, target), []).append(d * literal)
                    own.setdefault((claim.id, target), []).append(total * literal)
            choice[(claim.id, t)] = options
            position = sum(o * lit for o, lit in options.items() if o is not None)
            ordered.append((position + (last + 1) * options[None], options[None]))
        # The half-years keep their order; once work is unserved, so is all after it.
        for (earlier, _), (later, unserved) in itertools.pairwise(ordered):
            model.add(later + unserved >= earlier + 1)
    for (skill, option), terms in use.items():
        model.add(sum(terms) <= free[skill][option])
    for claim in problem.claims:
        if claim.fixed or claim.limit is None:
            continue
        limit = _profile(claim.limit, periods)
        for option in range(periods):
            parts = own.get((claim.id, option))
            if parts and len(parts) > 1:
                model.add(sum(parts) <= limit[option])
    model.minimize(sum(costs))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.1, time_limit - (time.monotonic() - started))
    solver.parameters.num_workers = workers
    solver.parameters.relative_gap_limit = gap_limit
    progress = _Progress(started)
    code = solver.solve(model, progress)
    places = start
    status, bound = Status.FEASIBLE, None
    if code in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        status = Status.OPTIMAL if code == cp_model.OPTIMAL else Status.FEASIBLE
        bound = solver.best_objective_bound
        for (claim_id, t), options in choice.items():
            places[claim_id][t] = next(o for o, lit in options.items() if solver.boolean_value(lit))
    shares = shares_of(problem, places)
    return Allocation(
        status=status,
        shares=shares,
        overbooked=overbooking(problem),
        objective=float(objective_of(problem, shares)),
        bound=bound,
        seconds=time.monotonic() - started,
        first_seconds=first,
        trace=progress.trace,
    )
