"""Planning measures into half-years with CP-SAT, and saying why each sits where it does.

Model (``_Build``): every task is an interval on the shared engine code (``core``: precedences,
one cumulative per resource) and a boolean per possible start period. Capacity per resource and
period, the budget of each fiscal year (a task's cost spread over the periods it runs), the change
capacity per org unit (tasks of a unit at once), deadlines (hard: must hold; soft: a penalty per
period late), release periods and fixed starts (work already done or under way) are sums over those
booleans. Tasks without a hard deadline may be left out when the horizon is too short, at a large
penalty, so a plan always comes back; ``Result.unscheduled`` names them, with a reason each.

Objective (minimised): benefit × end period (value early) + deadline penalty × periods late +
focus × areas in change per period + a large penalty per task left out.

Re-planning (``reference``: the previous plan's starts): the objective above is scaled by the
number of tasks plus one, and every task placed other than in the reference costs one more. So
a plan only changes where it gains (a strict gain outweighs moving every task), and planning an
unchanged problem again, once the first plan is proven optimal, gives the same plan. The
reference is also where the search starts; without one it starts from a greedy plan.

One way of calling the engine serves a background run, a quick what-if and a page that shows
plans while they improve: ``solve(problem, reference=…, time_limit=…, on_solution=…)``.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Callable, Mapping

from ortools.sat.python import cp_model

from wandelwerk.roadmap.engine.conflicts import precheck
from wandelwerk.roadmap.engine.core import add_jobs, add_precedences, add_resources
from wandelwerk.roadmap.engine.explain import critical_chain, explain, explain_moves
from wandelwerk.roadmap.engine.greedy import greedy_plan
from wandelwerk.roadmap.engine.model import Conflict, Problem, Result, Solution, Status, Task

OnSolution = Callable[[Solution], None]
LARGE = 300  # tasks; see solve()


class _Build:
    """The model. Every task is an interval on the shared engine code (precedences, one cumulative
    per resource) and, because the horizon is a handful of half-years, also a set of booleans
    "starts in period s", one per possible start. Budget, change capacity, focus, deadlines and the
    objective are sums over those booleans, with no helper variables; their linear relaxation is
    tight, which is what proves a plan near-optimal quickly."""

    def __init__(
        self,
        problem: Problem,
        *,
        relax_deadlines: bool = False,
        reference: Mapping[str, int] | None = None,
    ) -> None:
        self.problem = problem
        self.reference = reference
        self.model = cp_model.CpModel()
        model = self.model
        tasks = {t.id: t for t in problem.tasks}
        self.tasks = tasks
        horizon = problem.horizon
        earliest = _earliest(problem)
        optional = [t.id for t in problem.tasks if not t.deadline_hard and t.fixed_start is None]
        self.jobs = add_jobs(
            model,
            {t.id: t.duration for t in problem.tasks},
            horizon=horizon,
            earliest=earliest,
            optional=optional,
        )
        # x[t][s]: task t starts in period s.
        self.x: dict[str, dict[int, cp_model.IntVar]] = {}
        for t in problem.tasks:
            job = self.jobs[t.id]
            low = earliest[t.id]
            if t.fixed_start is not None:
                starts = [t.fixed_start]
            elif job.present is None:  # a hard deadline: keep one start so the deadline can fail
                starts = list(range(low, max(low, horizon - t.duration) + 1))
            else:  # no start left in the horizon: the task stays out
                starts = list(range(low, horizon - t.duration + 1))
            x = {s: model.new_bool_var(f"x_{t.id}_{s}") for s in starts}
            self.x[t.id] = x
            start_expr = sum(s * v for s, v in x.items())
            if job.present is None:
                model.add_exactly_one(x.values())
                model.add(job.start == start_expr)
            else:
                model.add(sum(x.values()) == job.present)
                model.add(job.start == start_expr).only_enforce_if(job.present)
        edges = [(p, t.id) for t in problem.tasks for p in t.predecessors if p in tasks]
        add_precedences(model, self.jobs, edges)
        self._precedences(edges)
        add_resources(
            model,
            self.jobs,
            {t.id: t.demands for t in problem.tasks},
            problem.capacities,
            horizon=horizon,
            disjunctive=False,
        )
        self._per_period()
        self.deadline_literals: dict[str, cp_model.IntVar] = {}
        for t in problem.tasks:
            if t.deadline is not None and t.deadline_hard:
                literal = model.new_bool_var(f"dl_{t.id}")
                late = [v for s, v in self.x[t.id].items() if s + t.duration > t.deadline]
                model.add(sum(late) == 0).only_enforce_if(literal)
                self.deadline_literals[t.id] = literal
                if not relax_deadlines:
                    model.add_assumption(literal)
        self._objective()

    def hint(self, starts: dict[str, int]) -> None:
        for task_id, x in self.x.items():
            for s, v in x.items():
                self.model.add_hint(v, int(starts.get(task_id) == s))
            job = self.jobs[task_id]
            if job.present is not None:
                self.model.add_hint(job.present, int(starts.get(task_id) in x))
            start = starts[task_id] if starts.get(task_id) in x else job.start.proto.domain[0]
            self.model.add_hint(job.start, start)
            self.model.add_hint(job.end, start + self.tasks[task_id].duration)
        for literal in self.deadline_literals.values():
            self.model.add_hint(literal, 1)
        in_change = {
            (t.area, p)
            for t in self.problem.tasks
            if t.id in starts
            for p in range(starts[t.id], starts[t.id] + t.duration)
        }
        for key, busy in self.busy.items():
            self.model.add_hint(busy, int(key in in_change))

    def active(self, task: Task, period: int) -> list[cp_model.IntVar]:
        """The start booleans under which ``task`` runs in ``period`` (at most one is true)."""
        return [v for s, v in self.x[task.id].items() if s <= period < s + task.duration]

    def _precedences(self, edges: list[tuple[str, str]]) -> None:
        """Time-indexed form of "b after a": b started by s only if a started by s - duration(a).
        Implied by the intervals, but far stronger in the linear relaxation."""
        for a, b in edges:
            before, after = self.x[a], self.x[b]
            duration = self.tasks[a].duration
            for s in after:
                started_b = [v for q, v in after.items() if q <= s]
                started_a = [v for q, v in before.items() if q <= s - duration]
                self.model.add(sum(started_b) <= sum(started_a))

    def _per_period(self) -> None:
        """Capacity per resource, budget per fiscal year and change capacity per unit, each as a
        sum over the start booleans of the tasks running in a period."""
        problem, model = self.problem, self.model
        resource_use: dict[tuple[str, int], list[cp_model.LinearExprT]] = defaultdict(list)
        unit_use: dict[tuple[str, int], list[cp_model.IntVar]] = defaultdict(list)
        spend: dict[int, list[cp_model.LinearExprT]] = defaultdict(list)
        for t in problem.tasks:
            for s, v in self.x[t.id].items():
                for offset in range(t.duration):
                    p = s + offset
                    if p >= problem.horizon:
                        break
                    for r, need in t.demands.items():
                        if need > 0 and r in problem.capacities:
                            resource_use[(r, p)].append(need * v)
                    for unit in t.units:
                        if unit in problem.change_capacity:
                            unit_use[(unit, p)].append(v)
                    cost = t.cost_in(offset)
                    if cost > 0 and problem.budgets and p < len(problem.fiscal_year):
                        spend[problem.fiscal_year[p]].append(cost * v)
        for (r, p), terms in resource_use.items():
            profile = problem.capacities[r]
            if p < len(profile):
                model.add(sum(terms) <= profile[p])
        for (unit, _p), units in unit_use.items():
            if len(units) > problem.change_capacity[unit]:
                model.add(sum(units) <= problem.change_capacity[unit])
        for year, terms in spend.items():
            if year < len(problem.budgets):
                model.add(sum(terms) <= problem.budgets[year])

    def _objective(self) -> None:
        problem, w = self.problem, self.problem.weights
        terms: list[cp_model.LinearExprT] = []
        for t in problem.tasks:
            job = self.jobs[t.id]
            for s, v in self.x[t.id].items():
                end = s + t.duration
                cost = w.benefit * t.benefit * end
                if t.deadline is not None and not t.deadline_hard:
                    cost += w.deadlines * max(0, end - t.deadline)
                if cost:
                    terms.append(cost * v)
            if job.present is not None:
                terms.append(w.unscheduled * (1 - job.present))
        self.busy: dict[tuple[str, int], cp_model.IntVar] = {}
        if w.focus > 0:
            by_area: dict[str, list[Task]] = defaultdict(list)
            for t in problem.tasks:
                by_area[t.area].append(t)
            for area, area_tasks in by_area.items():
                for p in range(problem.horizon):
                    running = [lits for t in area_tasks if (lits := self.active(t, p))]
                    if not running:
                        continue
                    busy = self.model.new_bool_var(f"busy_{area}_{p}")
                    self.busy[(area, p)] = busy
                    for lits in running:
                        self.model.add(sum(lits) <= busy)
                    terms.append(w.focus * busy)
        objective = cp_model.LinearExpr.sum(terms)
        if self.reference is not None:
            # Scaled so that any strict gain outweighs moving every task; then one per move.
            scale = len(problem.tasks) + 1
            stays = [
                self.x[t.id][self.reference[t.id]]
                for t in problem.tasks
                if self.reference.get(t.id) in self.x[t.id]
            ]
            objective = scale * objective + len(stays) - cp_model.LinearExpr.sum(stays)
        self.model.minimize(objective)


def _earliest(problem: Problem) -> dict[str, int]:
    """Earliest start of each task: its release (or fixed start) and the end of its
    prerequisites at their earliest (a task's prerequisites must be planned before it)."""
    tasks = {t.id: t for t in problem.tasks}
    earliest: dict[str, int] = {}

    def visit(task: Task, trail: frozenset[str]) -> int:
        if task.id in earliest:
            return earliest[task.id]
        if task.fixed_start is not None:
            earliest[task.id] = task.fixed_start
            return task.fixed_start
        value = task.release
        for p in task.predecessors:
            if p in tasks and p not in trail:
                value = max(value, visit(tasks[p], trail | {task.id}) + tasks[p].duration)
        earliest[task.id] = value
        return value

    for t in problem.tasks:
        visit(t, frozenset())
    return earliest


class _Watcher:
    """Stops the search when ``should_stop`` says so (asked every ``every`` seconds from its own
    thread, so a stop also works while no better plan comes)."""

    def __init__(
        self, solver: cp_model.CpSolver, should_stop: Callable[[], bool], every: float = 0.5
    ) -> None:
        self.done = threading.Event()

        def watch() -> None:
            while not self.done.wait(every):
                if should_stop():
                    solver.stop_search()
                    return

        threading.Thread(target=watch, name="plan-stop", daemon=True).start()


class _Callback(cp_model.CpSolverSolutionCallback):
    """Hands every better plan to the caller while the search goes on."""

    def __init__(self, build: _Build, on_solution: OnSolution) -> None:
        super().__init__()
        self.build = build
        self.on_solution = on_solution

    def on_solution_callback(self) -> None:
        starts = {
            task_id: int(self.value(job.start))
            for task_id, job in self.build.jobs.items()
            if job.present is None or self.boolean_value(job.present)
        }
        self.on_solution(Solution(starts, self.objective_value, self.best_objective_bound))


def solve(
    problem: Problem,
    *,
    time_limit: float = 10.0,
    workers: int = 2,
    reference: Mapping[str, int] | None = None,
    on_solution: OnSolution | None = None,
    gap_limit: float = 0.0,
    should_stop: Callable[[], bool] | None = None,
) -> Result:
    """The best plan found within ``time_limit`` seconds, or as soon as it is proven within
    ``gap_limit`` (relative, e.g. 0.01) of the optimum, or when ``should_stop`` (asked twice a
    second) says so: the best plan so far is kept. With ``reference``, moves away from it cost
    (see the module); ``on_solution`` gets every better plan as it is found."""
    started = time.perf_counter()
    conflicts = precheck(problem)
    if conflicts:
        return Result(Status.INFEASIBLE, conflicts=conflicts, seconds=time.perf_counter() - started)
    build = _Build(problem, reference=reference)
    build.hint(dict(reference) if reference is not None else greedy_plan(problem))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = workers
    if len(problem.tasks) > LARGE:
        # On a large model CP-SAT's presolve takes seconds and gains little: the model is already
        # tight, and the greedy hint is a complete plan to improve from the first moment.
        solver.parameters.cp_model_presolve = False
    if gap_limit > 0:
        solver.parameters.relative_gap_limit = gap_limit
    watcher = _Watcher(solver, should_stop) if should_stop is not None else None
    try:
        status = solver.solve(build.model, _Callback(build, on_solution) if on_solution else None)
    finally:
        if watcher is not None:
            watcher.done.set()
    if status == cp_model.INFEASIBLE:
        result = Result(Status.INFEASIBLE, seconds=time.perf_counter() - started)
        result.conflicts = _diagnose(build, solver)
        return result
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return Result(Status.UNKNOWN, seconds=time.perf_counter() - started)
    starts, unscheduled = _read(build, solver)
    objective = solver.objective_value
    # CP-SAT calls a plan optimal once it is within the gap limit: proven means the bound reached.
    proven = status == cp_model.OPTIMAL and abs(objective - solver.best_objective_bound) < 1e-6
    if not proven and reference and any(starts.get(k) != v for k, v in reference.items()):
        # Stopped before proving: moving away from the reference must be a real gain. Where the
        # reference (completed for new tasks) is at least as good, it is kept.
        kept = _kept_reference(build, reference, workers)
        if kept is not None and kept[2] <= objective + 1e-6:
            starts, unscheduled, objective = kept
    result = Result(
        Status.OPTIMAL if proven else Status.FEASIBLE,
        starts=starts,
        unscheduled=unscheduled,
        objective=objective,
        bound=solver.best_objective_bound,
        seconds=time.perf_counter() - started,
    )
    result.reasons = explain(problem, starts)
    result.critical = critical_chain(problem, starts, result.reasons)
    if reference is not None:
        result.moves = explain_moves(problem, starts, reference)
    return result


def _read(build: _Build, solver: cp_model.CpSolver) -> tuple[dict[str, int], list[str]]:
    starts, unscheduled = {}, []
    for t in build.problem.tasks:
        job = build.jobs[t.id]
        if job.present is not None and not solver.boolean_value(job.present):
            unscheduled.append(t.id)
        else:
            starts[t.id] = int(solver.value(job.start))
    return starts, unscheduled


def _kept_reference(
    build: _Build, reference: Mapping[str, int], workers: int
) -> tuple[dict[str, int], list[str], float] | None:
    """The best plan that keeps every task of ``reference`` where it is (new tasks placed
    freely), with its objective; None when the reference no longer fits."""
    model = build.model.clone()
    for task_id, start in reference.items():
        job = build.jobs.get(task_id)
        if job is None:
            continue
        model.add(model.get_int_var_from_proto_index(job.start.index) == start)
        if job.present is not None:
            model.add(model.get_bool_var_from_proto_index(job.present.index) == 1)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = 5.0
    solver.parameters.num_workers = workers
    if solver.solve(model) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    starts, unscheduled = _read(build, solver)
    return starts, unscheduled, solver.objective_value


def _diagnose(build: _Build, solver: cp_model.CpSolver) -> list[Conflict]:
    """Name the hard deadlines that cannot hold together (from the solver's assumptions core)."""
    core = solver.sufficient_assumptions_for_infeasibility()
    by_index = {lit.index: task_id for task_id, lit in build.deadline_literals.items()}
    names = tuple(by_index[i] for i in core if i in by_index)
    if names:
        return [Conflict("deadline", names)]
    return [Conflict("unknown", ())]
