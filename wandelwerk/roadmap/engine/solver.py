"""Planning measures into half-years with CP-SAT, and saying why each sits where it does.

Model: every task is an interval on the shared engine code (``core``): precedences, resources with
a capacity per period. On top: the budget of each fiscal year (a task's cost spread over the periods
it runs), a change capacity per org unit (tasks of a unit at once), release periods, deadlines
(hard: must hold; soft: a penalty per period late), fixed starts for work already done or under
way. Tasks without a hard deadline may be left out when the horizon is too short, at a large
penalty, so a plan always comes back; ``Result.unscheduled`` names them.

Objective (minimised): benefit × end period (value early) + deadline penalty × periods late +
focus × areas in change per period + a large penalty per task left out.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable

from ortools.sat.python import cp_model

from wandelwerk.roadmap.engine.core import Job, add_jobs, add_precedences, add_resources
from wandelwerk.roadmap.engine.explain import critical_chain, explain
from wandelwerk.roadmap.engine.model import Conflict, Problem, Result, Status

Progress = Callable[[float, float | None], None]


def _active(model: cp_model.CpModel, job: Job, period: int, name: str) -> cp_model.IntVar:
    """A boolean: the job runs in ``period`` (start <= period < end)."""
    active = model.new_bool_var(name)
    after_start = model.new_bool_var(f"{name}_a")
    before_end = model.new_bool_var(f"{name}_b")
    model.add(job.start <= period).only_enforce_if(after_start)
    model.add(job.start > period).only_enforce_if(after_start.Not())
    model.add(job.end > period).only_enforce_if(before_end)
    model.add(job.end <= period).only_enforce_if(before_end.Not())
    parts = [after_start, before_end] + ([job.present] if job.present is not None else [])
    model.add_bool_and(parts).only_enforce_if(active)
    model.add_bool_or([p.Not() for p in parts]).only_enforce_if(active.Not())
    return active


class _Build:
    def __init__(self, problem: Problem, *, relax_deadlines: bool = False) -> None:
        self.problem = problem
        self.model = cp_model.CpModel()
        tasks = {t.id: t for t in problem.tasks}
        self.tasks = tasks
        horizon = problem.horizon
        earliest = {
            t.id: (t.fixed_start if t.fixed_start is not None else t.release) for t in problem.tasks
        }
        optional = [t.id for t in problem.tasks if not t.deadline_hard and t.fixed_start is None]
        self.jobs = add_jobs(
            self.model,
            {t.id: t.duration for t in problem.tasks},
            horizon=horizon,
            earliest=earliest,
            optional=optional,
        )
        for t in problem.tasks:
            if t.fixed_start is not None:
                self.model.add(self.jobs[t.id].start == t.fixed_start)
        add_precedences(
            self.model,
            self.jobs,
            [(p, t.id) for t in problem.tasks for p in t.predecessors if p in tasks],
        )
        add_resources(
            self.model,
            self.jobs,
            {t.id: t.demands for t in problem.tasks},
            problem.capacities,
            horizon=horizon,
        )
        self.deadline_literals: dict[str, cp_model.IntVar] = {}
        for t in problem.tasks:
            if t.deadline is not None and t.deadline_hard:
                literal = self.model.new_bool_var(f"dl_{t.id}")
                self.model.add(self.jobs[t.id].end <= t.deadline).only_enforce_if(literal)
                self.deadline_literals[t.id] = literal
                if not relax_deadlines:
                    self.model.add_assumption(literal)
        needs_activity = (
            bool(problem.budgets) or bool(problem.change_capacity) or problem.weights.focus > 0
        )
        self.active: dict[tuple[str, int], cp_model.IntVar] = {}
        if needs_activity:
            for t in problem.tasks:
                job = self.jobs[t.id]
                for p in range(earliest[t.id], horizon):
                    self.active[(t.id, p)] = _active(self.model, job, p, f"a_{t.id}_{p}")
        self._budget()
        self._change_capacity()
        self._objective()

    def _budget(self) -> None:
        problem = self.problem
        if not problem.budgets:
            return
        spend: dict[int, list[cp_model.LinearExpr]] = defaultdict(list)
        for t in problem.tasks:
            if t.cost <= 0:
                continue
            share = t.cost // t.duration
            first_extra = t.cost - share * t.duration
            for p in range(problem.horizon):
                active = self.active.get((t.id, p))
                if active is None:
                    continue
                year = problem.fiscal_year[p]
                spend[year].append(share * active)
                if first_extra:
                    job = self.jobs[t.id]
                    starts_here = self.model.new_bool_var(f"sh_{t.id}_{p}")
                    self.model.add(job.start == p).only_enforce_if(starts_here)
                    # An absent task's start is free, so "not here" only binds a present task.
                    condition = [starts_here.Not()] + (
                        [job.present] if job.present is not None else []
                    )
                    self.model.add(job.start != p).only_enforce_if(condition)
                    if job.present is not None:
                        self.model.add_implication(starts_here, job.present)
                    spend[year].append(first_extra * starts_here)
        for year, terms in spend.items():
            if year < len(problem.budgets):
                self.model.add(sum(terms) <= problem.budgets[year])

    def _change_capacity(self) -> None:
        """A unit absorbs at most its change capacity of tasks at once: one cumulative per unit."""
        problem = self.problem
        by_unit: dict[str, list[str]] = defaultdict(list)
        for t in problem.tasks:
            for unit in t.units:
                by_unit[unit].append(t.id)
        for unit, ids in by_unit.items():
            cap = problem.change_capacity.get(unit)
            if cap is not None and len(ids) > cap:
                self.model.add_cumulative([self.jobs[i].interval for i in ids], [1] * len(ids), cap)

    def _objective(self) -> None:
        problem, w = self.problem, self.problem.weights
        terms: list[cp_model.LinearExprT] = []
        for t in problem.tasks:
            job = self.jobs[t.id]
            if job.present is None:
                terms.append(w.benefit * t.benefit * job.end)
            else:
                end_if = self.model.new_int_var(0, problem.horizon, f"ei_{t.id}")
                self.model.add(end_if == job.end).only_enforce_if(job.present)
                self.model.add(end_if == 0).only_enforce_if(job.present.Not())
                terms.append(w.benefit * t.benefit * end_if)
                terms.append(w.unscheduled * (1 - job.present))
            if t.deadline is not None and not t.deadline_hard:
                late = self.model.new_int_var(0, problem.horizon, f"late_{t.id}")
                self.model.add(late >= job.end - t.deadline)
                terms.append(w.deadlines * late)
        if w.focus > 0 and self.active:
            areas: dict[str, list[str]] = defaultdict(list)
            for t in problem.tasks:
                areas[t.area].append(t.id)
            for area, ids in areas.items():
                for p in range(problem.horizon):
                    terms_p = [self.active[(i, p)] for i in ids if (i, p) in self.active]
                    if not terms_p:
                        continue
                    busy = self.model.new_bool_var(f"busy_{area}_{p}")
                    self.model.add_max_equality(busy, terms_p)
                    terms.append(w.focus * busy)
        self.model.minimize(sum(terms))


class _Callback(cp_model.CpSolverSolutionCallback):
    def __init__(self, progress: Progress) -> None:
        super().__init__()
        self.progress = progress

    def on_solution_callback(self) -> None:
        self.progress(self.objective_value, self.best_objective_bound)


def solve(
    problem: Problem,
    *,
    time_limit: float = 10.0,
    workers: int = 2,
    progress: Progress | None = None,
    hint: dict[str, int] | None = None,
) -> Result:
    started = time.perf_counter()
    conflicts = _precheck(problem)
    if conflicts:
        return Result(Status.INFEASIBLE, conflicts=conflicts, seconds=time.perf_counter() - started)
    build = _Build(problem)
    for task_id, start in (hint or {}).items():
        if task_id in build.jobs:
            build.model.add_hint(build.jobs[task_id].start, start)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = workers
    status = solver.solve(build.model, _Callback(progress) if progress else None)
    if status == cp_model.INFEASIBLE:
        result = Result(Status.INFEASIBLE, seconds=time.perf_counter() - started)
        result.conflicts = _diagnose(problem, build, solver)
        return result
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return Result(Status.UNKNOWN, seconds=time.perf_counter() - started)
    starts, unscheduled = {}, []
    for t in problem.tasks:
        job = build.jobs[t.id]
        if job.present is not None and not solver.boolean_value(job.present):
            unscheduled.append(t.id)
        else:
            starts[t.id] = int(solver.value(job.start))
    result = Result(
        Status.OPTIMAL if status == cp_model.OPTIMAL else Status.FEASIBLE,
        starts=starts,
        unscheduled=unscheduled,
        objective=solver.objective_value,
        bound=solver.best_objective_bound,
        seconds=time.perf_counter() - started,
    )
    result.reasons = explain(problem, starts)
    result.critical = critical_chain(problem, starts, result.reasons)
    return result


def _precheck(problem: Problem) -> list[Conflict]:
    """Conflicts visible without solving: a demand above every period's capacity, a hard
    deadline before release + duration, a cycle of prerequisites."""
    conflicts = []
    for t in problem.tasks:
        for resource, need in t.demands.items():
            profile = problem.capacities.get(resource)
            if profile is not None and need > max(profile, default=0):
                conflicts.append(
                    Conflict(
                        "capacity",
                        (t.id,),
                        f"{t.id} braucht {need} {resource} je Halbjahr, die Kapazität ist höchstens {max(profile)}.",
                    )
                )
        if t.deadline_hard and t.deadline is not None and t.release + t.duration > t.deadline:
            conflicts.append(
                Conflict(
                    "deadline",
                    (t.id,),
                    f"Die Frist von „{t.id}“ (Halbjahr {t.deadline} des Plans) liegt vor frühestem Beginn plus Dauer ({t.release} + {t.duration}).",
                )
            )
    ids = {t.id for t in problem.tasks}
    graph = {t.id: [p for p in t.predecessors if p in ids] for t in problem.tasks}
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> list[str] | None:
        if state.get(node) == 1:
            return [*trail[trail.index(node) :], node]
        if state.get(node) == 2:
            return None
        state[node] = 1
        for nxt in graph[node]:
            cycle = visit(nxt, [*trail, node])
            if cycle:
                return cycle
        state[node] = 2
        return None

    for node in graph:
        cycle = visit(node, [])
        if cycle:
            conflicts.append(
                Conflict(
                    "prerequisite",
                    tuple(cycle),
                    "Zirkel in den Voraussetzungen: " + " → ".join(f"„{c}“" for c in cycle),
                )
            )
            break
    return conflicts


def _diagnose(problem: Problem, build: _Build, solver: cp_model.CpSolver) -> list[Conflict]:
    """Name the hard deadlines that cannot hold together (from the solver's assumptions core)."""
    core = solver.sufficient_assumptions_for_infeasibility()
    by_index = {lit.index: task_id for task_id, lit in build.deadline_literals.items()}
    names = [by_index[i] for i in core if i in by_index]
    if names:
        tasks = {t.id: t for t in problem.tasks}
        details = ", ".join(f"„{n}“ (bis Halbjahr {tasks[n].deadline} des Plans)" for n in names)
        return [
            Conflict(
                "deadline",
                tuple(names),
                f"Diese festen Fristen sind mit den Voraussetzungen und Kapazitäten nicht zugleich zu halten: {details}.",
            )
        ]
    return [
        Conflict(
            "capacity",
            (),
            "Die Kapazitäten, das Budget oder die festen Beginne lassen keinen Plan zu.",
        )
    ]
