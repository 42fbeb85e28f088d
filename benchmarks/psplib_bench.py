"""Runs the engine on a PSPLIB set and compares with the best known bounds.

    .venv/bin/python benchmarks/psplib_bench.py ../shared/bench-data/psplib/j30 --time-limit 10 --workers 2
    .venv/bin/python benchmarks/psplib_bench.py ../shared/bench-data/psplib/j90 --instances 1,2

Prints, per set: instances, proven optimal, at the best known makespan, mean deviation from
``best_ub`` and any result that contradicts the known bounds (a correct solver has none).
Reads ``../shared/bench-data/psplib`` (benchmark data, not shipped with the application).
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from wandelwerk.roadmap.engine.psplib import _files, check, read, solve

BOUNDS = (
    Path(__file__).resolve().parent.parent.parent
    / "shared"
    / "bench-data"
    / "psplib"
    / "solutions"
    / "bounds.csv"
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--time-limit", type=float, default=10.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", help="write one JSON line per instance here")
    parser.add_argument(
        "--instances",
        help="only these instance numbers of every parameter set, e.g. 1,2 (a fixed sample)",
    )
    args = parser.parse_args()
    wanted = set(args.instances.split(",")) if args.instances else None
    bounds = {r["file"].removesuffix(".sm"): r for r in csv.DictReader(BOUNDS.open())}
    rows = []
    out = open(args.out, "w") if args.out else None  # noqa: SIM115
    for path in _files(args.paths):
        if wanted and path.stem.rsplit("_", 1)[1] not in wanted:
            continue
        instance = read(path)
        solution = solve(instance, time_limit=args.time_limit, workers=args.workers)
        known = bounds[instance.name]
        problems = check(instance, solution.starts) if solution.starts else ["keine Lösung"]
        row = {
            "instance": instance.name,
            "makespan": solution.makespan,
            "lower_bound": solution.lower_bound,
            "status": solution.status,
            "seconds": solution.seconds,
            "best_lb": int(known["best_lb"]),
            "best_ub": int(known["best_ub"]),
            "feasible_schedule": not problems,
        }
        rows.append(row)
        if out:
            out.write(json.dumps(row) + "\n")
    proven = sum(r["status"] == "OPTIMAL" for r in rows)
    at_best = sum(r["makespan"] == r["best_ub"] for r in rows)
    deviation = statistics.mean(
        100 * (r["makespan"] - r["best_ub"]) / r["best_ub"] for r in rows if r["makespan"]
    )
    wrong = [
        r["instance"]
        for r in rows
        if not r["feasible_schedule"]
        or (r["makespan"] or 0) < r["best_lb"]
        or r["lower_bound"] > r["best_ub"]
    ]
    print(
        f"instances {len(rows)}  proven optimal {proven} ({100 * proven / len(rows):.1f} %)  "
        f"at best known {at_best}  mean deviation from best_ub {deviation:.2f} %  "
        f"mean seconds {statistics.mean(r['seconds'] for r in rows):.2f}  contradictions {wrong or 'none'}"
    )


if __name__ == "__main__":
    main()
