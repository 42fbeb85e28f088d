"""The planner on the large municipality of the scale data set (``benchmarks/scale_data.py``):
time to the first plan, the proven gap over time, and the post-processing of the stored plan.

    .venv/bin/python benchmarks/plan_scale.py [--database var/scale.sqlite3] [--seconds 60]

Plans scenario "Basis" of Großstadt as the planning job does (problem from today's measures,
the previous plan as reference), with the gap limit off so the whole time is used, and prints
every better plan with its time and gap, then how long storing the plan took.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default=str(ROOT / "var" / "scale.sqlite3"))
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--scenario", default="Basis")
    args = parser.parse_args()
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{args.database}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wandelwerk.conf.local")
    import django

    django.setup()
    from wandelwerk.roadmap.engine.model import Solution, gap_of
    from wandelwerk.roadmap.models import Scenario
    from wandelwerk.roadmap.planning import plan_scenario
    from wandelwerk.tenants import tenancy
    from wandelwerk.tenants.models import Municipality

    town = Municipality.objects.get(slug="grossstadt")
    with tenancy.activate(town):
        scenario = Scenario.objects.get(name=args.scenario)
        started = time.perf_counter()
        seen: list[tuple[float, float | None]] = []

        def on_solution(solution: Solution, _built: object) -> None:
            seen.append((time.perf_counter() - started, gap_of(solution.objective, solution.bound)))

        plan = plan_scenario(
            scenario, time_limit=args.seconds, gap_limit=0.0, on_solution=on_solution
        )
        total = time.perf_counter() - started
        placements = plan.placements.count()
    print(f"Szenario {args.scenario}: {placements} Maßnahmen, Grenze {args.seconds:.0f} s")
    for at, gap in seen[:3] + ([seen[-1]] if len(seen) > 3 else []):
        print(f"  Plan nach {at:6.2f} s, Abstand höchstens {100 * (gap or 0):6.2f} %")
    for mark in (2, 5, 10, 30, 60):
        before = [g for at, g in seen if at <= mark]
        if before:
            print(f"  bis {mark:>2} s: Abstand höchstens {100 * (before[-1] or 0):6.2f} %")
    for limit in (0.02, 0.01):
        reached = next((at for at, g in seen if g is not None and g < limit), None)
        text = f"nach {reached:.1f} s" if reached is not None else "nicht erreicht"
        print(f"  Abstand unter {100 * limit:.0f} %: {text}")
    print(f"  Ergebnis {plan.status}, Abstand {100 * (plan.gap or 0):.2f} %, "
          f"gesamt {total:.1f} s (Suche {plan.seconds:.1f} s)")  # fmt: skip


if __name__ == "__main__":
    main()
