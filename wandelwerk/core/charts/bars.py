"""Horizontal bar charts: one value per row (``bar_chart``) or split into series (``stacked_bars``).

Both return SVG markup with ``role="img"``, a ``<title>`` and a ``<desc>``; every bar segment has
its own ``<title>`` (label, series, value in German number format) for a tooltip. Put a table
with the same numbers next to the chart on the page: the chart is not the only way to read them.

    stacked_bars(
        [("Bürger", [12, 40, 30, 9, 2]), ("Unternehmen", [3, 10, 8, 4, 0])],
        ["0 Offline", "1 Information", "2 Formular-Assistent", "3 Online-Leistung", "4 …"],
        title="Leistungen je Zielgruppe nach Reifegrad",
        ident="ozg-group",
    )
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.safestring import SafeString, mark_safe

from wandelwerk.core.charts.svg import PALETTE, de, escape, open_svg, text

BAR_HEIGHT = 18
BAR_GAP = 8
LEGEND_LINE = 20
CHAR_WIDTH = 6.6  # average width of a 12px Fira Sans character, for laying out labels


def _legend(series: Sequence[str], colors: Sequence[str], width: int) -> tuple[list[str], int]:
    """Legend entries in rows that fit the width; returns the markup and its height."""
    parts: list[str] = []
    x, y = 0.0, 4
    for i, name in enumerate(series):
        item = 16 + CHAR_WIDTH * len(name) + 12
        if x > 0 and x + item > width:
            x, y = 0.0, y + LEGEND_LINE
        parts.append(
            f'<rect x="{x:.1f}" y="{y}" width="12" height="12" fill="{colors[i % len(colors)]}"/>'
        )
        parts.append(text(x + 16, y + 11, name, size=12))
        x += item
    return parts, y + LEGEND_LINE + 10


def stacked_bars(
    rows: Sequence[tuple[str, Sequence[float]]],
    series: Sequence[str],
    *,
    title: str,
    ident: str,
    colors: Sequence[str] = PALETTE,
    label_width: int = 230,
    width: int = 760,
    decimals: int = 0,
    value_suffix: str = "",
    legend: bool = True,
    scale_max: float = 0,
    notes: Sequence[str] | None = None,
) -> SafeString:
    """One bar per row, split into the series, with the row's total at the end of the bar
    (or ``notes[row]`` instead, e.g. „< 5“ for a figure that is not shown).

    ``rows`` are ``(label, values)`` with one value per series; ``ident`` must be unique on the
    page (it names the title and description for ``aria-labelledby``). Labels longer than 34
    characters are shortened with "…" (the full label stays in the segment's tooltip).
    ``scale_max`` fixes the full width (e.g. 100 for percentages) unless a bar is longer.
    """
    legend_parts, top = _legend(series, colors, width) if legend else ([], 6)
    height = top + len(rows) * (BAR_HEIGHT + BAR_GAP) + 10
    total_max = max(scale_max, *(sum(values) for _, values in rows)) if rows else 0
    total_max = total_max or 1
    plot = width - label_width - 60
    desc = f"{title}: {len(rows)} Balken"
    desc += f", Reihen {', '.join(series)}." if len(series) > 1 else "."
    parts = [open_svg(width, height, title, desc, ident), *legend_parts]
    for r, (label, values) in enumerate(rows):
        y = top + r * (BAR_HEIGHT + BAR_GAP)
        short = label if len(label) <= 34 else label[:32] + "…"
        parts.append(text(label_width - 8, y + 13, short, anchor="end", size=12))
        offset = float(label_width)
        for i, value in enumerate(values):
            w = plot * value / total_max
            if w > 0:
                name = f"{escape(series[i])} " if len(series) > 1 else ""
                parts.append(
                    f'<rect x="{offset:.1f}" y="{y}" width="{w:.1f}" height="{BAR_HEIGHT}" '
                    f'fill="{colors[i % len(colors)]}"><title>{escape(label)}: {name}'
                    f"{de(value, decimals)}{escape(value_suffix)}</title></rect>"
                )
            offset += w
        note = notes[r] if notes else de(sum(values), decimals) + value_suffix
        parts.append(text(offset + 6, y + 13, note, size=12))
    parts.append("</svg>")
    return mark_safe("".join(parts))


def bar_chart(
    rows: Sequence[tuple[str, float]],
    *,
    title: str,
    ident: str,
    color: str = PALETTE[3],
    label_width: int = 230,
    width: int = 760,
    decimals: int = 0,
    value_suffix: str = "",
    scale_max: float = 0,
    notes: Sequence[str] | None = None,
) -> SafeString:
    """One bar per ``(label, value)`` row, the value (or ``notes[row]``) after the bar."""
    return stacked_bars(
        [(label, [value]) for label, value in rows],
        [title],
        title=title,
        ident=ident,
        colors=[color],
        label_width=label_width,
        width=width,
        decimals=decimals,
        value_suffix=value_suffix,
        legend=False,
        scale_max=scale_max,
        notes=notes,
    )
