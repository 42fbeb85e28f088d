"""The DigiCheck's trend: area scores of one unit's checks over time, drawn by the shared line
chart (``core.charts.lines``) and given to the page with the rows of its table alternative."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.utils.safestring import SafeString

from wandelwerk.assessments.checks.queries import TrendPoint
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
