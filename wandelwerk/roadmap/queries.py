"""Reads of the roadmap. Everything a plan shows (its Digitalbündel, Gantt chart, capacity and
budget, the comparison of scenarios, what moved) is read from the plan's own records, never
from the live scenario or measures, so a plan stays what it was when it was made."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.db.models import OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from wandelwerk.measures.models import Area
from wandelwerk.roadmap import texts
from wandelwerk.roadmap.models import Placement, Plan, Scenario
from wandelwerk.roadmap.periods import HalfYear
from wandelwerk.tenants.models import Municipality

AREA_NAMES = dict(Area.choices)


def scenarios() -> QuerySet[Scenario]:
    return Scenario.objects.all()


# What a plan's page needs of the plans it is compared with is their scenario's name; their
# records (a city's projection alone is 47 KB) stay unread.
_COMPARED_RECORDS = tuple(
    f"{plan}__{field}"
    for plan in ("previous", "baseline")
    for field in ("parameters", "diagnosis", "projection", "warnings")
)


def latest_plan(scenario: Scenario) -> Plan | None:
    return (
        Plan.objects.filter(scenario=scenario)
        .select_related("previous__scenario", "baseline__scenario")
        .defer(*_COMPARED_RECORDS)
        .order_by("-created_at", "-id")
        .first()
    )


class Compared(NamedTuple):
    """What the comparison reads of a placement (not its demands, reasons and moves)."""

    plan_id: int
    title: str
    org_unit: str
    start: int | None
    end: int | None
    benefit: int
    costs: dict[str, int]
    late: bool

    @property
    def label(self) -> str:
        return f"{self.title} ({self.org_unit})" if self.org_unit else self.title


def latest_plans(scenarios: list[Scenario]) -> dict[int, Plan]:
    """The latest plan of each scenario (two queries; earlier plans are not read)."""
    latest: dict[int, int] = {}
    for scenario_id, plan_id in (
        Plan.objects.filter(scenario__in=scenarios)
        .order_by("scenario_id", "-created_at", "-id")
        .values_list("scenario_id", "pk")
    ):
        latest.setdefault(scenario_id, plan_id)
    return {plan.scenario_id: plan for plan in Plan.objects.filter(pk__in=latest.values())}


def compared(plans: list[Plan]) -> dict[int, list[Compared]]:
    """The compared fields of the plans' placements, as rows (one query, no model objects:
    two plans of a large city are 2,000 placements)."""
    rows: dict[int, list[Compared]] = {plan.pk: [] for plan in plans}
    for values in (
        Placement.objects.filter(plan__in=plans).order_by("start").values_list(*Compared._fields)
    ):
        row = Compared(*values)
        rows[row.plan_id].append(row)
    return rows


def placements(plan: Plan) -> list[Placement]:
    return list(plan.placements.order_by("start", "title", "id"))


@dataclass
class Row:
    """A placement with its words."""

    placement: Placement
    reason: str
    move_previous: str = ""
    move_baseline: str = ""

    @property
    def start_label(self) -> str:
        return texts.label(self.placement.start)

    @property
    def end_label(self) -> str:
        return texts.label(self.placement.end)

    @property
    def previous_label(self) -> str:
        return _from_label(self.placement.move_previous)

    @property
    def baseline_label(self) -> str:
        return _from_label(self.placement.move_baseline)


def _from_label(move: dict[str, Any] | None) -> str:
    start = (move or {}).get("from")
    return texts.label(start) if start is not None else _("nicht im Plan")


def rows(items: list[Placement]) -> list[Row]:
    result = []
    for p in items:
        row = Row(p, texts.reason_text(p.reason, p.start))
        if p.move_previous is not None:
            row.move_previous = texts.move_text(p.move_previous, p.start)
        if p.move_baseline is not None:
            row.move_baseline = texts.move_text(p.move_baseline, p.start)
        result.append(row)
    return result


@dataclass
class Column:
    half_year: HalfYear
    bundles: list[tuple[str, str, list[Row]]] = field(default_factory=list)  # area, name, rows


def board(plan: Plan, items: list[Row]) -> list[Column]:
    """Half-year columns with their Digitalbündel: the measures of one area starting there."""
    columns = [Column(h) for h in plan.half_years]
    by_ordinal = {h.ordinal: column for h, column in zip(plan.half_years, columns, strict=True)}
    grouped: dict[int, dict[str, list[Row]]] = defaultdict(lambda: defaultdict(list))
    for row in items:
        start = row.placement.start
        if start is not None and start in by_ordinal:
            grouped[start][row.placement.area].append(row)
    for ordinal, areas in grouped.items():
        by_ordinal[ordinal].bundles = [
            (area, str(AREA_NAMES.get(area, area)), areas[area]) for area in sorted(areas)
        ]
    return columns


def column_width(items: list[Row]) -> int:
    """A board column wide enough (in rem, 13 to 26) for the longest word of any name on it, so
    that no name is broken inside a word."""
    longest = max((len(w) for r in items for w in r.placement.label.split()), default=0)
    return min(26, max(13, math.ceil(0.5 * longest + 3.5)))


@dataclass(frozen=True)
class PeriodUse:
    half_year: HalfYear
    internal: int
    provider: int
    budget: int


@dataclass(frozen=True)
class YearUse:
    year: int
    used: int  # own funds: what the budget bears
    budget: int
    funded: int = 0  # what funding programmes bear

    @property
    def total(self) -> int:
        return self.used + self.funded

    @property
    def share(self) -> float | None:
        return None if self.budget <= 0 else round(100 * self.used / self.budget, 1)


@dataclass(frozen=True)
class CapacityUse:
    """What a plan uses of its capacity, as it was planned: staff days per half-year and euro per
    fiscal year against the budget, all from the plan's records."""

    periods: list[PeriodUse]
    years: list[YearUse]
    internal_capacity: int
    provider_capacity: int

    @property
    def funded(self) -> bool:
        return any(y.funded for y in self.years)

    @staticmethod
    def _share(used: int, capacity: int) -> float | None:
        return None if capacity <= 0 else round(100 * used / capacity, 1)

    def internal_share(self, use: PeriodUse) -> float | None:
        return self._share(use.internal, self.internal_capacity)

    def provider_share(self, use: PeriodUse) -> float | None:
        return self._share(use.provider, self.provider_capacity)


