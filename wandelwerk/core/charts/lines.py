"""Line charts over time (e.g. the share of OZG-compliant services per quarter)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.utils.safestring import SafeString, mark_safe

from wandelwerk.core.charts.svg import PALETTE, de, open_svg, text


def line_chart(
    points: Sequence[tuple[dt.date, float]],
    *,
    title: str,
    ident: str,
    y_max: float | None = None,
    y_suffix: str = "",
    width: int = 760,
    height: int = 260,
    color: str = PALETTE[3],
) -> SafeString:
    left, right, top, bottom = 50, 20, 20, 36
    plot_w, plot_h = width - left - right, height - top - bottom
    top_value = y_max if y_max is not None else max((v for _, v in points), default=1) or 1
    parts = [
        open_svg(
            width,
            height,
            title,
            f"{title}: {len(points)} Werte von {points[0][0]:%m/%Y} bis {points[-1][0]:%m/%Y}."
            if points
            else title,
            ident,
        )
    ]
    for i in range(5):
        value = top_value * i / 4
        y = top + plot_h - plot_h * i / 4
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#d5d9e0"/>'
        )
        parts.append(text(left - 6, y + 4, de(value) + y_suffix, anchor="end", size=11))
    if points:
        step = plot_w / max(1, len(points) - 1)
        coords = [
            (left + i * step, top + plot_h - plot_h * (v / top_value))
            for i, (_, v) in enumerate(points)
        ]
        path = " ".join(
            f"{'M' if i == 0 else 'L'}{x:.1f},{y:.1f}" for i, (x, y) in enumerate(coords)
        )
        parts.append(f'<path d="{path}" fill="none" stroke="{color}" stroke-width="3"/>')
        for (x, y), (date, value) in zip(coords, points, strict=True):
            parts.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{color}"><title>{date:%d.%m.%Y}: {de(value, 1)}{y_suffix}</title></circle>'
            )
        every = max(1, len(points) // 6)
        for i, (date, _) in enumerate(points):
            if i % every == 0 or i == len(points) - 1:
                parts.append(
                    text(left + i * step, height - 12, f"{date:%m/%Y}", anchor="middle", size=11)
                )
    parts.append("</svg>")
    return mark_safe("".join(parts))
