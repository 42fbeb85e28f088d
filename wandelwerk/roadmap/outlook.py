"""Maturity planned against measured: what a plan's record projects for each unit and the whole
administration, beside the approved DigiChecks over time, and whether the targets are reached by
the end of the plan. Shown on the scenario page and, for the council's baseline (or else the
latest plan), on the DigiCheck results page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from wandelwerk.assessments.checks.queries import approved_areas
from wandelwerk.assessments.checks.sections import Section
from wandelwerk.assessments.models import AREA_KEYS, Assessment, AssessmentStatus
from wandelwerk.core.charts.lines import Series, lines_chart
from wandelwerk.measures.models import AREA_COLORS, Area
from wandelwerk.roadmap.models import Plan, Scenario

# Reached when the projection comes within this of the target (scores carry one decimal).
TOLERANCE = 0.05


@dataclass(frozen=True)
class Cell:
    measured: float | None
    projected: float | None  # at the end of the plan
    target: float | None

    @property
    def reached(self) -> bool | None:
        if self.target is None or self.projected is None:
            return None
        return self.projected + TOLERANCE >= self.target


@dataclass(frozen=True)
class Line:
    name: str
    measured_on: dt.date | None
    cells: list[Cell]


@dataclass(frozen=True)
class Outlook:
    plan: Plan
    end_label: str
    areas: list[tuple[str, str]]  # key, name
    total: Line
    units: list[Line]
    chart: SafeString
    with_targets: int
    reached: int


def _cells(entry: dict[str, Any]) -> list[Cell]:
    return [
        Cell(
            entry["measured"].get(a),
            (entry["projected"].get(a) or [None])[-1],
            entry["targets"].get(a),
        )
        for a in AREA_KEYS
    ]


def measured_history(weights: dict[str, float]) -> dict[str, list[tuple[dt.date, float]]]:
    """The administration's area scores over time: at each approved check's date, the latest
    check of every unit so far, weighted by staff (``weights``: unit code → FTE).

    Only the area scores are read of each check (not the scores per criterion), and each area's
    weighted sum is kept up to date as a unit's latest check replaces its earlier one, so every
    check costs the same however many units were checked before it."""
    latest: dict[int | None, tuple[dict[str, float | None], float]] = {}
    sums = {a: [0.0, 0.0] for a in AREA_KEYS}  # area → [Σ value × weight, Σ weight]
    points: dict[str, list[tuple[dt.date, float]]] = {a: [] for a in AREA_KEYS}
    checks = (
        Assessment.objects.filter(status=AssessmentStatus.APPROVED)
        .order_by("date", "id")
        .values_list("pk", "org_unit_id", "org_unit__code", "date", "scores__areas")
    )

    def count(areas: dict[str, float | None], weight: float, sign: float) -> None:
        for a in AREA_KEYS:
            value = areas.get(a)
            if value is not None and weight > 0:
                sums[a][0] += sign * value * weight
                sums[a][1] += sign * weight

    for pk, unit_id, code, date, stored in checks:
        areas = approved_areas(pk, stored)
        if unit_id in latest:  # the unit's earlier check no longer counts
            count(*latest[unit_id], -1.0)
        latest[unit_id] = (areas, weights.get(code or "", 0) or 1.0)
        count(*latest[unit_id], 1.0)
        for a in AREA_KEYS:
            total, weight_sum = sums[a]
            if weight_sum <= 1e-9:
                continue
            value = total / weight_sum
            if points[a] and points[a][-1][0] == date:
                points[a][-1] = (date, value)
            else:
                points[a].append((date, value))
    return points


def outlook(plan: Plan) -> Outlook | None:
    record = plan.projection
    if not record or not record.get("units"):
        return None
    names = dict(Area.choices)
    half_years = plan.half_years
    weights = {u["code"]: u["fte"] for u in record["units"]}
    history = measured_history(weights)
    series = []
    for a in AREA_KEYS:
        name = str(names[a])
        series.append(Series(f"{name} gemessen", history[a], AREA_COLORS[a]))
        planned = [
            (h.end, value)
            for h, value in zip(half_years, record["total"]["projected"][a], strict=False)
            if value is not None
        ]
        series.append(Series(f"{name} geplant", planned, AREA_COLORS[a], dashed=True))
    units = [
        Line(u["name"], dt.date.fromisoformat(u["measured_on"]), _cells(u)) for u in record["units"]
    ]
    cells = [c for line in units for c in line.cells if c.reached is not None]
    return Outlook(
        plan=plan,
        end_label=half_years[-1].label if half_years else "",
        areas=[(a, str(names[a])) for a in AREA_KEYS],
        total=Line(
            _("ganze Verwaltung (nach Vollzeitstellen gewichtet)"), None, _cells(record["total"])
        ),
        units=units,
        chart=lines_chart(
            series,
            title=_("Reifegrad je Handlungsfeld: gemessen und geplant"),
            ident="maturity",
            y_max=4,
            legend=False,
        ),
        with_targets=len(cells),
        reached=sum(1 for c in cells if c.reached),
    )


def shown_plan() -> Plan | None:
    """The plan the results page shows: the council's baseline, else the latest plan."""
    baseline = Scenario.objects.filter(is_baseline=True).first()
    plans = Plan.objects.select_related("scenario").exclude(projection={})
    if baseline is not None:
        plan = plans.filter(scenario=baseline).first()
        if plan is not None:
            return plan
    return plans.first()


def results_section(municipality: Any) -> Section | None:
    plan = shown_plan()
    found = outlook(plan) if plan is not None else None
    if found is None:
        return None
    return Section("roadmap/_maturity.html", {"outlook": found, "with_link": True})
