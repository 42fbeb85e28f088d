"""A plan found while the search goes on, summed per half-year for the planning job's page.

The solver hands over every better plan; the job's page shows the latest one as a table (measures
beginning and running, staff days against the capacity, euro) so that the user sees the plan take
shape and can stop the search when it is good enough. Nothing of it is stored as a plan: the plan
is the one the run ends with.
"""

from __future__ import annotations

from typing import Any

from wandelwerk.roadmap.engine.model import Solution, gap_of
from wandelwerk.roadmap.problem import INTERNAL, PROVIDER, Built


def interim(built: Built, solution: Solution, *, number: int, seconds: float) -> dict[str, Any]:
    params = built.parameters
    rows: list[dict[str, Any]] = [
        {"label": h.label, "starting": 0, "running": 0, "internal": 0, "provider": 0, "euro": 0}
        for h in params.half_years
    ]
    placed = 0
    for task in built.problem.tasks:
        start = solution.starts.get(task.id)
        if start is None:
            continue
        placed += 1
        if start < len(rows):
            rows[start]["starting"] += 1
        for offset in range(task.duration):
            if start + offset >= len(rows):
                break
            row = rows[start + offset]
            row["running"] += 1
            row["internal"] += task.demands.get(INTERNAL, 0)
            row["provider"] += task.demands.get(PROVIDER, 0)
            row["euro"] += task.cost_in(offset)
    gap = gap_of(solution.objective, solution.bound)
    return {
        "number": number,
        "seconds": round(seconds, 1),
        "gap": None if gap is None else round(100 * gap, 1),
        "placed": placed,
        "tasks": len(built.problem.tasks),
        "internal_capacity": params.internal_days_per_period,
        "provider_capacity": params.provider_days_per_period,
        "rows": rows,
    }
