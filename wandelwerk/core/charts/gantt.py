"""A Gantt chart in half-year columns with prerequisite arrows and the critical chain marked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe

from wandelwerk.core.charts.svg import escape, open_svg, text_lines, wrap


@dataclass(frozen=True)
class Bar:
    key: str
    label: str
    start: int  # first period (0-based)
    end: int  # last period, inclusive
    color: str
    critical: bool = False


def gantt(
    bars: Sequence[Bar],
    columns: Sequence[str],
    links: Sequence[tuple[str, str]],
    *,
    title: str,
    ident: str,
    label_width: int = 260,
    column_width: int = 78,
) -> SafeString:
    """``column_width`` below 70 puts each half-year's name on two lines ("2. Hj." over the
    year), which keeps a chart of many half-years narrow and its text readable when it is
    scaled down to a printed page."""
    col_w, line_h = column_width, 15
    headers = [[name] if col_w >= 70 else name.rsplit(" ", 1) for name in columns]
    top = 16 + 14 * max((len(lines) for lines in headers), default=1)
    labels = [wrap(bar.label, label_width // 7) for bar in bars]  # about 7 px a character
    heights = [max(24, line_h * len(lines) + 9) for lines in labels]
    width = label_width + col_w * len(columns) + 10
    height = top + sum(heights) + 10
    parts = [
        open_svg(
            width,
            height,
            title,
            f"{title}: {len(bars)} Maßnahmen über {len(columns)} Halbjahre; dick umrandet: kritische Kette.",
            ident,
        )
    ]
    parts.append(
        f'<defs><marker id="{ident}-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z" fill="#3a4250"/></marker></defs>'
    )
    for i, lines in enumerate(headers):
        x = label_width + i * col_w
        parts.append(
            f'<rect x="{x}" y="{top - 8 - 14 * len(lines)}" width="{col_w}" height="{height - top + 4 + 14 * len(lines)}" fill="{"#f6f7f9" if i % 2 else "#fff"}"/>'
        )
        parts.append(
            text_lines(
                x + col_w / 2,
                top - 8 - 14 * (len(lines) - 1),
                lines,
                anchor="middle",
                size=11,
                leading=14 / 11,
            )
        )
    position: dict[str, tuple[float, float, float]] = {}
    y = top
    for bar, lines, row_h in zip(bars, labels, heights, strict=True):
        first_line = y + (row_h - line_h * (len(lines) - 1)) / 2 + 4
        parts.append(text_lines(label_width - 8, first_line, lines, anchor="end", size=12))
        x1 = label_width + bar.start * col_w + 3
        x2 = label_width + (bar.end + 1) * col_w - 3
        stroke = ' stroke="#000" stroke-width="2.5"' if bar.critical else ""
        middle = y + row_h / 2
        parts.append(
            f'<rect x="{x1:.0f}" y="{middle - 8:.0f}" width="{x2 - x1:.0f}" height="16" rx="3" fill="{bar.color}"{stroke}>'
            f"<title>{escape(bar.label)}: {escape(columns[bar.start])} – {escape(columns[min(bar.end, len(columns) - 1)])}</title></rect>"
        )
        position[bar.key] = (x1, x2, middle)
        y += row_h
    for before, after in links:
        if before in position and after in position:
            _, end_x, y1 = position[before]
            start_x, _, y2 = position[after]
            parts.append(
                f'<path d="M{end_x:.0f},{y1:.0f} C{end_x + 18:.0f},{y1:.0f} {start_x - 18:.0f},{y2:.0f} {start_x:.0f},{y2:.0f}" '
                f'fill="none" stroke="#3a4250" stroke-width="1.2" marker-end="url(#{ident}-arrow)"/>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))
