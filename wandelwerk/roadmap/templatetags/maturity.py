"""The outlook's table rows (each unit's areas: measured → planned, target), written in Python:
a city has fifty units, and a template include per row with its cells took most of the scenario
and results pages' time."""

from __future__ import annotations

import html

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from wandelwerk.core.templatetags.ww import de_number
from wandelwerk.roadmap.outlook import Cell, Line, Outlook

register = template.Library()


def _cell(cell: Cell) -> str:
    text = f"{de_number(cell.measured, 1)} → {de_number(cell.projected, 1)}"
    if cell.target is not None:
        badge, label = (
            ("success", _("Soll erreicht")) if cell.reached else ("warning", _("Soll verfehlt"))
        )
        text += (
            f" ({de_number(cell.target, 1)})"
            f' <span class="kern-badge kern-badge--{badge}">'
            f'<span class="kern-label kern-label--small">{label}</span></span>'
        )
    return f'<td class="kern-table__cell">{text}</td>'


def _row(line: Line, *, is_total: bool) -> str:
    name = html.escape(str(line.name))
    if is_total:
        head = f"<strong>{name}</strong>"
    elif line.measured_on:
        checked = _("DigiCheck vom %(d)s") % {"d": f"{line.measured_on:%d.%m.%Y}"}
        head = f'{name}<br><span class="kern-body--small">{html.escape(checked)}</span>'
    else:
        head = name
    cells = "".join(_cell(c) for c in line.cells)
    return (
        f'<tr class="kern-table__row"><th scope="row" class="kern-table__cell">{head}</th>'
        f"{cells}</tr>"
    )


@register.filter
def maturity_rows(outlook: Outlook) -> SafeString:
    """Every unit's row, then the whole administration's (bold)."""
    rows = [_row(line, is_total=False) for line in outlook.units]
    rows.append(_row(outlook.total, is_total=True))
    return mark_safe("\n".join(rows))
