"""Sharing the provider's team among the municipalities' plans: the provider-wide plan.

It works on aggregates. Each municipality's plan is a claim: its days per skill and half-year. A
decided claim (the plan the council adopted) stays as decided and takes its days first, even
where that overbooks the team; the overbooking is reported. An undecided claim's work of each
half-year is cut into a few equal slices of the same mix of skills; each slice moves as a whole
to the same or a later half-year, never an earlier one, and never overtakes the same slice's work
of an earlier half-year (it may catch up with it), so work keeps its order. Work
that finds no half-year up to the end of its plan is unserved. In each half-year the team's days
per skill hold, and each claim gets no more than its own provider days (its contract).

Objective: each day moved by one half-year costs the claim's weight, each unserved day
``unserved_penalty`` half-years more than moving it past the plan's end.

This module holds the problem, the result and the greedy allocation (the first feasible one);
``allocation_solver.allocate`` solves it (linear relaxation for the bound and a rounded start,
then CP-SAT).

A municipality then re-plans within its allocation (``Parameters.team`` of the product planner),
where its prerequisites, budgets and own capacities hold measure by measure.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from wandelwerk.roadmap.engine.model import Status, gap_of, spread

UNLIMITED = 10**9


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
    # Each half-year's work is cut into this many parts of the same mix of skills, each moved on
    # its own: finer parts fit the team better, at more variables.
    slices: int = 4


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


def profile(values: Sequence[int] | None, periods: int) -> list[int]:
    values = list(values or [])
    return [int(v) for v in values[:periods]] + [0] * max(0, periods - len(values))


def last_period(claim: Claim, periods: int) -> int:
    return periods - 1 if claim.last is None else min(claim.last, periods - 1)


def free_capacity(problem: TeamProblem) -> dict[str, list[int]]:
    """What the team has left per skill and period once the decided claims are served."""
    free = {s: profile(c, problem.periods) for s, c in problem.capacity.items()}
    for claim in problem.claims:
        if claim.fixed:
            for skill, days in claim.demand.items():
                if skill in free:
                    for t, d in enumerate(profile(days, problem.periods)):
                        free[skill][t] -= d
    return {s: [max(0, v) for v in values] for s, values in free.items()}


def overbooking(problem: TeamProblem) -> list[Overbooking]:
    found = []
    for skill, capacity in problem.capacity.items():
        cap = profile(capacity, problem.periods)
        demand = {c.id: profile(c.demand.get(skill), problem.periods) for c in problem.claims}
        decided = [c.id for c in problem.claims if c.fixed]
        for t in range(problem.periods):
            need = sum(demand[i][t] for i in decided)
            if need > cap[t]:
                waiting = tuple(c.id for c in problem.claims if not c.fixed and demand[c.id][t])
                users = tuple(i for i in decided if demand[i][t])
                found.append(Overbooking(skill, t, need, cap[t], users, waiting))
    return found


def objective_of(problem: TeamProblem, shares: Mapping[str, Share]) -> int:
    total = 0
    for claim in problem.claims:
        if claim.fixed:
            continue
        share, last = shares[claim.id], last_period(claim, problem.periods)
        for skill in share.wished:
            waiting = share.waiting(skill)
            total += claim.weight * (
                sum(waiting[: last + 1]) + problem.unserved_penalty * waiting[last]
            )
    return total


Piece = tuple[int, int]  # (half-year, slice)


def pieces(
    claim: Claim, periods: int, skills: list[str], slices: int
) -> list[tuple[Piece, dict[str, int]]]:
    """The claim's work per half-year, cut into ``slices`` equal parts of the same mix of
    skills (the remainder in the first): ((half-year, slice), days per skill), by half-year."""
    demand = {s: profile(claim.demand.get(s), periods) for s in skills}
    found = []
    for t in range(periods):
        for j in range(slices):
            days = {s: spread(demand[s][t], slices, j) for s in skills}
            if any(days.values()):
                found.append(((t, j), {s: d for s, d in days.items() if d}))
    return found


def shares_of(
    problem: TeamProblem, places: Mapping[str, Mapping[Piece, int | None]]
) -> dict[str, Share]:
    """Shares from where each claim's pieces of work go (None: unserved)."""
    periods, skills = problem.periods, list(problem.capacity)
    shares = {}
    for claim in problem.claims:
        wished = {s: profile(claim.demand.get(s), periods) for s in skills}
        if claim.fixed:
            shares[claim.id] = Share(wished, {s: list(v) for s, v in wished.items()})
            continue
        allocated = {s: [0] * periods for s in skills}
        for piece, days in pieces(claim, periods, skills, problem.slices):
            target = places[claim.id].get(piece)
            if target is not None:
                for s, d in days.items():
                    allocated[s][target] += d
        shares[claim.id] = Share(wished, allocated)
    return shares


