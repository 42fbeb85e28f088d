"""Where each municipality stands in the method: checks, recommendations, baseline, the current
half-year's Digitalbündel, late work, hand-overs and reviews due, the next report, maturity now
and as planned, the provider days the plan promises and the OZG share.

One reading for the municipality's cockpit and the provider's portfolio: a fixed number of
queries over any number of municipalities (each reads all of them at once), the rest in Python.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q

from wandelwerk.assessments.checks.queries import stored_scores
from wandelwerk.assessments.models import AREA_KEYS, Assessment, AssessmentStatus
from wandelwerk.assessments.scoring import rollup
from wandelwerk.core.dates import add_months
from wandelwerk.knowledge.models import Article, ArticleStatus, HandOver
from wandelwerk.measures.models import Measure, Source, Status
from wandelwerk.organisation.models import Employee
from wandelwerk.organisation.queries import unit_fte
from wandelwerk.ozg.models import AdministrativeService
from wandelwerk.reports.progress import Calendar, calendars
from wandelwerk.roadmap.kept import per_plan
from wandelwerk.roadmap.models import Placement, Plan, Scenario
from wandelwerk.roadmap.periods import HalfYear
from wandelwerk.roadmap.problem import PROVIDER
from wandelwerk.roadmap.queries import shown_plans
from wandelwerk.tenants import tenancy

# Hand-overs whose deadline lies this close are "due".
HANDOVER_WINDOW_MONTHS = 6
# Half-years of promised provider days shown, from the current one.
PROMISED_HALF_YEARS = 4
UNFINISHED = (Status.ACCEPTED, Status.PLANNED, Status.IN_PROGRESS, Status.DELAYED)


@dataclass
class Bundle:
    """The current half-year's measures of the shown plan and how far they are."""

    measures: int = 0
    done: int = 0
    percent: float = 0.0  # mean share done, a finished measure counting 100

    @property
    def share(self) -> float | None:
        return self.percent if self.measures else None


@dataclass
class Standing:
    municipality_id: int
    checks: dict[str, int] = field(default_factory=dict)  # status → count
    recommendations_open: int = 0
    baseline: str = ""  # the council's scenario, "" while none is decided
    baseline_on: dt.date | None = None
    plan_id: int | None = None  # the plan shown: the baseline's, else the latest
    plan_scenario: str = ""
    scenario_id: int | None = None
    bundle: Bundle = field(default_factory=Bundle)
    late: int = 0  # deadline passed, not done
    at_risk: int = 0  # in the plan and not late yet, but delayed, behind the plan or unable to
    # meet its deadline in the plan
    handovers_due: int = 0
    handovers_overdue: int = 0
    reviews_due: int = 0
    calendar: Calendar = field(default_factory=lambda: Calendar([], None, None))
    promised: dict[int, int] = field(default_factory=dict)  # half-year ordinal → provider days
    maturity: dict[str, float | None] = field(default_factory=dict)
    projected: dict[str, float | None] = field(default_factory=dict)
    services: int = 0
    compliant: int = 0

    @property
    def decided(self) -> bool:
        return bool(self.baseline)

    @property
    def checks_open(self) -> int:
        return sum(n for s, n in self.checks.items() if s != AssessmentStatus.APPROVED)

    @property
    def ozg_share(self) -> float | None:
        return 100 * self.compliant / self.services if self.services else None


def _area_scores(check: Assessment) -> dict[str, Any]:
    if check.scores:
        return dict(check.scores["areas"])
    with tenancy.activate(check.municipality):  # approved before scores were stored: once
        return dict(stored_scores(check)["areas"])


def _maturity(ids: list[int], found: dict[int, Standing]) -> None:
    latest: dict[tuple[int, int | None], Assessment] = {}
    for check in (
        Assessment.objects.unscoped()
        .filter(municipality_id__in=ids, status=AssessmentStatus.APPROVED)
        .only("municipality_id", "org_unit_id", "date", "scores")
        .order_by("date", "id")
    ):
        latest[(check.municipality_id, check.org_unit_id)] = check
    current = tenancy.current_municipality()
    if current is not None and ids == [current.pk]:  # a municipality's own: its kept figures
        fte = unit_fte()
    else:
        fte = unit_fte(Employee.objects.unscoped().filter(municipality_id__in=ids))
    weighted: dict[int, list[tuple[dict[str, Any], float]]] = defaultdict(list)
    for (mid, unit), check in latest.items():
        weight = (fte.get(unit, 0.0) if unit else 0.0) or 1.0
        weighted[mid].append((_area_scores(check), weight))
    for mid, rows in weighted.items():
        found[mid].maturity = {a: rollup((s.get(a), w) for s, w in rows) for a in AREA_KEYS}


