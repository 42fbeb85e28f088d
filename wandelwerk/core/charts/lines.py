"""Line charts over time: one series (``line_chart``) or several with a legend (``lines_chart``).

The x axis is proportional to time, so irregular dates (the last point is today, the others are
quarter ends) sit where they belong. Values are written in German number format; each point has
a ``<title>`` with its date and value. Returns SVG markup with ``role="img"``, ``<title>`` and
``<desc>``; put a table with the same numbers next to it on the page.

    line_chart(
        [(dt.date(2025, 12, 31), 12.5), (dt.date(2026, 3, 31), 15.0)],
        title="Anteil OZG-konformer Leistungen",
        ident="ozg-progress",
        y_max=100,
        y_suffix=" %",
    )
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from django.utils.safestring import SafeString, mark_safe

from wandelwerk.core.charts.svg import PALETTE, de, escape, open_svg, text

Point = tuple[dt.date, float]


class Series(NamedTuple):
    name: str
    points: Sequence[Point]
    color: str = ""  # empty: the next colour of the palette
    dashed: bool = False  # e.g. what is planned, beside what was measured


def lines_chart(
    series: Sequence[Series],
    *,
    title: str,
    ident: str,
    y_max: float | None = None,
    y_suffix: str = "",
    decimals: int = 1,
    width: int = 760,
    height: int = 260,
    legend: bool = True,
) -> SafeString:
    """Several series over time on one y axis from 0 to ``y_max`` (default: the largest value).

    ``ident`` must be unique on the page. Series may have different dates; a series without
    points only appears in the legend.
    """
    named = [
        Series(s.name, sorted(s.points), s.color or PALETTE[(3 + i) % len(PALETTE)], s.dashed)
        for i, s in enumerate(series)
    ]
    points = [p for s in named for p in s.points]
    left, right, bottom = 50, 20, 36
    top = 34 if legend and len(named) > 1 else 20
    plot_w, plot_h = width - left - right, height - top - bottom
    top_value = y_max if y_max is not None else max((v for _, v in points), default=1) or 1
    dates = sorted({d for d, _ in points})
    desc = title
    if dates:
        desc += f": {len(dates)} Stichtage von {dates[0]:%m/%Y} bis {dates[-1]:%m/%Y}"
        desc += "; " + ", ".join(s.name for s in named) + "." if len(named) > 1 else "."
    parts = [open_svg(width, height, title, desc, ident)]
    if legend and len(named) > 1:
        x = float(left)
        for s in named:
            parts.append(f'<rect x="{x:.1f}" y="6" width="12" height="12" fill="{s.color}"/>')
            parts.append(text(x + 16, 16, s.name, size=12))
            x += 16 + 7.2 * len(s.name) + 18
    for i in range(5):
        value = top_value * i / 4
        y = top + plot_h - plot_h * i / 4
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#d5d9e0"/>'
        )
        parts.append(text(left - 6, y + 4, de(value) + y_suffix, anchor="end", size=11))
    if dates:
        first, span = dates[0], max(1, (dates[-1] - dates[0]).days)

        def x_of(date: dt.date) -> float:
            return left + plot_w * (date - first).days / span if len(dates) > 1 else left

        for s in named:
            coords = [
                (x_of(d), top + plot_h - plot_h * min(v, top_value) / top_value)
                for d, v in s.points
            ]
            if not coords:
                continue
            path = " ".join(
                f"{'M' if i == 0 else 'L'}{x:.1f},{y:.1f}" for i, (x, y) in enumerate(coords)
            )
            dash = ' stroke-dasharray="8 5"' if s.dashed else ""
            parts.append(
                f'<path d="{path}" fill="none" stroke="{s.color}" stroke-width="3"{dash}/>'
            )
            prefix = f"{escape(s.name)}, " if len(named) > 1 else ""
            for (x, y), (date, value) in zip(coords, s.points, strict=True):
                parts.append(
                    f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{s.color}"><title>{prefix}'
                    f"{date:%d.%m.%Y}: {de(value, decimals)}{escape(y_suffix)}</title></circle>"
                )
        every = max(1, len(dates) // 6)
        for i, date in enumerate(dates):
            last = i == len(dates) - 1
            # Every n-th date, and the last one; a label too close to the last one is left out.
            if (i % every == 0 and x_of(dates[-1]) - x_of(date) > 60) or last:
                label = text(x_of(date), height - 12, f"{date:%m/%Y}", anchor="middle", size=11)
                parts.append(label)
    parts.append("</svg>")
    return mark_safe("".join(parts))


def line_chart(
    points: Sequence[Point],
    *,
    title: str,
    ident: str,
    y_max: float | None = None,
    y_suffix: str = "",
    decimals: int = 1,
    width: int = 760,
    height: int = 260,
    color: str = PALETTE[3],
) -> SafeString:
    """One series of ``(date, value)`` points; no legend (the title names the series)."""
    return lines_chart(
        [Series(title, points, color)],
        title=title,
        ident=ident,
        y_max=y_max,
        y_suffix=y_suffix,
        decimals=decimals,
        width=width,
        height=height,
        legend=False,
    )
