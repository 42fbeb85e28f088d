"""Template helpers available in every template (registered as builtins)."""

from __future__ import annotations

import html
from typing import Any

from django import template
from django.http import QueryDict
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag(takes_context=True)
def sort_header(context: dict[str, Any], field: str, label: str, numeric: bool = False) -> str:
    """A sortable table header: link toggles the order, ``aria-sort`` tells screen readers."""
    current = context.get("sort", "")
    request = context["request"]
    query: QueryDict = request.GET.copy()
    query.pop("page", None)
    ascending = current == field
    descending = current == f"-{field}"
    query["sort"] = f"-{field}" if ascending else field
    aria = "ascending" if ascending else "descending" if descending else "none"
    arrow = " ▲" if ascending else " ▼" if descending else ""
    css = "kern-table__header" + (" kern-table__header--numeric" if numeric else "")
    hint = _("sortieren")
    return format_html(
        '<th scope="col" class="{}" aria-sort="{}"><a class="kern-link ww-sort" href="?{}">{}<span aria-hidden="true">{}</span><span class="kern-sr-only"> ({})</span></a></th>',
        css,
        aria,
        query.urlencode(),
        label,
        arrow,
        hint,
    )


@register.filter
def de_number(value: Any, decimals: int = 0) -> str:
    """German number format: 1.234,5."""
    if value is None or value == "":
        return "–"
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    text = f"{number:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


@register.filter
def percent_of(value: Any, total: Any) -> str:
    """``used|percent_of:capacity`` → "72 %"; "–" when there is nothing to compare with."""
    try:
        used, whole = float(value), float(total)
    except (TypeError, ValueError):
        return "–"
    if whole <= 0:
        return "–"
    return f"{de_number(100 * used / whole)} %"


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.filter
def options(items: Any, selected: Any = "") -> str:
    """``<option>`` elements for objects (value: their pk, text: ``str()``), the one whose pk is
    ``selected`` marked. Joined in Python: a city's 300 org units rendered through template
    loops cost more than the rest of the page."""
    chosen = str(selected)
    return mark_safe(
        "".join(
            f'<option value="{int(item.pk)}"{" selected" if str(item.pk) == chosen else ""}>'
            f"{html.escape(str(item))}</option>"
            for item in items
        )
    )
