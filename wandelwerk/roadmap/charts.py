"""The roadmap's charts, drawn from a plan's records: the Gantt chart, the use of capacity and
budget, and the benefit of scenarios over time."""

from __future__ import annotations

from typing import Any

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wandelwerk.core.charts.bars import bar_chart
from wandelwerk.core.charts.gantt import Bar, gantt
from wandelwerk.core.charts.lines import Series, lines_chart
from wandelwerk.measures.models import AREA_COLORS, Area
from wandelwerk.roadmap.models import Placement, Plan
from wandelwerk.roadmap.queries import CapacityUse, Figures


def gantt_chart(plan: Plan, placements: list[Placement]) -> SafeString:
    """Every placed measure as a bar over the plan's half-years; work begun before the plan
    starts at its first column. Arrows lead from a prerequisite to what waits for it."""
    first, last = plan.first_period, plan.first_period + plan.periods - 1
    bars = [
        Bar(
            str(p.measure_id or f"p{p.pk}"),
            p.label,
            max(p.start, first) - first,
            min(p.end if p.end is not None else p.start, last) - first,
            AREA_COLORS.get(p.area, "#0b4f8a"),
            p.critical,
        )
        for p in placements
        if p.start is not None and p.start <= last and (p.end is None or p.end >= first)
    ]
    keys = {b.key for b in bars}
    links = [
        (str(pre), str(p.measure_id))
        for p in placements
        if str(p.measure_id) in keys
        for pre in p.prerequisites
        if str(pre) in keys
    ]
    return gantt(
        bars,
        [h.label for h in plan.half_years],
        links,
        title=_("Fahrplan als Gantt-Diagramm"),
        ident="gantt",
    )


def capacity_charts(use: CapacityUse) -> list[tuple[str, SafeString]]:
    """Share of the capacity used, each chart scaled to 100 % so that full means full."""
    charts: list[tuple[str, str, list[tuple[str, float | None]]]] = [
        (
            _("Eigene Personentage je Halbjahr"),
            "use-internal",
            [(u.half_year.label, use.internal_share(u)) for u in use.periods],
        ),
        (
            _("Beratertage je Halbjahr"),
            "use-provider",
            [(u.half_year.label, use.provider_share(u)) for u in use.periods],
        ),
        (
            _("Budget je Haushaltsjahr"),
            "use-budget",
            [(str(y.year), y.share) for y in use.years],
        ),
    ]
    return [
        (
            title,
            bar_chart(
                [(label, value or 0.0) for label, value in rows],
                title=f"{title}: {_('Auslastung')}",
                ident=ident,
                label_width=110,
                width=420,
                value_suffix=" %",
                scale_max=100,
            ),
        )
        for title, ident, rows in charts
    ]


def benefit_chart(columns: list[Figures]) -> Any:
    """Benefit delivered up to the end of each half-year, one line per scenario."""
    return lines_chart(
        [
            Series(
                col.scenario.name,
                [
                    (half.end, value)
                    for half, value in zip(col.half_years, col.benefit, strict=True)
                ],
            )
            for col in columns
            if col.half_years
        ],
        title=_("Nutzen bis zum Ende jedes Halbjahres"),
        ident="compare-benefit",
        decimals=0,
    )


def bundle_gantt(plan: Plan, placements: list[Placement]) -> SafeString:
    """The plan as its Digitalbündel: one bar per area and starting half-year, from that
    half-year to the end of its last measure (the council's view; the scenario page shows each
    measure)."""
    first, last = plan.first_period, plan.first_period + plan.periods - 1
    spans: dict[tuple[int, str], list[int]] = {}
    for p in placements:
        if p.start is None or p.start > last or (p.end is not None and p.end < first):
            continue
        end = min(p.end if p.end is not None else p.start, last)
        span = spans.setdefault((max(p.start, first), p.area), [end, 0])
        span[0] = max(span[0], end)
        span[1] += 1
    names = dict(Area.choices)
    bars = [
        Bar(
            f"{start}-{area}",
            # the bar starts in its half-year; its tooltip names the half-years
            ngettext("%(area)s: %(n)s Maßnahme", "%(area)s: %(n)s Maßnahmen", n)
            % {"area": names.get(area, area), "n": n},
            start - first,
            end - first,
            AREA_COLORS.get(area, "#0b4f8a"),
        )
        for (start, area), (end, n) in sorted(spans.items())
    ]
    return gantt(
        bars,
        [h.label for h in plan.half_years],
        [],
        title=_("Digitalbündel je Halbjahr als Gantt-Diagramm"),
        ident="bundle-gantt",
        label_width=230,  # one line for the longest area and count
        column_width=52,  # printed at about two thirds of its size: text stays about 8 pt
    )