class ShownPlan(NamedTuple):
    decided: bool  # the baseline's plan
    plan_id: int
    scenario_id: int
    scenario: str


def shown_plans(ids: list[int]) -> dict[int, ShownPlan]:
    """Each municipality's plan as it stands: the baseline's latest plan, else its latest plan
    (one query for all of ``ids``, reading one row per municipality however many plans each
    has made)."""
    plans = Plan.objects.unscoped().filter(municipality_id=OuterRef("pk"))
    newest = plans.order_by("-created_at", "-id").values("pk")
    baseline = newest.filter(scenario__is_baseline=True)
    picked = (
        Municipality.objects.filter(pk__in=ids)
        .annotate(pick=Coalesce(Subquery(baseline[:1]), Subquery(newest[:1])))
        .values("pick")
    )
    return {
        mid: ShownPlan(is_baseline, pk, scenario, name)
        for pk, mid, scenario, name, is_baseline in Plan.objects.unscoped()
        .filter(pk__in=picked)
        .values_list(
            "pk", "municipality_id", "scenario_id", "scenario__name", "scenario__is_baseline"
        )
    }


def _fiscal_year(plan: Plan, ordinal: int) -> int:
    start_month = int(plan.parameters.get("fiscal_year_start_month", 1))
    return HalfYear.from_ordinal(ordinal).fiscal_year(start_month)


