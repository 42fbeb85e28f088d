"""Reads of a municipality's measures and the catalogue."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Prefetch, QuerySet

from wandelwerk.measures.models import ACTIVE_STATUSES, Measure, MeasureTemplate


def measures() -> QuerySet[Measure]:
    return Measure.objects.select_related("org_unit", "service", "template").annotate(
        prerequisite_count=Count("prerequisites")
    )


def templates() -> QuerySet[MeasureTemplate]:
    return MeasureTemplate.objects.order_by("area", "title")


def graph_measures() -> list[Measure]:
    """Accepted and running measures with their prerequisites, for the dependency graph."""
    return list(
        Measure.objects.filter(status__in=ACTIVE_STATUSES)
        .select_related("org_unit")
        .prefetch_related(
            Prefetch("prerequisites", queryset=Measure.objects.select_related("org_unit"))
        )
    )


def proposals_of(assessment: Any) -> list[Measure]:
    """The measures a DigiCheck recommended, by unit, area and title, with their prerequisites."""
    return list(
        Measure.objects.filter(assessment=assessment)
        .select_related("org_unit", "service")
        .prefetch_related(Prefetch("prerequisites", queryset=Measure.objects.only("pk", "title")))
        .order_by("org_unit__code", "area", "title")
    )
