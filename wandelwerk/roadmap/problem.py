"""From a scenario and the municipality's measures, as they stand today, to the engine's problem.

Re-planning starts from today: measures not yet begun start no earlier than the current
half-year (or their own earliest start); done measures stay where they happened and are no
longer planned; measures under way keep their actual start, and only their remaining work
(``percent_done``) is planned, fixed from the current half-year on for as long as is left of
their duration (at least one half-year: they may run longer). A delayed measure's remaining work
starts no earlier than its new earliest start. A measure started while a prerequisite is still
open is a warning, never a reason for the plan to fail.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from django.db.models import Prefetch

from wandelwerk.measures.models import Measure, Skill, Status
from wandelwerk.roadmap import maturity
from wandelwerk.roadmap.engine import Problem, Task, Weights
from wandelwerk.roadmap.models import Scenario
from wandelwerk.roadmap.periods import HalfYear, period_of

INTERNAL, PROVIDER = "internal", "provider"
# The provider's team by skill: every task needs its share of each; they bind only where a plan
# is made within what the team has free (``Parameters.team``).
SKILLS = tuple(Skill.values)
PLANNED_STATUSES = [
    Status.ACCEPTED,
    Status.PLANNED,
    Status.IN_PROGRESS,
    Status.DELAYED,
    Status.DONE,
]
STARTED = (Status.IN_PROGRESS, Status.DELAYED)


@dataclass(frozen=True)
class Parameters:
    """What a plan is computed with: the scenario's settings at that moment (or a what-if)."""

    first_period: int  # HalfYear.ordinal of the first half-year
    periods: int
    internal_days_per_period: int
    provider_days_per_period: int
    budget_per_year: int
    change_capacity: int
    weight_benefit: int
    weight_deadlines: int
    weight_focus: int
    fiscal_year_start_month: int = 1
    # Days of the provider's team per skill and period this plan may use (None: not limited).
    team: dict[str, list[int]] | None = None

    @classmethod
    def of(cls, scenario: Scenario, **changes: Any) -> Parameters:
        values = {
            "first_period": scenario.first_period.ordinal,
            "periods": scenario.periods,
            "fiscal_year_start_month": scenario.municipality.fiscal_year_start_month,
            **{name: getattr(scenario, name) for name in Scenario.TUNABLE},
        }
        return replace(cls(**values), **changes)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def first(self) -> HalfYear:
        return HalfYear.from_ordinal(self.first_period)

    @property
    def half_years(self) -> list[HalfYear]:
        return [self.first.shift(i) for i in range(self.periods)]

    def fiscal_year(self, half_year: HalfYear) -> int:
        return half_year.fiscal_year(self.fiscal_year_start_month)


@dataclass
class Entry:
    """One measure as it enters the plan: its task for the engine (None when it is only shown:
    done, or its plan period is over) and where it really started."""

    measure: Measure
    task: Task | None
    started: int | None = None  # period of its actual start (may lie before the plan)
    finished: int | None = None  # done measures: the period they ended
    funded: int = 0  # euro a funding programme bears (the task's cost is the own funds)


@dataclass
class Built:
    problem: Problem
    parameters: Parameters
    now: int  # the current half-year, as a period of the plan (0 when the plan starts later)
    entries: dict[str, Entry]
    warnings: list[dict[str, Any]] = field(default_factory=list)
    bases: maturity.Bases | None = None  # each unit's measured start
    waits: dict[str, list[str]] = field(default_factory=dict)  # key → waits for (min_level)

    @property
    def measures(self) -> dict[str, Measure]:
        return {key: entry.measure for key, entry in self.entries.items()}


def _spread_days(days: float, duration: int) -> int:
    return math.ceil(days / max(1, duration))


def _task_of(m: Measure, key: str, first: HalfYear, now: int, horizon: int) -> Entry:
    """The measure's task: all its work when not begun, its remaining work when started."""
    duration = max(1, m.duration)
    left = 1 - min(100, m.percent_done) / 100 if m.status in STARTED else 1.0
    release = now
    if m.earliest_start is not None:
        release = max(now, period_of(m.earliest_start, first))
    started = period_of(m.started_on, first) if m.started_on and m.status in STARTED else None
    fixed = None
    if m.status == Status.IN_PROGRESS:
        began = started if started is not None else now
        duration = max(1, min(began + duration - now, horizon - now))
        fixed = now
    elif started is not None:  # delayed after it began: what is left, from its new start
        duration = max(1, math.ceil(duration * left))
    deadline = None
    if m.deadline is not None:
        deadline = max(0, period_of(m.deadline, first) + 1)
    hard = m.deadline_is_hard and deadline is not None
    cost, funded = round(m.budget_eur * left), 0
    if (
        m.funding_id is not None and m.funding is not None
    ):  # spent within the programme's period, part of it funded
        programme = m.funding
        spend_by = period_of(programme.spend_by, first)
        if programme.spend_by < HalfYear.of(programme.spend_by).end:
            spend_by -= 1  # the half-year must be over by then
        deadline = max(0, spend_by + 1) if deadline is None else min(deadline, spend_by + 1)
        hard = True
        if programme.spend_from is not None:
            release = max(release, period_of(programme.spend_from, first))
        funded = round(programme.funding_of(m.budget_eur) * left)
        cost -= funded
    task = Task(
        id=key,
        duration=duration,
        demands={
            INTERNAL: _spread_days(m.internal_days * left, duration),
            PROVIDER: _spread_days(m.provider_days * left, duration),
            **{
                skill: _spread_days(days * left, duration)
                for skill, days in m.provider_split().items()
                if days
            },
        },
        cost=cost,
        units=(m.org_unit.code,) if m.org_unit else (),
        area=m.area,
        benefit=m.benefit,
        release=release,
        deadline=deadline,
        deadline_hard=hard and fixed is None,
        fixed_start=fixed,
    )
    if m.status == Status.IN_PROGRESS and now >= horizon:
        return Entry(m, None, started)  # the plan's period is over
    return Entry(m, task, started, funded=funded)


