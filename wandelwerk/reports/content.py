"""What the strategy report says, gathered from the municipality's data (inside the current
municipality). The HTML page, the PDF and the Word file are all made from this one context.

Staff appear only as aggregates that passed the disclosure control (no group below five people);
no name, birth date or exit date of a person is read into it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from wandelwerk.assessments.checks import queries as checks
from wandelwerk.assessments.checks.charts import administration_trend_chart, unit_heatmap
from wandelwerk.assessments.frameworks.loader import default_framework
from wandelwerk.core.charts.radar import radar
from wandelwerk.knowledge.risk import queries as risk_queries
from wandelwerk.measures.models import Area, Measure, Status
from wandelwerk.organisation import queries as organisation
from wandelwerk.organisation.disclosure import MIN_GROUP
from wandelwerk.ozg import queries as ozg
from wandelwerk.reports.models import ReportSettings
from wandelwerk.roadmap import charts as roadmap_charts
from wandelwerk.roadmap import queries as roadmap
from wandelwerk.roadmap.models import Plan, Scenario
from wandelwerk.roadmap.outlook import outlook


@dataclass(frozen=True)
class Section:
    key: str
    title: str


SECTIONS = [
    Section("summary", "Zusammenfassung"),
    Section("start", "Ausgangslage"),
    Section("digicheck", "Ergebnisse des DigiChecks"),
    Section("recommendations", "Empfehlungen"),
    Section("scenarios", "Szenarien im Vergleich"),
    Section("roadmap", "Fahrplan in Halbjahresschritten"),
    Section("budget", "Personentage und Budget je Haushaltsjahr"),
    Section("maturity", "Erwarteter Reifegrad"),
    Section("knowledge", "Ruhestandswelle und Wissensrisiken"),
    Section("ozg", "Stand der OZG-Umsetzung"),
    Section("method", "Anhang: Methode und Fragebogen"),
]
KEYS = [s.key for s in SECTIONS]


def report_settings() -> ReportSettings:
    found, _created = ReportSettings.objects.get_or_create()
    return found


def proposed_plan(chosen: Scenario | None) -> Plan | None:
    """The plan the report shows: the chosen scenario's, else the council's baseline, else the
    plan made last."""
    if chosen is not None:
        return roadmap.latest_plan(chosen)
    baseline = Scenario.objects.filter(is_baseline=True).first()
    if baseline is not None:
        return roadmap.latest_plan(baseline)
    return Plan.objects.select_related("scenario").order_by("-created_at", "-id").first()


@dataclass(frozen=True)
class FinanceRow:
    year: int
    euro: int  # own funds
    internal_days: int
    provider_days: int
    funded: int = 0  # borne by funding programmes


def finance(plan: Plan | None) -> list[FinanceRow]:
    """Euro and staff days per fiscal year as the plan has them."""
    if plan is None:
        return []
    use = roadmap.capacity_use(plan, roadmap.placements(plan))
    start_month = int(plan.parameters.get("fiscal_year_start_month", 1))
    days: dict[int, list[int]] = {}
    for period in use.periods:
        year = period.half_year.fiscal_year(start_month)
        own, provider = days.setdefault(year, [0, 0])
        days[year] = [own + period.internal, provider + period.provider]
    return [
        FinanceRow(
            y.year, y.used, days.get(y.year, [0, 0])[0], days.get(y.year, [0, 0])[1], y.funded
        )
        for y in use.years
        if y.total
    ] or [FinanceRow(year, 0, own, provider) for year, (own, provider) in sorted(days.items())]


def digicheck() -> dict[str, Any]:
    framework = default_framework()
    areas = list(framework.areas.all()) if framework else []
    keys = [a.key for a in areas]
    rows = checks.unit_rows(keys)
    by_area = checks.administration_scores(rows, keys)
    total = [by_area[k] for k in keys]
    names = {a.key: a.name for a in areas}
    held_back: dict[str, list[str]] = {}
    for row in rows:
        if row.weakest:
            held_back.setdefault(names.get(row.weakest, row.weakest), []).append(row.name)
    return {
        "framework": framework,
        "radar": radar(
            [a.name for a in areas],
            [(_("Verwaltung (nach Vollzeitstellen gewichtet)"), total, "#0b4f8a", False)],
            title=_("Reifegrad der Verwaltung je Handlungsfeld"),
            ident="report-radar",
        )
        if rows
        else "",
        "areas": areas,
        "rows": [(r, [r.scores.get(k) for k in keys]) for r in rows],
        "total": list(zip(areas, total, strict=True)),
        "held_back": sorted(held_back.items(), key=lambda item: -len(item[1])),
        "chart": unit_heatmap(rows, areas, ident="report-heat"),
        "trend": (trend := checks.administration_trend(keys)),
        "trend_chart": administration_trend_chart(trend, areas, ident="report-trend"),
    }


def _roadmap(plan: Plan | None) -> dict[str, Any]:
    if plan is None:
        return {}
    items = roadmap.placements(plan)
    rows = roadmap.rows(items)
    placed = [r for r in rows if r.placement.start is not None]
    return {
        "plan": plan,
        "columns": [c for c in roadmap.board(plan, rows) if c.bundles],
        "gantt": roadmap_charts.bundle_gantt(plan, [r.placement for r in placed]),
        "use": roadmap.capacity_use(plan, items),
        "per_year": finance(plan),
        "unplaced": [r for r in rows if r.placement.start is None],
        "outlook": (found := outlook(plan)),
        "maturity": (
            [
                (name, cell)
                for (_key, name), cell in zip(found.areas, found.total.cells, strict=True)
            ]
            if found
            else []
        ),
    }


@dataclass(frozen=True)
class ScenarioRow:
    figures: roadmap.Figures

    def __getattr__(self, name: str) -> Any:
        return getattr(self.figures, name)

    @property
    def finished_total(self) -> int:
        return sum(self.figures.finished)

    @property
    def cost_total(self) -> int:
        return sum(self.figures.cost_per_year.values())


def _scenarios() -> list[ScenarioRow]:
    """Every scenario with its latest plan's figures (the baseline first)."""
    chosen = sorted(roadmap.scenarios(), key=lambda s: (not s.is_baseline, s.name))
    plans = roadmap.latest_plans(chosen)
    rows = roadmap.compared(list(plans.values()))
    return [
        ScenarioRow(
            roadmap.figures(s, plans.get(s.pk), rows[plans[s.pk].pk] if s.pk in plans else [])
        )
        for s in chosen
    ]


