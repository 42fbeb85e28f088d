"""The constraint-building code shared by the product planner and the PSPLIB model.

Intervals for tasks, finish-to-start precedences, and renewable resources with a capacity per
period as cumulative constraints (a period with less capacity gets a fixed "blocker" interval
taking up the difference). Jobs that can never run together on some resource (their demands add
up to more than its capacity) are also kept apart with a no-overlap constraint: it is implied by
the cumulative, but lets the solver reason about them as a sequence, which closes the hardest
PSPLIB instances much faster.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ortools.sat.python import cp_model


@dataclass
class Job:
    start: cp_model.IntVar
    end: cp_model.IntVar
    interval: cp_model.IntervalVar
    duration: int
    present: cp_model.IntVar | None = None  # None: always scheduled


def add_jobs(
    model: cp_model.CpModel,
    durations: Mapping[str, int],
    *,
    horizon: int,
    earliest: Mapping[str, int] | None = None,
    latest_end: Mapping[str, int] | None = None,
    optional: Sequence[str] = (),
) -> dict[str, Job]:
    jobs: dict[str, Job] = {}
    optional_ids = set(optional)
    for job_id, duration in durations.items():
        low = (earliest or {}).get(job_id, 0)
        high_end = min(horizon, (latest_end or {}).get(job_id, horizon))
        start = model.new_int_var(low, max(low, high_end - duration), f"s_{job_id}")
        end = model.new_int_var(low + duration, max(low + duration, high_end), f"e_{job_id}")
        if job_id in optional_ids:
            present = model.new_bool_var(f"p_{job_id}")
            interval = model.new_optional_interval_var(start, duration, end, present, f"i_{job_id}")
        else:
            present = None
            interval = model.new_interval_var(start, duration, end, f"i_{job_id}")
        jobs[job_id] = Job(start, end, interval, duration, present)
    return jobs


def add_precedences(
    model: cp_model.CpModel, jobs: Mapping[str, Job], edges: Sequence[tuple[str, str]]
) -> None:
    """``(a, b)``: b starts after a ends; an optional b needs a scheduled a."""
    for a, b in edges:
        first, then = jobs[a], jobs[b]
        constraint = model.add(then.start >= first.end)
        if then.present is not None:
            constraint.only_enforce_if(then.present)
            if first.present is not None:
                model.add_implication(then.present, first.present)


def add_resources(
    model: cp_model.CpModel,
    jobs: Mapping[str, Job],
    demands: Mapping[str, Mapping[str, int]],
    capacities: Mapping[str, Sequence[int] | int],
    *,
    horizon: int,
    disjunctive: bool = True,
) -> None:
    """One cumulative per resource; capacities may be one number or one per period."""
    for resource, capacity in capacities.items():
        profile = [capacity] * horizon if isinstance(capacity, int) else list(capacity)
        top = max(profile, default=0)
        intervals, heights = [], []
        for job_id, job in jobs.items():
            need = demands.get(job_id, {}).get(resource, 0)
            if need > 0 and job.duration > 0:
                intervals.append(job.interval)
                heights.append(need)
        if not intervals:
            continue
        for period, cap in enumerate(profile):
            if cap < top:
                intervals.append(
                    model.new_fixed_size_interval_var(period, 1, f"block_{resource}_{period}")
                )
                heights.append(top - cap)
        model.add_cumulative(intervals, heights, top)
        if disjunctive:
            big = [
                jobs[j].interval
                for j in jobs
                if jobs[j].duration > 0 and 2 * demands.get(j, {}).get(resource, 0) > top
            ]
            if len(big) > 1:
                model.add_no_overlap(big)
