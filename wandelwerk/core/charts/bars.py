"""Horizontal stacked bar charts (e.g. services per Themenfeld by maturity level)."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from wandelwerk.core.charts.svg import PALETTE, de, open_svg, text


def stacked_bars(
    rows: Sequence[tuple[str, Sequence[float]]],
    series: Sequence[str],
    *,
    title: str,
    ident: str,
    colors: Sequence[str] = PALETTE,
    label_width: int = 230,
    width: int = 760,
) -> SafeString:
    """One bar per row, split into the series; the legend names the series with their colours."""
    bar_h, gap, top = 18, 8, 34
    height = top + len(rows) * (bar_h + gap) + 10
    total_max = max((sum(values) for _, values in rows), default=0) or 1
    plot = width - label_width - 60
    parts = [
        open_svg(
            width, height, title, f"{title}: {len(rows)} Balken, Reihen {', '.join(series)}.", ident
        )
    ]
    x = 0.0
    for i, name in enumerate(series):
        parts.append(
            f'<rect x="{x:.1f}" y="4" width="12" height="12" fill="{colors[i % len(colors)]}"/>'
        )
        parts.append(text(x + 16, 15, name, size=12))
        x += 16 + 7.2 * len(name) + 18
    for r, (label, values) in enumerate(rows):
        y = top + r * (bar_h + gap)
        short = label if len(label) <= 34 else label[:32] + "…"
        parts.append(text(label_width - 8, y + 13, short, anchor="end", size=12))
        offset = float(label_width)
        for i, value in enumerate(values):
            w = plot * value / total_max
            if w > 0:
                parts.append(
                    f'<rect x="{offset:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{colors[i % len(colors)]}">'
                    f"<title>{escape(label)}: {escape(series[i])} {de(value)}</title></rect>"
                )
            offset += w
        parts.append(text(offset + 6, y + 13, de(sum(values)), size=12))
    parts.append("</svg>")
    return mark_safe("".join(parts))