def cost_per_year(plan: Plan, items: Any, *, funding: bool = False) -> dict[int, int]:
    """Euro per fiscal year of the plan's half-years, as planned: own funds (or ``funding``)."""
    window = {h.ordinal for h in plan.half_years}
    per_year: dict[int, int] = defaultdict(int)
    for p in items:
        for half, euro in ((p.funding if funding else p.costs) or {}).items():
            if int(half) in window:
                per_year[_fiscal_year(plan, int(half))] += euro
    return dict(sorted(per_year.items()))


def capacity_use(plan: Plan, items: list[Placement]) -> CapacityUse:
    params = plan.parameters
    use: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for p in items:
        for resource, per_half in (p.demands or {}).items():
            for half, need in per_half.items():
                use[resource][int(half)] += need
        for half, euro in (p.costs or {}).items():
            use["budget"][int(half)] += euro
    per_year = cost_per_year(plan, items)
    funded = cost_per_year(plan, items, funding=True)
    years = sorted({_fiscal_year(plan, h.ordinal) for h in plan.half_years})
    return CapacityUse(
        periods=[
            PeriodUse(
                h,
                use["internal"][h.ordinal],
                use["provider"][h.ordinal],
                use["budget"][h.ordinal],
            )
            for h in plan.half_years
        ],
        years=[
            YearUse(y, per_year.get(y, 0), int(params.get("budget_per_year", 0)), funded.get(y, 0))
            for y in years
        ],
        internal_capacity=int(params.get("internal_days_per_period", 0)),
        provider_capacity=int(params.get("provider_days_per_period", 0)),
    )


@dataclass
class Figures:
    """The numbers compared between scenarios, per half-year and fiscal year, from the plan."""

    scenario: Scenario
    plan: Plan | None
    half_years: list[HalfYear]
    finished: list[int]  # measures finished per half-year
    benefit: list[int]  # benefit delivered up to the end of each half-year
    cost_per_year: dict[int, int]
    late: list[str]
    unplaced: list[str]


def figures(scenario: Scenario, plan: Plan | None, items: list[Compared]) -> Figures:
    half_years = plan.half_years if plan else []
    index = {h.ordinal: i for i, h in enumerate(half_years)}
    finished, gained = [0] * len(half_years), [0] * len(half_years)
    late, unplaced = [], []
    for p in items:
        if p.start is None:
            unplaced.append(p.label)
            continue
        if p.end in index:
            finished[index[p.end]] += 1
            gained[index[p.end]] += p.benefit
        if p.late:
            late.append(p.label)
    running, benefit = 0, []
    for value in gained:
        running += value
        benefit.append(running)
    cost = cost_per_year(plan, items) if plan else {}
    return Figures(scenario, plan, half_years, finished, benefit, cost, late, unplaced)


@dataclass(frozen=True)
class Standing:
    """Where a measure sits in one plan, and why."""

    scenario: Scenario
    plan: Plan
    placement: Placement
    reason: str

    @property
    def start_label(self) -> str:
        return texts.label(self.placement.start)

    @property
    def end_label(self) -> str:
        return texts.label(self.placement.end)


def standings(measure: Any) -> list[Standing]:
    """The measure in the latest plan of every scenario (the baseline first)."""
    scenario_list = list(Scenario.objects.all())
    latest: dict[int, Plan] = {}
    for plan in Plan.objects.filter(scenario__in=scenario_list).order_by(
        "scenario_id", "-created_at", "-id"
    ):
        latest.setdefault(plan.scenario_id, plan)
    found = {
        p.plan_id: p
        for p in Placement.objects.filter(plan__in=latest.values(), measure_id=measure.pk)
    }
    result = []
    for scenario in scenario_list:
        plan = latest.get(scenario.pk)
        if plan is not None and plan.pk in found:
            p = found[plan.pk]
            result.append(Standing(scenario, plan, p, texts.reason_text(p.reason, p.start)))
    return result
