"""The product planner at provider scale: 1,000 measures, 40 org units, 10 half-years, 4 resources.

    .venv/bin/python benchmarks/planner_scale.py [--seed 1] [--time-limit 60]

Prints the time to the first feasible plan and the proven gap over time.
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
from wandelwerk.roadmap.engine.solver import solve

RESOURCES = ["intern", "berater", "it", "orga"]
AREAS = ["change", "knowledge", "process", "digital"]


def generate(seed: int, n: int = 1000, units: int = 40, horizon: int = 10) -> Problem:
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
    # Capacity for roughly 90 % of the total demand over the horizon: tight, but a plan exists.
    capacities = {
        r: [int(0.9 * sum(t.demands[r] * t.duration for t in tasks) / horizon)] * horizon
        for r in RESOURCES
    }
    total_cost = sum(t.cost for t in tasks)
    return Problem(
        horizon=horizon,
        tasks=tasks,
        capacities=capacities,
        budgets=[int(total_cost / 5 * 1.1)] * 5,
        fiscal_year=[p // 2 for p in range(horizon)],
        change_capacity={f"U{u}": 8 for u in range(units)},
        weights=Weights(),
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    started = time.perf_counter()
    problem = generate(args.seed)
    built = time.perf_counter()
    events: list[tuple[float, float, float | None]] = []

    def progress(objective: float, bound: float | None) -> None:
        events.append((time.perf_counter() - started, objective, bound))

    result = solve(problem, time_limit=args.time_limit, workers=args.workers, progress=progress)
    print(
        f"measures {len(problem.tasks)}, units 40, periods {problem.horizon}, resources {len(RESOURCES)}"
    )
    print(
        f"generated in {built - started:.2f} s; status {result.status.value}; total {result.seconds:.1f} s"
    )
    if events:
        print(f"first feasible plan after {events[0][0]:.1f} s")
    if result.objective is not None:
        print(
            f"final objective {result.objective:.0f}, bound {result.bound:.0f}, proven gap {100 * (result.gap or 0):.2f} %"
        )
    print(
        f"scheduled {len(result.starts)}, left out {len(result.unscheduled)}, violations {len(violations(problem, result.starts))}"
    )


if __name__ == "__main__":
    main()
