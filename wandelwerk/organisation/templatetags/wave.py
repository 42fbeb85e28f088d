"""The retirement wave's cells, written in Python: a city's table has 300 units × 11 cells, and
one template include per cell took most of the page's time."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from wandelwerk.organisation.disclosure import Cell

register = template.Library()


def _posts(fte: float) -> str:
    """Full-time posts as ``floatformat:"-1"`` writes them in German: 2 or 2,5."""
    rounded = round(fte, 1)
    return f"{rounded:.0f}" if rounded == int(rounded) else f"{rounded:.1f}".replace(".", ",")


@register.filter
def wave_cells(cells: list[Cell]) -> SafeString:
    """One numeric table cell per figure: people over posts, or "< 5" for a small group."""
    small = f'<span aria-label="{_("weniger als 5")}">&lt; 5</span>'
    return mark_safe(
        "".join(
            '<td class="kern-table__cell kern-table__cell--numeric">'
            + (
                small
                if cell.people is None or cell.fte is None
                else f'{int(cell.people)}<br><span class="kern-body--small">({_posts(cell.fte)})</span>'
            )
            + "</td>"
            for cell in cells
        )
    )


@register.filter
def wave_total(cell: Cell) -> SafeString:
    return wave_cells([cell])
