"""From a scenario and the municipality's measures to the engine's problem, and back to a plan."""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from wandelwerk.jobs.models import Job
from wandelwerk.jobs.registry import runner
from wandelwerk.measures.models import Measure, Status
from wandelwerk.roadmap.engine import Problem, Task, Weights, solve
from wandelwerk.roadmap.engine import Status as EngineStatus
from wandelwerk.roadmap.engine.model import spread
from wandelwerk.roadmap.models import Placement, Plan, Scenario
from wandelwerk.roadmap.periods import HalfYear, period_of, periods

INTERNAL = "Eigene Personentage"
PROVIDER = "Beratertage"
PLANNED_STATUSES = [
    Status.ACCEPTED,
    Status.PLANNED,
    Status.IN_PROGRESS,
    Status.DELAYED,
    Status.DONE,
]


@dataclass
class Built:
    problem: Problem
    measures: dict[str, Measure]


def _demands(m: Measure) -> dict[str, int]:
    """Staff days per half-year the measure runs: its effort spread over its duration."""
    duration = max(1, m.duration)
    return {
        INTERNAL: math.ceil(m.internal_days / duration),
        PROVIDER: math.ceil(m.provider_days / duration),
    }


def build_problem(scenario: Scenario, *, today: dt.date | None = None) -> Built:
    """Measures not yet begun start no earlier than the current half-year: a re-plan starts from
    today, while work done or under way keeps its actual start."""
    first = scenario.first_period
    horizon = scenario.periods
    now = max(0, period_of(today or timezone.localdate(), first))
    measures = {
        str(m.pk): m
        for m in Measure.objects.filter(status__in=PLANNED_STATUSES)
        .select_related("org_unit")
        .prefetch_related("prerequisites")
    }
    tasks = []
    for key, m in measures.items():
        duration = max(1, m.duration)
        fixed = None
        if (
            m.status in (Status.IN_PROGRESS, Status.DONE, Status.DELAYED)
            and m.started_on is not None
        ):
            fixed = max(0, min(horizon - duration, period_of(m.started_on, first)))
        deadline = None
        if m.deadline is not None:
            deadline = max(0, period_of(m.deadline, first) + 1)
        tasks.append(
            Task(
                id=key,
                duration=duration,
                demands=_demands(m),
                cost=m.budget_eur,
                units=(m.org_unit.code,) if m.org_unit else (),
                area=m.area,
                benefit=m.benefit,
                release=max(now, period_of(m.earliest_start, first) if m.earliest_start else 0),
                deadline=deadline,
                deadline_hard=m.deadline_is_hard and deadline is not None,
                fixed_start=fixed,
                predecessors=tuple(
                    str(p.pk) for p in m.prerequisites.all() if str(p.pk) in measures
                ),
            )
        )
    half_years = periods(first, horizon)
    fiscal_years = sorted(
        {h.fiscal_year(scenario.municipality.fiscal_year_start_month) for h in half_years}
    )
    index = {year: i for i, year in enumerate(fiscal_years)}
    units = {code for t in tasks for code in t.units}
    problem = Problem(
        horizon=horizon,
        tasks=tasks,
        capacities={
            INTERNAL: [scenario.internal_days_per_period] * horizon,
            PROVIDER: [scenario.provider_days_per_period] * horizon,
        },
        budgets=[scenario.budget_per_year] * len(fiscal_years),
        fiscal_year=[
            index[h.fiscal_year(scenario.municipality.fiscal_year_start_month)] for h in half_years
        ],
        change_capacity={u: scenario.change_capacity for u in units},
        weights=Weights(
            benefit=scenario.weight_benefit,
            deadlines=scenario.weight_deadlines * 10,
            focus=scenario.weight_focus,
        ),
    )
    return Built(problem, measures)


STATUS_MAP = {
    EngineStatus.OPTIMAL: Plan.Status.OPTIMAL,
    EngineStatus.FEASIBLE: Plan.Status.FEASIBLE,
    EngineStatus.INFEASIBLE: Plan.Status.INFEASIBLE,
    EngineStatus.UNKNOWN: Plan.Status.UNKNOWN,
}


