"""Reads that combine several sections: the figures of the start page."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery

from wandelwerk.organisation.models import Employee, OrgUnit
from wandelwerk.ozg.models import AdministrativeService
from wandelwerk.tenants.models import Municipality
from wandelwerk.tenants.queries import visible_municipalities


def _count_of(model: Any, **filters: Any) -> Subquery:
    return Subquery(
        model.objects.unscoped()
        .filter(municipality=OuterRef("pk"), **filters)
        .order_by()
        .values("municipality")
        .annotate(n=Count("pk"))
        .values("n"),
        output_field=IntegerField(),
    )


def municipalities_with_figures(user: Any) -> QuerySet[Municipality]:
    """Visible municipalities annotated with the figures of the start page (one query)."""
    return visible_municipalities(user).annotate(
        org_unit_count=_count_of(OrgUnit),
        employee_count=_count_of(Employee),
        service_count=_count_of(AdministrativeService),
        compliant_count=_count_of(AdministrativeService, maturity_level__gte=3),
    )
