"""The half-yearly progress report (Umsetzungsbericht): the council's baseline against what
happened, from the frozen baseline plan, the measures' status and recorded actuals, the latest
re-plan against the baseline, the approved DigiChecks and the hand-overs; and the reporting
calendar that says when the next one is due."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Max, Sum

from wandelwerk.core.dates import add_months
from wandelwerk.knowledge.models import HandOver
from wandelwerk.measures.models import Measure, MeasureActual, Status
from wandelwerk.reports.content import digicheck, finance, report_settings
from wandelwerk.reports.models import Kind, ReportFile, ReportSettings
from wandelwerk.roadmap import queries as roadmap
from wandelwerk.roadmap.models import Placement, Plan, Scenario
from wandelwerk.roadmap.outlook import outlook
from wandelwerk.roadmap.periods import HalfYear


@dataclass(frozen=True)
class Calendar:
    due: list[dt.date]  # every due date up to the next one
    next_due: dt.date | None
    overdue: dt.date | None  # a due date passed without a progress report handed over since


def schedule(
    first_due: dt.date | None, every_months: int, today: dt.date, last_handed_over: dt.date | None
) -> Calendar:
    """The reporting calendar from its settings and the date the latest progress report was
    handed over (pure, so the portfolio can compute it for every municipality at once)."""
    if first_due is None:
        return Calendar([], None, None)
    due, step = [first_due], max(1, every_months)
    while due[-1] < today:
        due.append(add_months(first_due, step * len(due)))
    passed = [d for d in due if d < today]
    overdue = None
    if passed:
        handed = last_handed_over is not None and last_handed_over >= add_months(passed[-1], -step)
        overdue = None if handed else passed[-1]
    return Calendar(due, due[-1] if due[-1] >= today else None, overdue)


def calendar(today: dt.date) -> Calendar:
    config = report_settings()
    last = (
        ReportFile.objects.filter(kind=Kind.PROGRESS, handed_over_on__isnull=False).aggregate(
            last=Max("handed_over_on")
        )["last"]
        if config.progress_first_due is not None
        else None
    )
    return schedule(config.progress_first_due, config.progress_every_months, today, last)


def calendars(ids: list[int], today: dt.date) -> dict[int, Calendar]:
    """The reporting calendar of each of many municipalities (two queries for all of them)."""
    handed = dict(
        ReportFile.objects.unscoped()
        .filter(municipality_id__in=ids, kind=Kind.PROGRESS, handed_over_on__isnull=False)
        .values("municipality_id")
        .annotate(last=Max("handed_over_on"))
        .order_by()
        .values_list("municipality_id", "last")
    )
    return {
        mid: schedule(first, every, today, handed.get(mid))
        for mid, first, every in ReportSettings.objects.unscoped()
        .filter(municipality_id__in=ids)
        .values_list("municipality_id", "progress_first_due", "progress_every_months")
    }


@dataclass(frozen=True)
class Line:
    """One measure of the baseline: as decided, and as it stands."""

    placement: Placement
    measure: Measure | None
    state: str
    deadline: str  # "eingehalten", "verfehlt", "offen" or ""
    moved: str  # why it moved since the baseline ("" if it did not)


@dataclass(frozen=True)
class Budget:
    """One fiscal year: as the baseline planned it and as recorded on the measures."""

    year: int
    euro_planned: int
    euro_actual: int
    internal_planned: int
    internal_actual: int
    provider_planned: int
    provider_actual: int


def _state(p: Placement, measure: Measure | None, now: int) -> str:
    if measure is None:
        return "entfallen"
    if measure.status == Status.DONE:
        return "erledigt"
    if p.end is not None and p.end < now:
        return "verspätet"
    if measure.status in (Status.IN_PROGRESS, Status.DELAYED):
        return f"läuft ({measure.percent_done} %)"
    return "geplant" if p.start is None or p.start > now else "sollte laufen"


def _deadline(p: Placement, measure: Measure | None, today: dt.date) -> str:
    if p.deadline is None or measure is None:
        return ""
    if measure.finished_on is not None:
        return "eingehalten" if measure.finished_on <= p.deadline else "verfehlt"
    return "verfehlt" if p.deadline < today else "offen"


def _current_plan(baseline: Scenario) -> Plan | None:
    """The latest re-plan against the baseline (another scenario planned from it)."""
    return (
        Plan.objects.filter(reference=Plan.Reference.BASELINE)
        .exclude(scenario=baseline)
        .order_by("-created_at", "-id")
        .first()
    )


def progress(municipality: Any, *, today: dt.date | None = None) -> dict[str, Any]:
    today = today or dt.date.today()
    baseline = Scenario.objects.filter(is_baseline=True).first()
    base = roadmap.latest_plan(baseline) if baseline else None
    context: dict[str, Any] = {
        "municipality": municipality, "today": today, "kind": Kind.PROGRESS, "base": base,
        "calendar": calendar(today), "plan": base,
    }  # fmt: skip
    if base is None or baseline is None:
        return context
    items = roadmap.placements(base)
    measures = Measure.objects.select_related("org_unit").in_bulk(
        [p.measure_id for p in items if p.measure_id]
    )
    current = _current_plan(baseline)
    moved: dict[int, str] = {}
    if current is not None:
        for row in roadmap.rows(roadmap.placements(current)):
            if row.placement.measure_id and row.move_baseline:
                moved[row.placement.measure_id] = (
                    f"{row.baseline_label} → {row.start_label}: {row.move_baseline}"
                )
    now = HalfYear.of(today).ordinal
    lines = {
        p.pk: Line(
            p,
            measure := measures.get(p.measure_id) if p.measure_id else None,
            _state(p, measure, now),
            _deadline(p, measure, today),
            moved.get(p.measure_id or 0, ""),
        )
        for p in items
    }
    bundles = [
        (
            column.half_year,
            [(name, [lines[r.placement.pk] for r in rows]) for _a, name, rows in column.bundles],
        )
        for column in roadmap.board(base, roadmap.rows(items))
        if column.bundles
    ]
    states: dict[str, int] = defaultdict(int)
    for line in lines.values():
        states[line.state.split(" (")[0]] += 1
    actual = {
        row["fiscal_year"]: row
        for row in MeasureActual.objects.filter(measure_id__in=list(measures))
        .values("fiscal_year")
        .annotate(euro=Sum("euro"), internal=Sum("internal_days"), provider=Sum("provider_days"))
    }
    planned = {row.year: row for row in finance(base)}
    budget = [
        Budget(
            year,
            planned[year].euro if year in planned else 0,
            actual.get(year, {}).get("euro") or 0,
            planned[year].internal_days if year in planned else 0,
            actual.get(year, {}).get("internal") or 0,
            planned[year].provider_days if year in planned else 0,
            actual.get(year, {}).get("provider") or 0,
        )
        for year in sorted(set(planned) | set(actual))
    ]
    handovers = list(HandOver.objects.select_related("measure").order_by("measure__deadline"))
    context.update(
        baseline=baseline,
        current=current,
        bundles=bundles,
        states=sorted(states.items()),
        deadlines={
            k: sum(1 for x in lines.values() if x.deadline == k)
            for k in ("eingehalten", "verfehlt", "offen")
        },
        moved=[x for x in lines.values() if x.moved],
        budget=budget,
        outlook=outlook(base),
        measured=digicheck()["total"],
        handovers_done=sum(1 for h in handovers if h.measure.status == Status.DONE),
        handovers_open=[h for h in handovers if h.measure.status != Status.DONE],
    )
    return context
