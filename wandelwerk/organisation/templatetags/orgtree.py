"""The organigram's items, written in Python: a city has 300 units, and a link, a plural and two
escaped fields per unit through the template language took most of the organisation page."""

from __future__ import annotations

import html

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import ngettext

from wandelwerk.organisation.queries import TreeRow

register = template.Library()

_PK = 987654321  # stands for the unit's id in the reversed link


@register.filter
def tree_items(rows: list[TreeRow], slug: str) -> SafeString:
    """One ``<li>`` per unit: indented by depth, linked to the unit, with its staff count."""
    before, after = reverse("organisation:orgunit_detail", args=[slug, _PK]).split(str(_PK))
    return mark_safe(
        "".join(
            f'<li class="ww-depth-{int(row.depth)}"><a class="kern-link" '
            f'href="{html.escape(before)}{int(row.unit.pk)}{html.escape(after)}">'
            f'<span class="ww-code">{html.escape(row.unit.code)}</span> '
            f"{html.escape(row.unit.name)}</a> "
            '<span class="kern-body kern-body--small kern-body--muted">'
            + ngettext("%(counter)s Beschäftigte/r", "%(counter)s Beschäftigte", row.employee_count)
            % {"counter": row.employee_count}
            + "</span></li>"
            for row in rows
        )
    )