def plan_scenario(
    scenario: Scenario, *, actor: Any = None, time_limit: float = 20.0, progress: Any = None
) -> Plan:
    built = build_problem(scenario)
    previous = scenario.plans.first()
    hint = (
        {str(p.measure_id): p.start for p in previous.placements.all() if p.start is not None}
        if previous
        else None
    )
    result = solve(built.problem, time_limit=time_limit, workers=2, progress=progress, hint=hint)
    with transaction.atomic():
        plan = Plan.objects.create(
            municipality=scenario.municipality,
            scenario=scenario,
            status=STATUS_MAP[result.status],
            objective=result.objective,
            bound=result.bound,
            gap=result.gap,
            seconds=round(result.seconds, 2),
            diagnosis=[
                {
                    "kind": c.kind,
                    "tasks": [
                        str(built.measures[t]) if t in built.measures else t for t in c.tasks
                    ],
                    "message": _readable(c.message, built),
                }
                for c in result.conflicts
            ],
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        tasks = {t.id: t for t in built.problem.tasks}
        placements = []
        for key, measure in built.measures.items():
            start = result.starts.get(key)
            task = tasks[key]
            reason = result.reasons.get(key)
            placements.append(
                Placement(
                    municipality=scenario.municipality,
                    plan=plan,
                    measure=measure,
                    start=start,
                    end=None if start is None else start + task.duration - 1,
                    reason=_readable(reason.message, built)[:300]
                    if reason
                    else ("passt nicht in den Planungszeitraum" if start is None else ""),
                    critical=key in result.critical,
                    late=start is not None
                    and task.deadline is not None
                    and start + task.duration > task.deadline,
                )
            )
        Placement.objects.bulk_create(placements)
    return plan


def _readable(message: str, built: Built) -> str:
    """Replace measure ids in engine messages by the measures' names."""
    for key, measure in built.measures.items():
        message = message.replace(f"„{key}“", f"„{measure}“")
    return message


@runner("roadmap.plan")
def run_planning(job: Job, progress: Any) -> dict[str, Any]:
    scenario = Scenario.objects.get(pk=job.params["scenario"])
    progress(5, "Planung wird vorbereitet")
    found = {"n": 0}

    def on_solution(objective: float, bound: float | None) -> None:
        found["n"] += 1
        progress(
            min(95, 10 + 8 * found["n"]),
            f"{found['n']}. Lösung gefunden (Zielwert {objective:,.0f})".replace(",", "."),
        )

    plan = plan_scenario(scenario, actor=job.created_by, progress=on_solution)
    job.result_url = scenario.get_absolute_url()
    return {"plan": plan.pk, "status": plan.status}


def bundles(plan: Plan, scenario: Scenario) -> list[dict[str, Any]]:
    """Half-year columns with the Digitalbündel: measures that start in that half-year, by area."""
    columns: list[dict[str, Any]] = [
        {"period": h, "areas": defaultdict(list)}
        for h in periods(scenario.first_period, scenario.periods)
    ]
    for placement in plan.placements.select_related("measure", "measure__org_unit"):
        if placement.start is not None and 0 <= placement.start < len(columns):
            columns[placement.start]["areas"][placement.measure.area].append(placement)
    for column in columns:
        column["areas"] = sorted(column["areas"].items())
    return columns


@dataclass(frozen=True)
class PeriodUse:
    period: HalfYear
    internal: int
    provider: int
    budget: int

    def share(self, used: int, capacity: int) -> float | None:
        return None if capacity <= 0 else round(100 * used / capacity, 1)


@dataclass(frozen=True)
class YearUse:
    year: int
    used: int
    budget: int

    @property
    def share(self) -> float | None:
        return None if self.budget <= 0 else round(100 * self.used / self.budget, 1)


@dataclass(frozen=True)
class CapacityUse:
    """What a plan uses of the scenario's capacity, counted as the planner counts it: days of a
    measure split evenly over its half-years (rounded up), euro spread evenly with the remainder
    in the first half-year, summed per fiscal year against the budget."""

    periods: list[PeriodUse]
    years: list[YearUse]
    internal_capacity: int
    provider_capacity: int

    def internal_share(self, use: PeriodUse) -> float | None:
        return use.share(use.internal, self.internal_capacity)

    def provider_share(self, use: PeriodUse) -> float | None:
        return use.share(use.provider, self.provider_capacity)


def capacity_use(plan: Plan, scenario: Scenario) -> CapacityUse:
    half_years = periods(scenario.first_period, scenario.periods)
    internal = [0] * scenario.periods
    provider = [0] * scenario.periods
    budget = [0] * scenario.periods
    for placement in plan.placements.select_related("measure"):
        if placement.start is None:
            continue
        m = placement.measure
        duration = max(1, m.duration)
        demands = _demands(m)
        for offset in range(duration):
            p = placement.start + offset
            if not 0 <= p < scenario.periods:
                continue
            internal[p] += demands[INTERNAL]
            provider[p] += demands[PROVIDER]
            budget[p] += spread(m.budget_eur, duration, offset)
    start_month = scenario.municipality.fiscal_year_start_month
    per_year: dict[int, int] = defaultdict(int)
    for h, euro in zip(half_years, budget, strict=True):
        per_year[h.fiscal_year(start_month)] += euro
    return CapacityUse(
        periods=[
            PeriodUse(h, internal[i], provider[i], budget[i]) for i, h in enumerate(half_years)
        ],
        years=[YearUse(y, used, scenario.budget_per_year) for y, used in sorted(per_year.items())],
        internal_capacity=scenario.internal_days_per_period,
        provider_capacity=scenario.provider_days_per_period,
    )


@dataclass
class Figures:
    """The numbers compared between scenarios, per half-year and per fiscal year."""

    scenario: Scenario
    plan: Plan | None
    finished: list[int]  # measures finished per half-year
    benefit: list[int]  # benefit delivered up to the end of each half-year
    cost_per_year: dict[int, int]
    late: list[str]
    unplaced: list[str]


def figures(scenario: Scenario) -> Figures:
    plan = scenario.plans.first()
    n = scenario.periods
    finished, gained = [0] * n, [0] * n
    cost: dict[int, int] = defaultdict(int)
    late, unplaced = [], []
    if plan is not None:
        cost.update({y.year: y.used for y in capacity_use(plan, scenario).years})
        for placement in plan.placements.select_related("measure"):
            m = placement.measure
            if placement.start is None:
                unplaced.append(str(m))
                continue
            end = placement.end if placement.end is not None else placement.start
            if end < n:
                finished[end] += 1
                gained[end] += m.benefit
            if placement.late:
                late.append(str(m))
    running = 0
    benefit = []
    for value in gained:
        running += value
        benefit.append(running)
    return Figures(scenario, plan, finished, benefit, dict(sorted(cost.items())), late, unplaced)


@dataclass(frozen=True)
class Move:
    measure: Measure
    before: str  # half-year label or "nicht eingeplant"
    after: str


def differences(plan: Plan, other: Plan | None) -> list[Move]:
    """Measures whose start differs between two plans (by calendar half-year)."""
    if other is None:
        return []

    def labels(p: Plan) -> dict[int, tuple[Measure, str]]:
        first = p.scenario.first_period
        return {
            pl.measure_id: (
                pl.measure,
                first.shift(pl.start).label if pl.start is not None else "nicht eingeplant",
            )
            for pl in p.placements.select_related("measure", "plan__scenario")
        }

    mine, theirs = labels(plan), labels(other)
    moves = [
        Move(measure, theirs[pk][1] if pk in theirs else "nicht im Plan", label)
        for pk, (measure, label) in mine.items()
        if theirs.get(pk, (None, None))[1] != label
    ]
    return sorted(moves, key=lambda m: m.measure.title)