def _checks_and_measures(ids: list[int], today: dt.date, found: dict[int, Standing]) -> None:
    for row in (
        Assessment.objects.unscoped()
        .filter(municipality_id__in=ids)
        .values("municipality_id", "status")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        found[row["municipality_id"]].checks[row["status"]] = row["n"]
    for row in (
        Measure.objects.unscoped()
        .filter(municipality_id__in=ids)
        .values("municipality_id")
        .annotate(
            open=Count("pk", filter=Q(status=Status.PROPOSED, source=Source.RECOMMENDATION)),
            late=Count("pk", filter=Q(status__in=UNFINISHED, deadline__lt=today)),
        )
        .order_by()
    ):
        standing = found[row["municipality_id"]]
        standing.recommendations_open = row["open"]
        standing.late = row["late"]


def _shown_plans(ids: list[int], found: dict[int, Standing]) -> None:
    """The baseline's latest plan, else the municipality's latest plan."""
    for row in (
        Scenario.objects.unscoped()
        .filter(municipality_id__in=ids, is_baseline=True)
        .values("municipality_id", "name", "frozen_at")
    ):
        standing = found[row["municipality_id"]]
        standing.baseline = row["name"]
        standing.baseline_on = row["frozen_at"].date() if row["frozen_at"] else None
    for mid, shown in shown_plans(ids).items():
        standing = found[mid]
        standing.plan_id, standing.scenario_id = shown.plan_id, shown.scenario_id
        standing.plan_scenario = shown.scenario


def _promised(plan_ids: list[int]) -> dict[int, dict[int, int]]:
    """Provider days each plan's placements claim per half-year (ordinal)."""
    found: dict[int, dict[int, int]] = {pk: defaultdict(int) for pk in plan_ids}
    rows = Placement.objects.unscoped().filter(plan_id__in=plan_ids)
    for plan_id, demands in rows.values_list("plan_id", "demands"):
        for ordinal, days in (demands or {}).get(PROVIDER, {}).items():
            found[plan_id][int(ordinal)] += days
    return {pk: dict(days) for pk, days in found.items()}


def _plan_contents(ids: list[int], today: dt.date, found: dict[int, Standing]) -> None:
    by_plan = {s.plan_id: s for s in found.values() if s.plan_id}
    now = HalfYear.of(today).ordinal
    shown = range(now, now + PROMISED_HALF_YEARS)
    made = {}
    for pk, created_at, projected in (
        Plan.objects.unscoped()
        .filter(pk__in=list(by_plan))
        .values_list("pk", "created_at", "projection__total__projected")
    ):
        made[pk] = created_at
        by_plan[pk].projected = {
            a: next((v for v in reversed((projected or {}).get(a) or []) if v is not None), None)
            for a in AREA_KEYS
        }
    # the days a plan claims never change (kept per plan); how its measures stand does
    for pk, promised in per_plan("promised", made, _promised).items():
        by_plan[pk].promised = {o: days for o, days in promised.items() if o in shown}
    rows = (
        Placement.objects.unscoped()
        .filter(plan_id__in=list(by_plan))
        .values_list(
            "plan_id",
            "start",
            "end",
            "late",
            "measure__status",
            "measure__percent_done",
            "measure__deadline",
        )
    )
    for plan_id, start, end, late, status, percent, deadline in rows:
        standing = by_plan[plan_id]
        if status is None or start is None or end is None:
            continue
        if start <= now <= end:
            bundle = standing.bundle
            bundle.measures += 1
            bundle.done += status == Status.DONE
            share = 100 if status == Status.DONE else (percent or 0)
            bundle.percent += (share - bundle.percent) / bundle.measures
        if status in UNFINISHED and not (deadline and deadline < today):
            standing.at_risk += status == Status.DELAYED or end < now or late


def _knowledge(ids: list[int], today: dt.date, found: dict[int, Standing]) -> None:
    soon = add_months(today, HANDOVER_WINDOW_MONTHS)
    for row in (
        HandOver.objects.unscoped()
        .filter(municipality_id__in=ids)
        .exclude(measure__status__in=(Status.DONE, Status.REJECTED))
        .values("municipality_id")
        .annotate(
            due=Count("pk", filter=Q(measure__deadline__lte=soon)),
            overdue=Count("pk", filter=Q(measure__deadline__lt=today)),
        )
        .order_by()
    ):
        standing = found[row["municipality_id"]]
        standing.handovers_due, standing.handovers_overdue = row["due"], row["overdue"]
    for mid, n in (
        Article.objects.unscoped()
        .filter(municipality_id__in=ids, status=ArticleStatus.PUBLISHED, next_review__lte=today)
        .values("municipality_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("municipality_id", "n")
    ):
        found[mid].reviews_due = n


def _reports_and_services(ids: list[int], today: dt.date, found: dict[int, Standing]) -> None:
    for mid, calendar in calendars(ids, today).items():
        found[mid].calendar = calendar
    for row in (
        AdministrativeService.objects.unscoped()
        .filter(municipality_id__in=ids)
        .values("municipality_id")
        .annotate(n=Count("pk"), ok=Count("pk", filter=Q(maturity_level__gte=3)))
        .order_by()
    ):
        standing = found[row["municipality_id"]]
        standing.services, standing.compliant = row["n"], row["ok"]


def standings(ids: list[int], today: dt.date | None = None) -> dict[int, Standing]:
    """Municipality id → where it stands (the same queries for one or a hundred)."""
    today = today or dt.date.today()
    found = {mid: Standing(mid) for mid in ids}
    if not ids:
        return found
    _checks_and_measures(ids, today, found)
    _maturity(ids, found)
    _shown_plans(ids, found)
    _plan_contents(ids, today, found)
    _knowledge(ids, today, found)
    _reports_and_services(ids, today, found)
    return found