def greedy_allocation(
    problem: TeamProblem, prefer: Mapping[tuple[str, Piece], int | None] | None = None
) -> dict[str, dict[Piece, int | None]]:
    """Half-year by half-year, the waiting pieces of work that may go there (their own half-year
    has come, the same slice of their claim's earlier work is placed) get the room
    that is left, the longest waiting first (heavier claims first among equals); what has found
    no room by the end of its claim's plan is unserved. ``prefer`` (a rounded relaxation) holds
    a piece back until the half-year it suggests and puts pieces it leaves unserved last."""
    periods, skills = problem.periods, list(problem.capacity)
    free = free_capacity(problem)
    flexible = [c for c in problem.claims if not c.fixed]
    room = {
        c.id: profile(c.limit, periods) if c.limit is not None else [UNLIMITED] * periods
        for c in flexible
    }
    lasts = {c.id: last_period(c, periods) for c in flexible}
    places: dict[str, dict[Piece, int | None]] = {c.id: {} for c in flexible}
    placed: dict[tuple[str, int], int] = {}  # (claim, slice) → pieces placed so far
    index: dict[tuple[str, Piece], int] = {}  # a piece's place in its slice's chain
    count: dict[tuple[str, int], int] = {}
    waiting: list[tuple[tuple[bool, int, int, int, int], str, Piece, dict[str, int]]] = []
    for claim in flexible:
        for (t, j), days in pieces(claim, periods, skills, problem.slices):
            index[(claim.id, (t, j))] = count.get((claim.id, j), 0)
            count[(claim.id, j)] = index[(claim.id, (t, j))] + 1
            suggested = t if prefer is None else prefer.get((claim.id, (t, j)), t)
            order = (
                suggested is None,
                t if suggested is None else max(t, suggested),
                t,
                -claim.weight,
                sum(days.values()),
            )
            waiting.append((order, claim.id, (t, j), days))
    waiting.sort(key=lambda w: (w[0], w[1], w[2]))
    for k in range(periods):
        still = []
        for item in waiting:
            order, claim_id, (t, j), days = item
            if k > lasts[claim_id]:
                places[claim_id][(t, j)] = None
                continue
            # Its turn has come and the slice's earlier pieces are placed (in this half-year or
            # before: half-years go forward, so the slice never overtakes itself).
            ready = t <= k and (order[0] or order[1] <= k)
            if not ready or index[(claim_id, (t, j))] != placed.get((claim_id, j), 0):
                still.append(item)
                continue
            total = sum(days.values())
            if total <= room[claim_id][k] and all(d <= free[s][k] for s, d in days.items()):
                places[claim_id][(t, j)] = k
                placed[(claim_id, j)] = placed.get((claim_id, j), 0) + 1
                room[claim_id][k] -= total
                for s, d in days.items():
                    free[s][k] -= d
            else:
                still.append(item)
        waiting = still
    for _order, claim_id, piece, _days in waiting:
        places[claim_id][piece] = None
    return places
