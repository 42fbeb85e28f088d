"""Solving the team plan (``allocation.py``): every piece of undecided work chooses the half-year
it goes to, or none.

1. The greedy allocation is the first feasible one (milliseconds).
2. The linear relaxation (GLOP: every choice a fraction) gives a proven lower bound, and rounded
   (each piece no earlier than the half-year by which the relaxation has placed half of it) it
   guides a second greedy allocation; the better of the two is the start.
3. CP-SAT improves the start within the time left; the bound is the better of its own and the
   relaxation's.
"""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ortools.linear_solver import pywraplp
from ortools.sat.python import cp_model

from wandelwerk.roadmap.engine.allocation import (
    Allocation,
    Piece,
    TeamProblem,
    free_capacity,
    greedy_allocation,
    last_period,
    objective_of,
    overbooking,
    pieces,
    profile,
    shares_of,
)
from wandelwerk.roadmap.engine.model import Status

Key = tuple[str, Piece]  # (claim, piece)
Places = dict[str, dict[Piece, int | None]]


@dataclass
class Structure:
    """The choices of every undecided piece, with what each costs and uses."""

    options: dict[Key, list[int | None]] = field(default_factory=dict)
    cost: dict[tuple[Key, int | None], int] = field(default_factory=dict)
    days: dict[Key, dict[str, int]] = field(default_factory=dict)
    last: dict[str, int] = field(default_factory=dict)
    chains: list[list[Key]] = field(default_factory=list)  # one per claim and slice, by half-year
    free: dict[str, list[int]] = field(default_factory=dict)
    limits: dict[str, list[int]] = field(default_factory=dict)


def structure(problem: TeamProblem) -> Structure:
    periods, skills = problem.periods, list(problem.capacity)
    found = Structure(free=free_capacity(problem))
    for claim in problem.claims:
        if claim.fixed:
            continue
        last = last_period(claim, periods)
        found.last[claim.id] = last
        limit = profile(claim.limit, periods) if claim.limit is not None else None
        if limit is not None:
            found.limits[claim.id] = limit
        chains: dict[int, list[Key]] = {}
        for (t, j), days in pieces(claim, periods, skills, problem.slices):
            if t > last:
                continue  # wished after its own plan: unserved whatever happens
            key, total = (claim.id, (t, j)), sum(days.values())
            options: list[int | None] = [
                option
                for option in range(t, last + 1)
                if all(d <= found.free[s][option] for s, d in days.items())
                and (limit is None or total <= limit[option])
            ]
            options.append(None)
            found.options[key], found.days[key] = options, days
            for option in options:
                moved = (last + 1 - t + problem.unserved_penalty) if option is None else option - t
                found.cost[(key, option)] = claim.weight * total * moved
            chains.setdefault(j, []).append(key)
        found.chains.extend(chains.values())
    return found


def _constraints(s: Structure, var: Mapping[tuple[Key, int | None], Any], add: Any) -> None:
    """The rules, for either solver: ``add(expression)`` adds one constraint."""
    use: dict[tuple[str, int], list[Any]] = {}
    own: dict[tuple[str, int], list[Any]] = {}
    for key, options in s.options.items():
        total = sum(s.days[key].values())
        for option in options:
            if option is not None:
                for skill, d in s.days[key].items():
                    use.setdefault((skill, option), []).append(d * var[(key, option)])
                own.setdefault((key[0], option), []).append(total * var[(key, option)])
    for (skill, option), terms in use.items():
        add(sum(terms) <= s.free[skill][option])
    for (claim_id, option), terms in own.items():
        if claim_id in s.limits and len(terms) > 1:
            add(sum(terms) <= s.limits[claim_id][option])

    def position(key: Key) -> Any:
        after = s.last[key[0]] + 1
        return sum((after if o is None else o) * var[(key, o)] for o in s.options[key])

    for chain in s.chains:  # a slice's later work never overtakes its earlier work
        for earlier, later in itertools.pairwise(chain):
            add(position(later) >= position(earlier))


def relax(s: Structure) -> tuple[float | None, dict[Key, int | None]]:
    """The relaxation's value (a lower bound) and, per piece, the half-year by which it has
    placed half of the piece (None: it leaves at least half unserved)."""
    solver = pywraplp.Solver.CreateSolver("GLOP")
    if solver is None or not s.options:
        return None, {}
    var = {(key, o): solver.NumVar(0, 1, "") for key, options in s.options.items() for o in options}
    for key, options in s.options.items():
        solver.Add(sum(var[(key, o)] for o in options) == 1)
    _constraints(s, var, solver.Add)
    solver.Minimize(sum(s.cost[k] * v for k, v in var.items()))
    if solver.Solve() != pywraplp.Solver.OPTIMAL:
        return None, {}
    prefer: dict[Key, int | None] = {}
    for key, options in s.options.items():
        mass, prefer[key] = 0.0, None
        for option in sorted(o for o in options if o is not None):
            mass += var[(key, option)].solution_value()
            if mass >= 0.5:
                prefer[key] = option
                break
    # The relaxation's value up to its tolerances; rounded down, it stays a bound.
    return max(0, math.floor(solver.Objective().Value() * (1 - 1e-9) - 1e-6)), prefer


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
    greedy = greedy_allocation(problem)
    first = time.monotonic() - started
    s = structure(problem)
    relaxed, prefer = relax(s)

    def value(places: Places) -> int:
        return objective_of(problem, shares_of(problem, places))

    start, start_value = greedy, value(greedy)
    if prefer:
        guided = greedy_allocation(problem, prefer)
        if (guided_value := value(guided)) < start_value:
            start, start_value = guided, guided_value
    model = cp_model.CpModel()
    var = {(key, o): model.new_bool_var("") for key, options in s.options.items() for o in options}
    for key, options in s.options.items():
        model.add_exactly_one(var[(key, o)] for o in options)
        for o in options:
            model.add_hint(var[(key, o)], start[key[0]].get(key[1]) == o)
    _constraints(s, var, model.add)
    model.minimize(sum(s.cost[k] * v for k, v in var.items()))
    trace: list[tuple[float, float, float]] = []
    bound = relaxed
    places: Places = start
    status = Status.FEASIBLE
    left = time_limit - (time.monotonic() - started)
    if relaxed is not None and start_value <= relaxed:
        status = Status.OPTIMAL  # the start already meets the bound
    elif left > 0.05:
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = left
        solver.parameters.num_workers = workers
        solver.parameters.relative_gap_limit = gap_limit
        progress = _Progress(started)
        code = solver.solve(model, progress)
        trace = progress.trace
        if code in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            bound = max(solver.best_objective_bound, relaxed or 0)
            # CP-SAT says OPTIMAL once the gap limit is reached; only a closed gap is optimal.
            closed = abs(solver.objective_value - bound) < 1e-6
            status = Status.OPTIMAL if code == cp_model.OPTIMAL and closed else Status.FEASIBLE
            places = {claim_id: {} for claim_id in start}
            for (key, option), literal in var.items():
                if solver.boolean_value(literal):
                    places[key[0]][key[1]] = option
    shares = shares_of(problem, places)
    return Allocation(
        status=status,
        shares=shares,
        overbooked=overbooking(problem),
        objective=float(objective_of(problem, shares)),
        bound=None if bound is None else float(bound),
        seconds=time.monotonic() - started,
        first_seconds=first,
        trace=trace,
    )
