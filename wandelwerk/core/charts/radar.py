"""A radar chart: one axis per area, Ist and Soll as two closed lines."""

from __future__ import annotations

import math
from collections.abc import Sequence

from django.utils.safestring import SafeString, mark_safe

from wandelwerk.core.charts.svg import de, open_svg, text


def radar(
    axes: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None], str, bool]],
    *,
    title: str,
    ident: str,
    maximum: float = 4.0,
    size: int = 420,
) -> SafeString:
    """``series``: (name, values per axis, colour, dashed)."""
    margin = 90  # room for the axis labels left and right
    cx, cy = size / 2 + margin, size / 2
    radius = size / 2 - 70
    n = max(1, len(axes))

    def point(i: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * i / n
        r = radius * value / maximum
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    parts = [
        open_svg(
            size + 2 * margin,
            size + 30,
            title,
            f"{title}: "
            + "; ".join(
                f"{name} "
                + ", ".join(
                    f"{a} {de(v, 1) if v is not None else '–'}"
                    for a, v in zip(axes, values, strict=True)
                )
                for name, values, _, _ in series
            ),
            ident,
        )
    ]
    for level in range(1, int(maximum) + 1):
        ring = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, level) for i in range(n)))
        parts.append(f'<polygon points="{ring}" fill="none" stroke="#d5d9e0"/>')
        parts.append(
            text(cx + 3, cy - radius * level / maximum + 12, str(level), size=10, fill="#5b6473")
        )
    for i, name in enumerate(axes):
        x, y = point(i, maximum)
        parts.append(f'<line x1="{cx}" y1="{cy}" x2="{x:.1f}" y2="{y:.1f}" stroke="#d5d9e0"/>')
        lx, ly = point(i, maximum * 1.18)
        parts.append(text(lx, ly + 4, name, anchor="middle", size=12, weight="600"))
    legend_x = 10.0
    for name, values, color, dashed in series:
        pts = [point(i, v) for i, v in enumerate(values) if v is not None]
        dash = ' stroke-dasharray="6 4"' if dashed else ""
        if len(pts) == n:
            fill = "none" if dashed else color
            opacity = "" if dashed else ' fill-opacity="0.18"'
            coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)
            parts.append(
                f'<polygon points="{coords}" fill="{fill}"{opacity} stroke="{color}" stroke-width="2.5"{dash}/>'
            )
        parts.append(
            f'<line x1="{legend_x}" x2="{legend_x + 24}" y1="{size + 14}" y2="{size + 14}" stroke="{color}" stroke-width="3"{dash}/>'
        )
        parts.append(text(legend_x + 30, size + 18, name, size=12))
        legend_x += 40 + 8 * len(name)
    parts.append("</svg>")
    return mark_safe("".join(parts))
