"""Planning a scenario: the engine's result becomes a plan, a record of its moment.

``plan_scenario`` builds the problem as of today (``problem.py``), starts from the previous plan
or the council's baseline, solves, and stores the plan with the parameters it was computed with
and every measure as planned: its calendar half-years, staff days per half-year, euro per fiscal
year, why it sits there and why it moved. ``what_if`` does the same for changed parameters
without storing anything. Reading plans is ``queries.py``'s business.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from wandelwerk.measures.models import Status
from wandelwerk.roadmap import maturity
from wandelwerk.roadmap.engine import Reason, Result, solve
from wandelwerk.roadmap.engine import Status as EngineStatus
from wandelwerk.roadmap.engine.explain import explain_moves
from wandelwerk.roadmap.engine.model import Solution, Task, spread
from wandelwerk.roadmap.models import Placement, Plan, Scenario
from wandelwerk.roadmap.problem import Built, Parameters, build_problem, fiscal_years

STATUS_MAP = {
    EngineStatus.OPTIMAL: Plan.Status.OPTIMAL,
    EngineStatus.FEASIBLE: Plan.Status.FEASIBLE,
    EngineStatus.INFEASIBLE: Plan.Status.INFEASIBLE,
    EngineStatus.UNKNOWN: Plan.Status.UNKNOWN,
}


def latest_plan(scenario: Scenario) -> Plan | None:
    return Plan.objects.filter(scenario=scenario).order_by("-created_at", "-id").first()


def baseline_plan(*, exclude: Scenario | None = None) -> Plan | None:
    """The plan the council adopted: the latest plan of the scenario frozen as the baseline."""
    baseline = Scenario.objects.filter(is_baseline=True)
    if exclude is not None:
        baseline = baseline.exclude(pk=exclude.pk)
    scenario = baseline.first()
    return latest_plan(scenario) if scenario else None


def _starts_of(plan: Plan | None, built: Built) -> dict[str, int]:
    """A stored plan's starts as periods of ``built``'s problem, for the measures still free."""
    if plan is None:
        return {}
    first = built.parameters.first_period
    free = {t.id for t in built.problem.tasks if t.fixed_start is None}
    return {
        str(measure_id): start - first
        for measure_id, start in plan.placements.values_list("measure_id", "start")
        if measure_id is not None and start is not None and str(measure_id) in free
    }


@dataclass(frozen=True)
class Shown:
    """Where a measure shows in a plan: calendar half-years (``HalfYear.ordinal``)."""

    start: int | None
    end: int | None


def shown(built: Built, result: Result) -> dict[str, Shown]:
    first, now = built.parameters.first_period, built.now
    tasks = {t.id: t for t in built.problem.tasks}
    places: dict[str, Shown] = {}
    for key, entry in built.entries.items():
        if entry.task is None:
            if entry.finished is not None:  # done: where it happened
                began = entry.started if entry.started is not None else entry.finished
                places[key] = Shown(first + began, first + entry.finished)
            else:
                places[key] = Shown(None, None)
            continue
        start = result.starts.get(key)
        if start is None:
            places[key] = Shown(None, None)
            continue
        end = start + tasks[key].duration - 1
        began = entry.started if entry.started is not None else start
        if entry.task.fixed_start is not None and entry.started is None:
            began = now
        places[key] = Shown(first + min(began, start), first + end)
    return places


def _reason(reason: Reason | None, built: Built) -> dict[str, Any]:
    """An engine reason as stored data: calendar half-years, fiscal years, measure titles."""
    if reason is None:
        return {}
    first = built.parameters.first_period
    data: dict[str, Any] = {"kind": reason.kind}
    if reason.period is not None:
        data["period"] = (
            fiscal_years(built)[reason.period] if reason.kind == "budget" else first + reason.period
        )
    if reason.kind in ("predecessor", "predecessor_left_out"):
        data["ref"] = str(built.entries[reason.ref].measure)
        data["ref_id"] = built.entries[reason.ref].measure.pk
    elif reason.ref:
        data["ref"] = reason.ref
    if reason.kind == "release" and reason.period == built.now:
        data["kind"] = "today"
    for name in ("used", "available"):
        if getattr(reason, name) is not None:
            data[name] = getattr(reason, name)
    return data


def _why(key: str, built: Built, result: Result) -> dict[str, Any]:
    entry = built.entries[key]
    first = built.parameters.first_period
    m = entry.measure
    if entry.task is None:
        if m.status == Status.DONE:
            return {"kind": "done"}
        return {"kind": "over", "period": first + built.parameters.periods - 1}
    if entry.task.fixed_start is not None:
        began = entry.started if entry.started is not None else built.now
        return {"kind": "under_way", "period": first + began, "percent": m.percent_done}
    return _reason(result.reasons.get(key), built)


def _moves(
    built: Built, result: Result, places: Mapping[str, Shown], other: Plan | None
) -> dict[str, dict[str, Any]]:
    """Measures shown elsewhere than in ``other``, each with the reason it moved."""
    if other is None:
        return {}
    before = {
        str(m): s for m, s in other.placements.values_list("measure_id", "start") if m is not None
    }
    engine = explain_moves(built.problem, result.starts, _starts_of(other, built))
    moves: dict[str, dict[str, Any]] = {}
    for key, place in places.items():
        old = before.get(key)
        if old == place.start:
            continue
        status = built.entries[key].measure.status
        if key in engine:
            data = _reason(engine[key], built)
        elif key not in before:
            data = {"kind": "new"}
        elif status == Status.DONE:
            data = {"kind": "done"}
        elif status in (Status.IN_PROGRESS, Status.DELAYED):
            data = _why(key, built, result)
        else:
            data = {"kind": "objective"}
        moves[key] = {"from": old, **data}
    return moves


def _demands(task: Task, start: int, first: int) -> dict[str, dict[str, int]]:
    return {
        resource: {str(first + start + offset): need for offset in range(task.duration)}
        for resource, need in task.demands.items()
        if need
    }


def _costs(euro: int, task: Task, start: int, first: int) -> dict[str, int]:
    """``euro`` spread over the half-years the task runs (its fiscal year follows from the
    plan's parameters)."""
    return {
        str(first + start + offset): part
        for offset in range(task.duration)
        if (part := spread(euro, task.duration, offset))
    }


def _projection(built: Built, result: Result) -> dict[str, Any]:
    if built.bases is None or not built.bases.units:
        return {}
    tasks = {t.id: t for t in built.problem.tasks}
    ends = {
        key: result.starts[key] + tasks[key].duration - 1 for key in tasks if key in result.starts
    }
    for key, entry in built.entries.items():
        if entry.measure.status == Status.DONE:
            ends[key] = entry.finished if entry.finished is not None else -1
    return maturity.projection_record(built.measures, ends, built.parameters.periods, built.bases)


def conflict_data(conflict: Any, built: Built) -> dict[str, Any]:
    first = built.parameters.first_period
    data: dict[str, Any] = {
        "kind": conflict.kind,
        "measures": [str(built.entries[t].measure) for t in conflict.tasks if t in built.entries],
        "ref": conflict.ref,
        "need": conflict.need,
        "available": conflict.available,
    }
    if conflict.period is not None:
        data["period"] = (
            fiscal_years(built)[conflict.period]
            if conflict.kind == "budget"
            else first + conflict.period
        )
    return data


@transaction.atomic
def _store(
    scenario: Scenario,
    built: Built,
    result: Result,
    *,
    actor: Any,
    today: dt.date,
    reference: str,
    previous: Plan | None,
    baseline: Plan | None,
) -> Plan:
    first = built.parameters.first_period
    plan = Plan.objects.create(
        municipality=scenario.municipality,
        scenario=scenario,
        status=STATUS_MAP[result.status],
        objective=result.objective,
        bound=result.bound,
        gap=result.gap,
        seconds=round(result.seconds, 2),
        first_period=first,
        periods=built.parameters.periods,
        planned_on=today,
        parameters={**built.parameters.as_dict(), "now": first + built.now},
        reference=reference,
        previous=previous,
        baseline=baseline,
        diagnosis=[conflict_data(c, built) for c in result.conflicts],
        warnings=built.warnings,
        projection=_projection(built, result),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    places = shown(built, result)
    moved_previous = _moves(built, result, places, previous)
    moved_baseline = _moves(built, result, places, baseline)
    tasks = {t.id: t for t in built.problem.tasks}
    placements = []
    for key, entry in built.entries.items():
        m, task, place = entry.measure, tasks.get(key), places[key]
        start = result.starts.get(key)
        late = (
            task is not None
            and start is not None
            and task.deadline is not None
            and start + task.duration > task.deadline
        )
        placed = task is not None and start is not None
        placements.append(
            Placement(
                municipality=scenario.municipality,
                plan=plan,
                measure=m,
                title=m.title,
                area=m.area,
                org_unit=m.org_unit.code if m.org_unit else "",
                org_unit_name=m.org_unit.name if m.org_unit else "",
                status=m.status,
                start=place.start,
                end=place.end,
                duration=max(1, m.duration),
                demands=_demands(task, start, first) if placed else {},  # type: ignore[arg-type]
                costs=_costs(task.cost, task, start, first) if placed else {},  # type: ignore[union-attr,arg-type]
                funding=_costs(entry.funded, task, start, first) if placed else {},  # type: ignore[arg-type]
                programme=m.funding.name if m.funding else "",
                benefit=m.benefit,
                deadline=m.deadline,
                deadline_hard=m.deadline_is_hard,
                prerequisites=[p.pk for p in m.prerequisites.all() if str(p.pk) in built.entries]
                + [int(k) for k in built.waits.get(key, [])],
                reason=_why(key, built, result),
                move_previous=moved_previous.get(key),
                move_baseline=moved_baseline.get(key),
                critical=key in result.critical,
                late=late,
            )
        )
    Placement.objects.bulk_create(placements)
    return plan


def plan_scenario(
    scenario: Scenario,
    *,
    actor: Any = None,
    today: dt.date | None = None,
    reference: str = Plan.Reference.PREVIOUS,
    time_limit: float | None = None,
    on_solution: Callable[[Solution, Built], None] | None = None,
    gap_limit: float | None = None,
    should_stop: Callable[[], bool] | None = None,
    parameters: Parameters | None = None,
) -> Plan:
    """Plan ``scenario`` as of ``today`` and store the plan. The search starts from the previous
    plan (``reference="previous"``) or the council's baseline (``"baseline"``); moving a measure
    away from it costs, so only a real gain moves it. ``on_solution`` gets every better plan
    found on the way, with the problem it solves. ``parameters`` replace the scenario's own
    (e.g. with the provider's team days it may use)."""
    today = today or timezone.localdate()
    built = build_problem(scenario, today=today, parameters=parameters)
    previous = latest_plan(scenario)
    baseline = baseline_plan(exclude=scenario)
    start_from = baseline if reference == Plan.Reference.BASELINE else previous
    if start_from is None:
        reference = Plan.Reference.NONE
    result = solve(
        built.problem,
        time_limit=settings.WANDELWERK_PLAN_SECONDS if time_limit is None else time_limit,
        workers=2,
        reference=_starts_of(start_from, built) if start_from is not None else None,
        on_solution=(lambda solution: on_solution(solution, built)) if on_solution else None,
        gap_limit=settings.WANDELWERK_PLAN_GAP if gap_limit is None else gap_limit,
        should_stop=should_stop,
    )
    return _store(
        scenario,
        built,
        result,
        actor=actor,
        today=today,
        reference=reference,
        previous=previous,
        baseline=baseline,
    )


@dataclass(frozen=True)
class WhatIf:
    """A plan for changed parameters, not stored: what would move, what would be late or left
    out, and the cost per fiscal year."""

    parameters: Parameters
    result: Result
    built: Built
    places: dict[str, Shown]
    moves: dict[str, dict[str, Any]]


def what_if(
    scenario: Scenario,
    changes: Mapping[str, Any],
    *,
    today: dt.date | None = None,
    time_limit: float = 1.5,
) -> WhatIf:
    """The plan of ``scenario`` with ``changes`` to its parameters, from its latest plan."""
    today = today or timezone.localdate()
    built = build_problem(scenario, today=today, parameters=Parameters.of(scenario, **changes))
    current = latest_plan(scenario)
    result = solve(
        built.problem,
        time_limit=time_limit,
        workers=2,
        reference=_starts_of(current, built) if current is not None else None,
    )
    places = shown(built, result)
    return WhatIf(built.parameters, result, built, places, _moves(built, result, places, current))
