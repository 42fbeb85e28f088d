"""The DigiCheck's charts: the trend (area scores of one unit's checks over time, drawn by the
shared line chart, with the rows of its table alternative) and the heatmap of units × areas."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from wandelwerk.assessments.checks.queries import TrendPoint, UnitRow
from wandelwerk.core.charts.heatmap import heatmap
from wandelwerk.core.charts.lines import Series, lines_chart


def trend_chart(
    points: Sequence[TrendPoint], areas: Sequence[Any], *, title: str, ident: str
) -> SafeString:
    """One line per area (Ist, levels 0–4) over the dates of the checks."""
    series = [
        Series(
            area.name,
            [
                (p.assessment.date, value)
                for p in points
                if (value := p.scores.get(area.key)) is not None
            ],
        )
        for area in areas
    ]
    return lines_chart(series, title=title, ident=ident, y_max=4, decimals=1)


def trend_rows(points: Sequence[TrendPoint], areas: Sequence[Any]) -> list[dict[str, Any]]:
    """The same numbers as the chart, one row per check, for the table beside it."""
    return [
        {
            "assessment": p.assessment,
            "values": [p.scores.get(area.key) for area in areas],
            "overall": p.overall,
        }
        for p in points
    ]


def unit_heatmap(rows: Sequence[UnitRow], areas: Sequence[Any], *, ident: str) -> SafeString:
    """Maturity per org unit (rows) and area (columns) from the units' latest approved checks;
    empty without a unit."""
    if not rows:
        return SafeString("")
    return heatmap(
        [r.name for r in rows],
        [a.name for a in areas],
        [[r.scores.get(a.key) for a in areas] for r in rows],
        title=_("Reifegrad je Einheit und Handlungsfeld"),
        ident=ident,
    )


def administration_trend_chart(
    points: Sequence[tuple[Any, dict[str, float | None]]], areas: Sequence[Any], *, ident: str
) -> SafeString:
    """One line per area: the whole administration's maturity over time (empty with fewer
    than two points)."""
    if len(points) < 2:
        return SafeString("")
    series = [
        Series(
            area.name,
            [(date, v) for date, scores in points if (v := scores.get(area.key)) is not None],
        )
        for area in areas
    ]
    return lines_chart(
        series,
        title=_("Reifegrad der Verwaltung im Zeitverlauf"),
        ident=ident,
        y_max=4,
        decimals=1,
    )
