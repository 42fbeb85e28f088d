"""Sharing the provider's team among the municipalities' plans: the provider-wide plan.

It works on aggregates. Each municipality's plan is a claim: its days per skill and period. A
decided claim (the plan the council adopted) stays as decided and takes its days first, even
where that overbooks the team; the overbooking is reported. An undecided claim may be served
later than its plan wishes, never earlier: per skill, what has been served up to any period is at
most what the plan wished up to then, and what is not served waits (its backlog carries over).
Per period, a claim is served no more than its own provider days (the municipality's contract),
and nothing after the last period of its plan: what waits then is unserved.

Objective: each day waiting one period costs the claim's weight, each day left unserved
``unserved_penalty`` times that. A greedy allocation (each period's free days to the waiting
claims by weight) is the first feasible allocation; CP-SAT improves it and proves how far it may
be from the best.

A municipality then re-plans within its allocation (``Parameters.team`` of the product planner),
where its prerequisites, budgets and own capacities hold task by task.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

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


def greedy_allocation(problem: TeamProblem) -> dict[str, Share]:
    """Each period, each skill's free days go to the waiting claims, heaviest first."""
    periods = problem.periods
    free = free_capacity(problem)
    flexible = sorted((c for c in problem.claims if not c.fixed), key=lambda c: (-c.weight, c.id))
    shares: dict[str, Share] = {}
    backlog: dict[tuple[str, str], int] = {}
    for claim in problem.claims:
        wished = {s: _profile(claim.demand.get(s), periods) for s in problem.capacity}
        allocated = wished if claim.fixed else {s: [0] * periods for s in problem.capacity}
        shares[claim.id] = Share(wished, {s: list(v) for s, v in allocated.items()})
    for t in range(periods):
        for claim in flexible:
            room = _profile(claim.limit, periods)[t] if claim.limit is not None else None
            for skill in problem.capacity:
                key = (claim.id, skill)
                backlog[key] = backlog.get(key, 0) + shares[claim.id].wished[skill][t]
                if t > _last(claim, periods):
                    continue
                give = min(backlog[key], free[skill][t])
                if room is not None:
                    give = min(give, room)
                    room -= give
                free[skill][t] -= give
                backlog[key] -= give
                shares[claim.id].allocated[skill][t] = give
    return shares


class _Progress(cp_model.CpSolverSolutionCallback):
    def __init__(self, started: float) -> None:
        super().__init__()
        self.started = started
        self.first: float | None = None

    def on_solution_callback(self) -> None:
        if self.first is None:
            self.first = time.monotonic() - self.started


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
    start_shares = greedy_allocation(problem)
    first = time.monotonic() - started
    free = free_capacity(problem)
    flexible = [c for c in problem.claims if not c.fixed]
    model = cp_model.CpModel()
    served: dict[tuple[str, str, int], cp_model.IntVar] = {}
    waiting_terms: list[cp_model.LinearExprT] = []
    for claim in flexible:
        last = _last(claim, periods)
        limit = _profile(claim.limit, periods) if claim.limit is not None else None
        share = start_shares[claim.id]
        for skill in skills:
            wished = share.wished[skill]
            if not any(wished):
                continue
            cumulative_wish, cumulative_got = 0, []
            for t in range(last + 1):
                top = min(free[skill][t], sum(wished[: t + 1]))
                if limit is not None:
                    top = min(top, limit[t])
                var = model.new_int_var(0, max(0, top), f"a_{claim.id}_{skill}_{t}")
                model.add_hint(var, min(share.allocated[skill][t], max(0, top)))
                served[(claim.id, skill, t)] = var
                cumulative_wish += wished[t]
                cumulative_got.append(var)
                backlog = cumulative_wish - sum(cumulative_got)
                model.add(backlog >= 0)
                weight = claim.weight * (1 + (problem.unserved_penalty if t == last else 0))
                waiting_terms.append(weight * backlog)
        if limit is not None:
            for t in range(last + 1):
                parts = [served[k] for k in ((claim.id, s, t) for s in skills) if k in served]
                if len(parts) > 1:
                    model.add(sum(parts) <= limit[t])
    for skill in skills:
        for t in range(periods):
            parts = [served[k] for k in ((c.id, skill, t) for c in flexible) if k in served]
            if len(parts) > 1:
                model.add(sum(parts) <= free[skill][t])
    model.minimize(sum(waiting_terms))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.1, time_limit - (time.monotonic() - started))
    solver.parameters.num_workers = workers
    solver.parameters.relative_gap_limit = gap_limit
    progress = _Progress(started)
    code = solver.solve(model, progress)
    shares = start_shares
    status = Status.FEASIBLE
    bound: float | None = None
    if code in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        status = Status.OPTIMAL if code == cp_model.OPTIMAL else Status.FEASIBLE
        bound = solver.best_objective_bound
        for (claim_id, skill, t), var in served.items():
            shares[claim_id].allocated[skill][t] = solver.value(var)
        for claim in flexible:  # skills with no wish and periods after the last stay 0
            for skill in skills:
                for t in range(_last(claim, periods) + 1, periods):
                    shares[claim.id].allocated[skill][t] = 0
    return Allocation(
        status=status,
        shares=shares,
        overbooked=overbooking(problem),
        objective=float(objective_of(problem, shares)),
        bound=bound,
        seconds=time.monotonic() - started,
        first_seconds=first,
    )