def build_problem(
    scenario: Scenario,
    *,
    today: dt.date,
    parameters: Parameters | None = None,
    measures: list[Measure] | None = None,
) -> Built:
    """The problem of ``scenario`` as of ``today``. ``parameters`` replace the scenario's own
    (a what-if); ``measures`` saves reading them again."""
    params = parameters or Parameters.of(scenario)
    first, horizon = params.first, params.periods
    now = max(0, period_of(today, first))
    if measures is None:
        measures = list(
            Measure.objects.filter(status__in=PLANNED_STATUSES)
            .select_related("org_unit", "template", "funding")
            .prefetch_related(
                Prefetch("prerequisites", queryset=Measure.objects.select_related("org_unit"))
            )
            .order_by("pk")
        )
    entries: dict[str, Entry] = {}
    for m in measures:
        key = str(m.pk)
        if m.status == Status.DONE:
            began = m.started_on or m.finished_on or today
            ended = m.finished_on or today
            entries[key] = Entry(m, None, period_of(began, first), period_of(ended, first))
        else:
            entries[key] = _task_of(m, key, first, now, horizon)
    bases = maturity.bases()
    movable = {k for k, e in entries.items() if e.task is not None and e.task.fixed_start is None}
    wanted = maturity.maturity_waits({k: e.measure for k, e in entries.items()}, movable, bases)
    warnings: list[dict[str, Any]] = []
    tasks = []
    for entry in entries.values():
        if entry.task is None:
            continue
        m = entry.measure
        open_ones = [
            p
            for p in m.prerequisites.all()
            if str(p.pk) in entries and entries[str(p.pk)].measure.status != Status.DONE
        ]
        programme = m.funding if m.funding_id is not None else None
        if programme and programme.apply_by and programme.apply_by < today and not entry.started:
            warnings.append(
                {
                    "kind": "funding_deadline",
                    "measure": str(m),
                    "measure_id": m.pk,
                    "programme": programme.name,
                    "apply_by": programme.apply_by.isoformat(),
                }
            )
        if entry.started is not None and open_ones:
            warnings.append(
                {
                    "kind": "started_early",
                    "measure": str(m),
                    "measure_id": m.pk,
                    "open": [str(p) for p in open_ones],
                }
            )
        predecessors: tuple[str, ...] = ()
        if entry.task.fixed_start is None:
            predecessors = tuple(
                str(p.pk) for p in open_ones if entries[str(p.pk)].task is not None
            )
        tasks.append(replace(entry.task, predecessors=predecessors))
    tasks, waits = _with_waits(tasks, wanted)
    half_years = params.half_years
    fiscal_years = sorted({params.fiscal_year(h) for h in half_years})
    index = {year: i for i, year in enumerate(fiscal_years)}
    units = {code for t in tasks for code in t.units}
    problem = Problem(
        horizon=horizon,
        tasks=tasks,
        capacities={
            INTERNAL: [params.internal_days_per_period] * horizon,
            PROVIDER: [params.provider_days_per_period] * horizon,
            **_team_days(params, tasks),
        },
        budgets=[params.budget_per_year] * len(fiscal_years),
        fiscal_year=[index[params.fiscal_year(h)] for h in half_years],
        change_capacity={u: params.change_capacity for u in units},
        weights=Weights(
            benefit=params.weight_benefit,
            deadlines=params.weight_deadlines * 10,
            focus=params.weight_focus,
        ),
    )
    return Built(problem, params, now, entries, warnings, bases, waits)


def _team_days(params: Parameters, tasks: list[Task]) -> dict[str, list[int]]:
    """The team's days per skill the plan may use; work under way keeps what it needs, even
    beyond its share (it cannot be moved)."""
    days = {skill: list(values[: params.periods]) for skill, values in (params.team or {}).items()}
    fixed = {skill: [0] * params.periods for skill in days}
    for task in tasks:
        if task.fixed_start is None:
            continue
        for period in range(
            task.fixed_start, min(params.periods, task.fixed_start + task.duration)
        ):
            for skill in days:
                fixed[skill][period] += task.demands.get(skill, 0)
    return {
        skill: [max(v, f) for v, f in zip(values, fixed[skill], strict=False)]
        for skill, values in days.items()
    }


def _with_waits(
    tasks: list[Task], wanted: dict[str, list[str]]
) -> tuple[list[Task], dict[str, list[str]]]:
    """Add the maturity waits as predecessors, except one that would close a circle (the
    measure it would wait for already waits for it)."""
    preds = {t.id: set(t.predecessors) for t in tasks}

    def reaches(start: str, goal: str) -> bool:
        seen, todo = set(), [start]
        while todo:
            current = todo.pop()
            if current == goal:
                return True
            if current not in seen:
                seen.add(current)
                todo.extend(preds.get(current, ()))
        return False

    added: dict[str, list[str]] = {}
    for key, others in wanted.items():
        for other in others:
            if other in preds and other not in preds[key] and not reaches(other, key):
                preds[key].add(other)
                added.setdefault(key, []).append(other)
    tasks = [
        replace(t, predecessors=t.predecessors + tuple(added[t.id])) if t.id in added else t
        for t in tasks
    ]
    return tasks, added


def fiscal_years(built: Built) -> list[int]:
    """The calendar number of each fiscal year index of the problem."""
    return sorted({built.parameters.fiscal_year(h) for h in built.parameters.half_years})
