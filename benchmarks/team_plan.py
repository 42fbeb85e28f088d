"""The provider-wide team plan: many municipalities' plans sharing the provider's one team.

    .venv/bin/python benchmarks/team_plan.py [--municipalities 60] [--measures 100] [--seed 1]
        [--load 0.8] [--time-limit 60] [--replan-seconds 1]   (0: no re-planning)

1. Every municipality gets a generated problem (``--measures`` measures over 10 half-years:
   internal and provider days, provider days split into Beratung, Technik and Schulung, budgets
   per fiscal year, change capacity per unit, prerequisites). What its own plan claims of the team
   is its greedy plan (``engine/greedy.py``, the plan its planner starts from). Every third
   municipality's plan is decided (the council's baseline: fixed).
2. The team has ``--load`` times the mean demand per half-year of all plans for each skill, so the
   peaks overbook it.
3. The allocation (``engine/allocation.py``) over the aggregates: time to the first feasible
   allocation, the proven gap at the end, the objective (day-half-years of waiting).
4. Every undecided municipality is re-planned within its allocation (the product planner with
   the skills as capacities, ``--replan-seconds`` each); the benchmark checks that the team is
   then nowhere booked beyond its days except where decided plans alone overbook it.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from wandelwerk.roadmap.engine import Problem, Task, Weights
from wandelwerk.roadmap.engine.allocation import (
    Claim,
    TeamProblem,
    greedy_allocation,
    objective_of,
    shares_of,
)
from wandelwerk.roadmap.engine.allocation_solver import allocate
from wandelwerk.roadmap.engine.greedy import greedy_plan
from wandelwerk.roadmap.engine.solver import solve

SKILLS = ("consulting", "engineering", "training")
AREAS = ("change", "knowledge", "process", "digital")
HORIZON = 10


def municipality(rng: random.Random, n: int) -> Problem:
    tasks = []
    for i in range(n):
        duration = rng.choice([1, 1, 1, 2, 2, 3])
        provider = rng.choice([0, 2, 4, 6, 10, 16])
        engineering = rng.choice([0, 0, provider // 2, (provider * 3) // 5])
        training = rng.choice([0, 0, 0, provider // 5])
        preds = tuple(
            f"M{j}"
            for j in rng.sample(range(max(0, i - 30), i), k=min(i, rng.choice([0, 0, 0, 1, 1, 2])))
        )
        tasks.append(
            Task(
                id=f"M{i}",
                duration=duration,
                demands={
                    "internal": rng.randint(2, 20),
                    "provider": provider,
                    "consulting": provider - engineering - training,
                    "engineering": engineering,
                    "training": training,
                },
                cost=rng.choice([0, 2_000, 5_000, 10_000, 20_000]),
                units=(f"U{rng.randrange(8)}",),
                area=rng.choice(AREAS),
                benefit=rng.randint(1, 10),
                deadline=rng.choice([None, None, None, rng.randint(4, HORIZON)]),
                predecessors=preds,
            )
        )
    internal = sum(t.demands["internal"] * t.duration for t in tasks)
    provider = sum(t.demands["provider"] * t.duration for t in tasks)
    budget = sum(t.cost for t in tasks)
    return Problem(
        horizon=HORIZON,
        tasks=tasks,
        capacities={
            "internal": [int(1.8 * internal / HORIZON)] * HORIZON,
            "provider": [int(1.8 * provider / HORIZON)] * HORIZON,
        },
        budgets=[int(1.8 * budget / (HORIZON // 2))] * (HORIZON // 2),
        fiscal_year=[p // 2 for p in range(HORIZON)],
        change_capacity={f"U{u}": 10 for u in range(8)},
        weights=Weights(),
    )


def claimed(problem: Problem, starts: dict[str, int]) -> dict[str, list[int]]:
    days = {s: [0] * problem.horizon for s in SKILLS}
    for t in problem.tasks:
        if t.id in starts:
            for p in range(starts[t.id], starts[t.id] + t.duration):
                for s in SKILLS:
                    days[s][p] += t.demands.get(s, 0)
    return days


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--municipalities", type=int, default=60)
    parser.add_argument("--measures", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--load", type=float, default=0.8)
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--replan-seconds", type=float, default=1.0)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    began = time.monotonic()
    problems = [municipality(rng, args.measures) for _ in range(args.municipalities)]
    wishes = [greedy_plan(p) for p in problems]
    demand = [claimed(p, w) for p, w in zip(problems, wishes, strict=True)]
    print(
        f"{args.municipalities} municipalities × {args.measures} measures generated and their "
        f"wished plans made in {time.monotonic() - began:.1f} s"
    )
    capacity = {
        s: [int(args.load * sum(sum(d[s]) for d in demand) / HORIZON)] * HORIZON for s in SKILLS
    }
    claims = [
        Claim(
            id=str(i),
            demand=d,
            fixed=i % 3 == 0,
            limit=problems[i].capacities["provider"],
        )
        for i, d in enumerate(demand)
    ]
    team = TeamProblem(periods=HORIZON, capacity=capacity, claims=claims)
    print("team days per half-year:", {s: c[0] for s, c in capacity.items()})

    result = allocate(team, time_limit=args.time_limit, workers=2)
    print(
        f"allocation: first feasible after {result.first_seconds:.3f} s, status {result.status}, "
        f"{result.seconds:.2f} s, objective {result.objective:.0f}, bound {result.bound}, "
        f"proven gap {100 * (result.gap or 0):.2f} %"
    )
    greedy = objective_of(team, shares_of(team, greedy_allocation(team)))
    print(f"greedy allocation: objective {greedy}")
    for mark in (2, 5, 10, 30, 60):
        seen = [(o, b) for s, o, b in result.trace if s <= mark]
        if seen:
            objective, bound = seen[-1]
            print(
                f"  by {mark:>2} s: objective {objective:.0f}, bound {bound:.0f}, "
                f"gap {100 * (objective - bound) / objective:.2f} %"
            )
    print(f"overbooked by decided plans alone: {len(result.overbooked)} (skill, half-year) cells")
    undecided = [c for c in claims if not c.fixed]
    wished = sum(sum(sum(v) for v in c.demand.values()) for c in undecided)
    unserved = sum(result.shares[c.id].unserved for c in undecided)
    print(
        f"undecided plans: {wished} team days wished, {unserved} "
        f"({100 * unserved / wished:.1f} %) unserved within their plans' periods"
    )

    if args.replan_seconds <= 0:
        return
    began = time.monotonic()
    used: dict[tuple[str, int], int] = defaultdict(int)
    left_out = moved = total = free_left_out = 0
    for i, problem in enumerate(problems):
        if claims[i].fixed:
            for s in SKILLS:
                for p in range(HORIZON):
                    used[(s, p)] += demand[i][s][p]
            continue
        share = result.shares[str(i)].allocated
        within = Problem(
            horizon=problem.horizon,
            tasks=problem.tasks,
            capacities={**problem.capacities, **{s: share[s] for s in SKILLS}},
            budgets=problem.budgets,
            fiscal_year=problem.fiscal_year,
            change_capacity=problem.change_capacity,
            weights=problem.weights,
        )
        plan = solve(within, time_limit=args.replan_seconds, workers=2, reference=wishes[i])
        got = claimed(within, plan.starts)
        for s in SKILLS:
            for p in range(HORIZON):
                used[(s, p)] += got[s][p]
        total += len(problem.tasks)
        free_left_out += len(solve(problem, time_limit=args.replan_seconds, workers=2).unscheduled)
        left_out += len(plan.unscheduled)
        moved += sum(1 for k, v in plan.starts.items() if wishes[i].get(k) != v)
    fixed_use = {
        (s, p): sum(demand[i][s][p] for i in range(len(problems)) if claims[i].fixed)
        for s in SKILLS
        for p in range(HORIZON)
    }
    over = [
        (s, p, used[(s, p)], capacity[s][p])
        for s in SKILLS
        for p in range(HORIZON)
        if used[(s, p)] > max(capacity[s][p], fixed_use[(s, p)])
    ]
    print(
        f"re-planned {args.municipalities - sum(c.fixed for c in claims)} undecided municipalities "
        f"within their allocation in {time.monotonic() - began:.1f} s: {moved} of {total} measures "
        f"moved, {left_out} left out ({free_left_out} left out with no limit on the team); team "
        f"booked beyond its days: {over or 'nowhere'}"
    )


if __name__ == "__main__":
    main()
