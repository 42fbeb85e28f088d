"""Template filters of the knowledge pages."""

from __future__ import annotations

from typing import Any

from django import template

from wandelwerk.knowledge import forms, queries

register = template.Library()


@register.filter
def person(employee: Any) -> str:
    """An employee as colleagues know them (see ``forms.person``)."""
    return forms.person(employee)


@register.filter
def single_holder(row: Any, single: set[Any]) -> bool:
    """Whether ``row``'s subject is known by only one person of its unit."""
    return (row.employee.org_unit_id, queries.subject_key(row)) in single


@register.simple_tag
def risk_level(position: int, attrition: int, high: int, medium: int) -> str:
    """The level of a matrix cell (for its colour)."""
    from wandelwerk.knowledge.risk import scales

    return scales.level(position * attrition, high, medium)