def _risk_matrix(municipality: Any, today: dt.date) -> list[tuple[int, list[str]]]:
    """The knowledge-loss risk as counts by position factor (5 … 1) and attrition factor (1 … 5);
    a cell below five people shows "< 5" (empty cells 0), so no one can be recognised."""
    grid = risk_queries.matrix(risk_queries.rows(municipality, today, None))
    return [
        (5 - i, [("< 5" if 0 < n < MIN_GROUP else str(n)) for n in row])
        for i, row in enumerate(grid)
    ]


RECOMMENDATIONS_PER_AREA = 8


def _recommendations() -> list[dict[str, Any]]:
    """Per area: how many measures the DigiChecks recommended and were taken up, and the ones of
    greatest benefit with their reasons (the full list is on the measures page)."""
    taken = (
        Measure.objects.filter(
            assessment__isnull=False,
            status__in=(Status.ACCEPTED, Status.PLANNED, Status.IN_PROGRESS, Status.DONE),
        )
        .select_related("org_unit")
        .only("title", "area", "reason", "benefit", "org_unit__code")
        .order_by("area", "-benefit", "title")
    )
    by_area: dict[str, list[Measure]] = {}
    for measure in taken:
        by_area.setdefault(measure.area, []).append(measure)
    names = dict(Area.choices)
    return [
        {
            "area": names.get(area, area),
            "count": len(found),
            "shown": found[:RECOMMENDATIONS_PER_AREA],
            "more": max(0, len(found) - RECOMMENDATIONS_PER_AREA),
        }
        for area, found in by_area.items()
    ]


def strategy(municipality: Any, *, today: dt.date | None = None) -> dict[str, Any]:
    """The strategy report's context: the chosen sections with their data."""
    today = today or dt.date.today()
    config = report_settings()
    shown = [s for s in SECTIONS if s.key not in (config.left_out or [])]
    keys = {s.key for s in shown}
    plan = proposed_plan(config.scenario)
    figures = organisation.overview_figures(municipality, today)
    context: dict[str, Any] = {
        "municipality": municipality,
        "today": today,
        "sections": shown,
        "numbers": {s.key: i for i, s in enumerate(shown, start=1)},
        "preface": [p.strip() for p in config.preface.split("\n\n") if p.strip()],
        "figures": figures,
        "plan": plan,
    }
    if keys & {"summary", "digicheck", "method"}:
        context["digicheck"] = digicheck()
    if keys & {"summary", "roadmap", "budget", "maturity"}:
        context["roadmap"] = _roadmap(plan)
    if "recommendations" in keys:
        context["recommendations"] = _recommendations()
    if "scenarios" in keys:
        context["scenarios"] = found = _scenarios()
        with_plan = [row.figures for row in found if row.figures.plan]
        context["benefit_chart"] = roadmap_charts.benefit_chart(with_plan) if with_plan else ""
    if "start" in keys:
        context["ages"] = organisation.age_structure(today)
    if "knowledge" in keys:
        context["wave"] = organisation.retirement_wave(
            municipality, today, exact=False, by_department=True
        )
        context["risk_matrix"] = _risk_matrix(municipality, today)
    if keys & {"summary", "ozg"}:
        context["ozg"] = ozg.summary()
    return context
