"""The product planner at provider scale: 1,000 measures, 40 org units, 10 half-years, 4 resources.

    .venv/bin/python benchmarks/planner_scale.py [--seed 1] [--time-limit 60]

Prints the time to the first feasible plan and the proven gap over time (as of the last plan
found by 5, 10, 30 and 60 s; the bound may have improved since, so the final gap is the one that
counts).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from wandelwerk.roadmap.engine import Problem, Task, Weights
from wandelwerk.roadmap.engine.check import violations
from wandelwerk.roadmap.engine.model import Solution
from wandelwerk.roadmap.engine.solver import solve

RESOURCES = ["intern", "berater", "it", "orga"]
AREAS = ["change", "knowledge", "process", "digital"]


def generate(
    seed: int, n: int = 1000, units: int = 40, horizon: int = 10, load: float = 0.9
) -> Problem:
    rng = random.Random(seed)
    tasks = []
    for i in range(n):
        duration = rng.choice([1, 1, 1, 2, 2, 3])
        preds = (
            tuple(
                f"M{j}"
                for j in rng.sample(range(max(0, i - 60), i), k=min(i, rng.choice([0, 0, 1, 1, 2])))
            )
            if i
            else ()
        )
        tasks.append(
            Task(
                id=f"M{i}",
                duration=duration,
                demands={r: rng.randint(0, 12) for r in RESOURCES},
                cost=rng.choice([0, 0, 5_000, 10_000, 20_000, 40_000]),
                units=(f"U{rng.randrange(units)}",),
                area=rng.choice(AREAS),
                benefit=rng.randint(1, 10),
                deadline=rng.choice([None, None, None, rng.randint(4, horizon)]),
                predecessors=preds,
            )
        )
    # Capacity and budget for ``load`` times the total demand over the horizon: below 1, some
    # measures cannot be planned at all and the plan also chooses which to leave out.
    capacities = {
        r: [int(load * sum(t.demands[r] * t.duration for t in tasks) / horizon)] * horizon
        for r in RESOURCES
    }
    total_cost = sum(t.cost for t in tasks)
    return Problem(
        horizon=horizon,
        tasks=tasks,
        capacities=capacities,
        budgets=[int(total_cost / 5 * max(load, 1.1))] * 5,
        fiscal_year=[p // 2 for p in range(horizon)],
        change_capacity={f"U{u}": 8 for u in range(units)},
        weights=Weights(),
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--load",
        type=float,
        default=0.9,
        help="capacity as a share of the total demand over the horizon (0.9: some must be left out)",
    )
    args = parser.parse_args()
    started = time.perf_counter()
    problem = generate(args.seed, load=args.load)
    built = time.perf_counter()
    events: list[tuple[float, float, float | None]] = []

    def on_solution(solution: Solution) -> None:
        events.append((time.perf_counter() - started, solution.objective, solution.bound))

    result = solve(
        problem, time_limit=args.time_limit, workers=args.workers, on_solution=on_solution
    )
    print(
        f"measures {len(problem.tasks)}, units 40, periods {problem.horizon}, resources {len(RESOURCES)}, "
        f"capacity {100 * args.load:.0f} % of demand"
    )
    print(
        f"generated in {built - started:.2f} s; status {result.status.value}; total {result.seconds:.1f} s"
    )
    if events:
        first = events[0]
        print(f"first feasible plan after {first[0]:.1f} s (objective {first[1]:.0f})")
        for mark in (5, 10, 30, 60):
            seen = [e for e in events if e[0] <= mark]
            if seen and seen[-1][2] is not None:
                objective, bound = seen[-1][1], seen[-1][2]
                gap = abs(objective - bound) / abs(objective) if objective else 0.0
                print(
                    f"  by {mark:>2} s: objective {objective:.0f}, bound {bound:.0f}, gap {100 * gap:.2f} %"
                )
    if result.objective is not None:
        print(
            f"final objective {result.objective:.0f}, bound {result.bound:.0f}, proven gap {100 * (result.gap or 0):.2f} %"
        )
    print(
        f"scheduled {len(result.starts)}, left out {len(result.unscheduled)}, violations {len(violations(problem, result.starts))}"
    )


if __name__ == "__main__":
    main()
