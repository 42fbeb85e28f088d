"""A heatmap: rows (e.g. org units) × columns (e.g. areas), the value written in every cell."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.safestring import SafeString, mark_safe

from wandelwerk.core.charts.svg import de, open_svg, text

# Light to dark blue; text switches to white on the dark end for contrast.
SHADES = ["#f1f5fb", "#d3e2f3", "#a9c6e6", "#6f9fd1", "#2f6db3", "#0b3f73"]


def heatmap(
    rows: Sequence[str],
    columns: Sequence[str],
    values: Sequence[Sequence[float | None]],
    *,
    title: str,
    ident: str,
    maximum: float = 4.0,
) -> SafeString:
    label_w, cell_w, cell_h, top = 230, 130, 30, 34
    width = max(label_w + cell_w * len(columns) + 10, 620)
    legend_y = top + cell_h * len(rows) + 14
    height = legend_y + 34
    parts = [
        open_svg(
            width,
            height,
            title,
            f"{title}: {len(rows)} Zeilen × {len(columns)} Spalten, Werte von 0 bis {de(maximum)}.",
            ident,
        )
    ]
    for j, name in enumerate(columns):
        parts.append(
            text(
                label_w + j * cell_w + cell_w / 2,
                top - 10,
                name,
                anchor="middle",
                size=12,
                weight="600",
            )
        )
    for i, name in enumerate(rows):
        y = top + i * cell_h
        parts.append(
            text(
                label_w - 8,
                y + 20,
                name if len(name) <= 32 else name[:31] + "…",
                anchor="end",
                size=12,
            )
        )
        for j, value in enumerate(values[i]):
            x = label_w + j * cell_w
            if value is None:
                parts.append(
                    f'<rect x="{x}" y="{y}" width="{cell_w - 2}" height="{cell_h - 2}" fill="#fff" stroke="#d5d9e0"/>'
                )
                parts.append(text(x + cell_w / 2, y + 20, "–", anchor="middle", size=12))
                continue
            shade = _shade(value, maximum)
            parts.append(
                f'<rect x="{x}" y="{y}" width="{cell_w - 2}" height="{cell_h - 2}" fill="{SHADES[shade]}"/>'
            )
            parts.append(
                text(
                    x + cell_w / 2,
                    y + 20,
                    de(value, 1),
                    anchor="middle",
                    size=13,
                    weight="600",
                    fill="#fff" if shade >= 4 else "#1a1f28",
                )
            )
    parts.extend(_legend(legend_y, maximum))
    parts.append("</svg>")
    return mark_safe("".join(parts))


def _shade(value: float, maximum: float) -> int:
    return min(len(SHADES) - 1, int(value / maximum * (len(SHADES) - 1) + 0.5))


def _legend(y: float, maximum: float) -> list[str]:
    """What the shades mean: one swatch per whole level, and the empty cell."""
    parts = [text(0, y + 15, "Legende:", size=12, weight="600")]
    x = 70.0
    for level in range(int(maximum) + 1):
        parts.append(
            f'<rect x="{x}" y="{y}" width="22" height="20" fill="{SHADES[_shade(level, maximum)]}" stroke="#d5d9e0"/>'
        )
        parts.append(text(x + 28, y + 15, f"Stufe {level}", size=12))
        x += 90
    parts.append(f'<rect x="{x}" y="{y}" width="22" height="20" fill="#fff" stroke="#d5d9e0"/>')
    parts.append(text(x + 28, y + 15, "– nicht bewertet", size=12))
    return parts
