"""A dependency graph (prerequisite → measure) drawn in layers from left to right."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from django.utils.safestring import SafeString, mark_safe

from wandelwerk.core.charts.svg import escape, open_svg, text_lines, wrap


def layered_graph(
    nodes: Sequence[tuple[str, str, str]],
    edges: Sequence[tuple[str, str]],
    *,
    title: str,
    ident: str,
    colors: dict[str, str] | None = None,
) -> SafeString:
    """``nodes``: (id, label, group); ``edges``: (from id, to id) meaning "from" must finish first.

    Each node sits in the column of its longest chain of prerequisites, so a measure always stands
    right of everything it waits for. The drawing depends on nothing but these arguments, so the
    last few are kept: laying out a thousand measures takes longer than the rest of the page.
    """
    return _drawn(
        tuple(nodes), tuple(edges), str(title), ident, tuple(sorted((colors or {}).items()))
    )


@functools.lru_cache(maxsize=8)
def _drawn(
    nodes: tuple[tuple[str, str, str], ...],
    edges: tuple[tuple[str, str], ...],
    title: str,
    ident: str,
    color_items: tuple[tuple[str, str], ...],
) -> SafeString:
    colors = dict(color_items)
    ids = {n[0] for n in nodes}
    before: dict[str, list[str]] = {n[0]: [] for n in nodes}
    for a, b in edges:
        if a in ids and b in ids:
            before[b].append(a)
    layer: dict[str, int] = {}

    def depth(node: str, trail: frozenset[str] = frozenset()) -> int:
        if node in layer:
            return layer[node]
        if node in trail:
            return 0
        layer[node] = 1 + max((depth(p, trail | {node}) for p in before[node]), default=-1)
        return layer[node]

    for node_id, _label, _group in nodes:
        depth(node_id)
    columns: dict[int, list[tuple[str, str, str]]] = {}
    for node in nodes:
        columns.setdefault(layer[node[0]], []).append(node)
    box_w, gap_x, gap_y, line_h = 220, 60, 14, 15
    lines = {n[0]: wrap(n[1], 28) for n in nodes}  # whole words, about 28 characters a line
    box_h = max((line_h * len(v) + 14 for v in lines.values()), default=40)
    box_h = max(box_h, 40)
    width = max(1, len(columns)) * (box_w + gap_x) + 20
    height = max((len(c) for c in columns.values()), default=1) * (box_h + gap_y) + 40
    position: dict[str, tuple[float, float]] = {}
    for col, members in sorted(columns.items()):
        for row, (node_id, _label, _group) in enumerate(
            sorted(members, key=lambda n: (n[2], n[1]))
        ):
            position[node_id] = (10 + col * (box_w + gap_x), 30 + row * (box_h + gap_y))
    parts = [
        open_svg(
            width,
            height,
            title,
            f"{title}: {len(nodes)} Maßnahmen, {len(edges)} Abhängigkeiten.",
            ident,
        )
    ]
    parts.append(
        f'<defs><marker id="{ident}-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z" fill="#3a4250"/></marker></defs>'
    )
    for a, b in edges:
        if a in position and b in position:
            (x1, y1), (x2, y2) = position[a], position[b]
            parts.append(
                f'<path d="M{x1 + box_w:.0f},{y1 + box_h / 2:.0f} C{x1 + box_w + gap_x / 2:.0f},{y1 + box_h / 2:.0f} '
                f'{x2 - gap_x / 2:.0f},{y2 + box_h / 2:.0f} {x2:.0f},{y2 + box_h / 2:.0f}" fill="none" stroke="#3a4250" '
                f'stroke-width="1.5" marker-end="url(#{ident}-arrow)"/>'
            )
    for node_id, label, group in nodes:
        x, y = position[node_id]
        color = colors.get(group, "#0b4f8a")
        parts.append(
            f'<g><title>{escape(label)}</title><rect x="{x:.0f}" y="{y:.0f}" width="{box_w}" height="{box_h}" rx="5" '
            f'fill="#fff" stroke="{color}" stroke-width="2"/>'
            f'<rect x="{x:.0f}" y="{y:.0f}" width="6" height="{box_h}" fill="{color}"/>'
            + text_lines(
                x + 14,
                y + (box_h - line_h * (len(lines[node_id]) - 1)) / 2 + 4,
                lines[node_id],
                size=12,
            )
            + "</g>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))
