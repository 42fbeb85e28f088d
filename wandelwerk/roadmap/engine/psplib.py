"""PSPLIB single-mode RCPSP instances: parser, makespan model on the shared engine code, and CLI.

    python -m wandelwerk.roadmap.engine.psplib FILE_OR_DIR... --time-limit S [--workers N]

prints one JSON object per instance and a summary line. Solving the standard instances to their
known optimum is how the planning engine is checked for correctness and speed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ortools.sat.python import cp_model

from wandelwerk.roadmap.engine.core import Job, add_jobs, add_precedences, add_resources


@dataclass(frozen=True)
class Instance:
    name: str
    durations: dict[int, int]
    successors: dict[int, list[int]]
    demands: dict[int, list[int]]
    capacities: list[int]

    @property
    def jobs(self) -> list[int]:
        return sorted(self.durations)


def parse(text: str, name: str = "") -> Instance:
    lines = text.splitlines()
    successors: dict[int, list[int]] = {}
    durations: dict[int, int] = {}
    demands: dict[int, list[int]] = {}
    capacities: list[int] = []
    section = ""
    for i, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("PRECEDENCE RELATIONS"):
            section = "prec"
            continue
        if stripped.startswith("REQUESTS/DURATIONS"):
            section = "req"
            continue
        if stripped.startswith("RESOURCEAVAILABILITIES"):
            capacities = [int(v) for v in lines[i + 2].split()]
            section = ""
            continue
        if (
            not stripped
            or stripped.startswith("*")
            or stripped.startswith("-")
            or not stripped[0].isdigit()
        ):
            continue
        numbers = [int(v) for v in stripped.split()]
        if section == "prec":
            job, _modes, count = numbers[:3]
            successors[job] = numbers[3 : 3 + count]
        elif section == "req":
            job, _mode, duration = numbers[:3]
            durations[job] = duration
            demands[job] = numbers[3:]
    if not durations or not capacities:
        raise ValueError(f"{name or 'Datei'}: keine PSPLIB-Instanz (Jobs oder Kapazitäten fehlen)")
    return Instance(name, durations, successors, demands, capacities)


def read(path: Path) -> Instance:
    return parse(path.read_text(encoding="latin-1"), path.stem)


def _predecessors(instance: Instance) -> dict[int, list[int]]:
    predecessors: dict[int, list[int]] = {j: [] for j in instance.jobs}
    for job, succ in instance.successors.items():
        for s in succ:
            predecessors[s].append(job)
    return predecessors


def _sgs(instance: Instance, order: list[int], before: dict[int, list[int]]) -> dict[int, int]:
    """Serial schedule generation: each job of ``order`` (every job after those in
    ``before[job]``) at the earliest time its predecessors and the resources allow."""
    horizon = sum(instance.durations.values())
    usage = [[0] * (horizon + 1) for _ in instance.capacities]
    starts: dict[int, int] = {}
    for job in order:
        duration, demand = instance.durations[job], instance.demands[job]
        t = max((starts[p] + instance.durations[p] for p in before[job]), default=0)
        while any(
            usage[r][u] + demand[r] > cap
            for r, cap in enumerate(instance.capacities)
            for u in range(t, t + duration)
        ):
            t += 1
        for r in range(len(instance.capacities)):
            for u in range(t, t + duration):
                usage[r][u] += demand[r]
        starts[job] = t
    return starts


def _makespan(instance: Instance, starts: dict[int, int]) -> int:
    return max(starts[j] + instance.durations[j] for j in instance.jobs)


def _justify(instance: Instance, starts: dict[int, int]) -> dict[int, int]:
    """Forward-backward improvement: shift every job as late as possible (in order of latest
    finish first), then as early as possible (earliest start first). Never longer, often shorter."""
    predecessors = _predecessors(instance)
    successors = {j: list(instance.successors.get(j, [])) for j in instance.jobs}
    while True:
        end = _makespan(instance, starts)
        # Backward: time runs from the end; successors come first.
        by_finish = sorted(instance.jobs, key=lambda j: (-(starts[j] + instance.durations[j]), -j))
        mirrored = _sgs(instance, by_finish, successors)
        late = {j: end - mirrored[j] - instance.durations[j] for j in instance.jobs}
        shift = min(late.values())
        late = {j: v - shift for j, v in late.items()}
        forward = _sgs(instance, sorted(instance.jobs, key=lambda j: (late[j], j)), predecessors)
        if _makespan(instance, forward) >= end:
            return starts
        starts = forward


def serial_schedule(instance: Instance) -> dict[int, int]:
    """A feasible schedule as a quick upper bound and the solver's hint: the serial schedule
    generation scheme under four classic priority rules (latest finish, latest start, most
    successors, greatest rank weight), each improved forward and backward; the shortest wins."""
    predecessors = _predecessors(instance)
    durations = instance.durations
    horizon = sum(durations.values())
    latest: dict[int, int] = {}
    for job in sorted(instance.jobs, reverse=True):
        latest[job] = min(
            (latest[s] - durations[s] for s in instance.successors.get(job, [])),
            default=horizon,
        )
    below: dict[int, set[int]] = {}
    for job in sorted(instance.jobs, reverse=True):
        below[job] = set()
        for s in instance.successors.get(job, []):
            below[job] |= {s} | below[s]
    rules = [
        lambda j: (latest[j], j),
        lambda j: (latest[j] - durations[j], j),
        lambda j: (-len(below[j]), j),
        lambda j: (-(durations[j] + sum(durations[s] for s in below[j])), j),
    ]
    best: dict[int, int] | None = None
    for rule in rules:
        order: list[int] = []
        done: set[int] = set()
        while len(order) < len(instance.jobs):
            eligible = [
                j
                for j in instance.jobs
                if j not in done and all(p in done for p in predecessors[j])
            ]
            job = min(eligible, key=rule)
            order.append(job)
            done.add(job)
        starts = _justify(instance, _sgs(instance, order, predecessors))
        if best is None or _makespan(instance, starts) < _makespan(instance, best):
            best = starts
    assert best is not None
    return best


@dataclass
class Solution:
    instance: str
    makespan: int | None
    lower_bound: int
    status: str
    seconds: float
    starts: dict[int, int]


def _windows(instance: Instance, horizon: int) -> tuple[dict[int, int], dict[int, int]]:
    """Earliest start (longest path from the source) and latest end (horizon minus the longest
    path to the sink after the job) of every job, from the precedences alone."""
    predecessors = _predecessors(instance)
    earliest: dict[int, int] = {}
    for j in instance.jobs:  # PSPLIB numbers jobs in a topological order
        earliest[j] = max((earliest[p] + instance.durations[p] for p in predecessors[j]), default=0)
    after: dict[int, int] = {}
    for j in reversed(instance.jobs):
        after[j] = max(
            (after[s] + instance.durations[s] for s in instance.successors.get(j, [])), default=0
        )
    return earliest, {j: horizon - after[j] for j in instance.jobs}


def solve(instance: Instance, *, time_limit: float = 10.0, workers: int = 2) -> Solution:
    started = time.perf_counter()
    hint = serial_schedule(instance)
    horizon = max(hint[j] + instance.durations[j] for j in instance.jobs)
    earliest, latest_end = _windows(instance, horizon)
    model = cp_model.CpModel()
    keys = {j: str(j) for j in instance.jobs}
    jobs = add_jobs(
        model,
        {keys[j]: instance.durations[j] for j in instance.jobs},
        horizon=horizon,
        earliest={keys[j]: v for j, v in earliest.items()},
        latest_end={keys[j]: v for j, v in latest_end.items()},
    )
    edges = [(keys[a], keys[b]) for a, succ in instance.successors.items() for b in succ]
    add_precedences(model, jobs, edges)
    demands = {
        keys[j]: {f"R{r + 1}": d for r, d in enumerate(instance.demands[j])} for j in instance.jobs
    }
    add_resources(
        model,
        jobs,
        demands,
        {f"R{r + 1}": c for r, c in enumerate(instance.capacities)},
        horizon=horizon,
    )
    makespan = model.new_int_var(0, horizon, "makespan")
    model.add_max_equality(makespan, [job.end for job in jobs.values()])
    model.minimize(makespan)
    for j in instance.jobs:
        model.add_hint(jobs[keys[j]].start, hint[j])
    # Two phases. First the default search with neighbourhood search beside it: it finds the
    # optimum of nearly every instance within a second and proves most. What is left is a proof,
    # so the rest of the time every worker searches the whole problem, one without and one with
    # the full linear relaxation of the cumulatives (whose bounds close many hard instances),
    # starting from the best schedule and the bound of the first phase.
    first = min(1.0, time_limit / 5) if workers <= 2 else time_limit
    solver = _solver(first, workers)
    solver.parameters.linearization_level = 2
    status = solver.solve(model)
    best = _result(solver, status, instance, jobs, keys)
    left = time_limit - (time.perf_counter() - started)
    if status == cp_model.FEASIBLE and left > 0:
        model.clear_hints()
        for j in instance.jobs:
            model.add_hint(jobs[keys[j]].start, best[1][j])
        model.add(makespan >= int(solver.best_objective_bound))
        model.add(makespan <= int(solver.objective_value))
        solver = _solver(left, workers)
        solver.parameters.subsolvers.extend(["no_lp", "max_lp"][:workers])
        status = solver.solve(model)
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            best = _result(solver, status, instance, jobs, keys)
        else:  # time ran out before the second phase found its first schedule
            best = (best[0], best[1], max(best[2], int(solver.best_objective_bound)), "FEASIBLE")
    makespan_found, starts, bound, name = best
    return Solution(
        instance.name,
        makespan_found,
        bound,
        name,
        round(time.perf_counter() - started, 3),
        starts,
    )


def _solver(time_limit: float, workers: int) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(time_limit, 0.01)
    solver.parameters.num_workers = workers
    return solver


def _result(
    solver: cp_model.CpSolver,
    status: cp_model.CpSolverStatus,
    instance: Instance,
    jobs: dict[str, Job],
    keys: dict[int, str],
) -> tuple[int | None, dict[int, int], int, str]:
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        starts = {j: int(solver.value(jobs[keys[j]].start)) for j in instance.jobs}
        makespan = int(solver.objective_value)
        return makespan, starts, int(solver.best_objective_bound), solver.status_name(status)
    return None, {}, int(solver.best_objective_bound), solver.status_name(status)


def check(instance: Instance, starts: dict[int, int]) -> list[str]:
    """Independent check of a schedule: every precedence and every resource in every period."""
    problems = []
    for a, succ in instance.successors.items():
        for b in succ:
            if starts[b] < starts[a] + instance.durations[a]:
                problems.append(f"{b} beginnt vor dem Ende von {a}")
    end = max(starts[j] + instance.durations[j] for j in instance.jobs)
    for t in range(end):
        for r, cap in enumerate(instance.capacities):
            used = sum(
                instance.demands[j][r]
                for j in instance.jobs
                if starts[j] <= t < starts[j] + instance.durations[j]
            )
            if used > cap:
                problems.append(f"R{r + 1} in Periode {t}: {used} > {cap}")
    return problems


def _files(paths: list[str]) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(
                path.glob("*.sm"),
                key=lambda p: [int(x) if x.isdigit() else x for x in re.split(r"(\d+)", p.name)],
            )
        else:
            yield path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="PSPLIB-Instanzen mit der Planungs-Engine lösen")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--time-limit", type=float, default=10.0)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    count = optimal = feasible = 0
    total = 0.0
    for path in _files(args.paths):
        solution = solve(read(path), time_limit=args.time_limit, workers=args.workers)
        count += 1
        optimal += solution.status == "OPTIMAL"
        feasible += solution.status in ("OPTIMAL", "FEASIBLE")
        total += solution.seconds
        print(
            json.dumps(
                {
                    "instance": solution.instance,
                    "makespan": solution.makespan,
                    "lower_bound": solution.lower_bound,
                    "status": solution.status,
                    "seconds": solution.seconds,
                    "starts": {str(j): s for j, s in solution.starts.items()},
                }
            ),
            flush=True,
        )
    print(
        json.dumps(
            {
                "summary": True,
                "instances": count,
                "optimal": optimal,
                "feasible": feasible,
                "mean_seconds": round(total / count, 3) if count else 0,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
