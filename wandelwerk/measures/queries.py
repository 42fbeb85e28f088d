"""Reads of a municipality's measures and the catalogue."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce

from wandelwerk.measures.models import ACTIVE_STATUSES, Area, Measure, MeasureTemplate


def measures() -> QuerySet[Measure]:
    """Measures with their units, services and templates and the number of prerequisites,
    counted per measure on the link table's index (a count grouped by every column of the
    measure and its relations took most of a city's list of a thousand)."""
    links = Measure.prerequisites.through.objects
    needs = (
        links.filter(from_measure=OuterRef("pk"))
        .order_by()
        .values("from_measure")
        .annotate(n=Count("pk"))
        .values("n")  # type: ignore[misc]  # the stubs do not see the annotation
    )
    return Measure.objects.select_related("org_unit", "service", "template").annotate(
        prerequisite_count=Coalesce(Subquery(needs), 0)
    )


def templates() -> QuerySet[MeasureTemplate]:
    return MeasureTemplate.objects.order_by("area", "title")


@dataclass(frozen=True)
class GraphMeasure:
    """What the dependency graph shows of a measure (a thousand of them: no model instances)."""

    pk: int
    title: str
    area: str
    unit_code: str | None

    def __str__(self) -> str:  # as ``Measure.__str__``
        return f"{self.title} ({self.unit_code})" if self.unit_code else self.title

    @property
    def area_label(self) -> str:
        return str(Area(self.area).label)


@dataclass(frozen=True)
class Node:
    measure: GraphMeasure
    needs: list[GraphMeasure]  # what it waits for, of any status


def graph_measures() -> list[Node]:
    """Accepted and running measures with what each waits for, the links read from the link
    table in one query (not through a long list of ids)."""
    shown = ("pk", "title", "area", "org_unit__code")  # what the graph and its table show
    active = Measure.objects.filter(status__in=ACTIVE_STATUSES)
    items = [GraphMeasure(*row) for row in active.order_by("area", "title").values_list(*shown)]
    by_pk = {m.pk: m for m in items}
    links = list(
        Measure.prerequisites.through.objects.filter(from_measure__in=active).values_list(
            "from_measure_id", "to_measure_id"
        )
    )
    missing = {to for _from, to in links if to not in by_pk}
    if missing:
        by_pk |= {
            row[0]: GraphMeasure(*row)
            for row in Measure.objects.filter(pk__in=missing).values_list(*shown)
        }
    needs: dict[int, list[GraphMeasure]] = {}
    for source, target in links:
        needs.setdefault(source, []).append(by_pk[target])
    return [Node(m, sorted(needs.get(m.pk, []), key=lambda p: p.pk)) for m in items]


def proposals_of(assessment: Any) -> list[Measure]:
    """The measures a DigiCheck recommended, by unit, area and title, with their prerequisites."""
    return list(
        Measure.objects.filter(assessment=assessment)
        .select_related("org_unit", "service")
        .prefetch_related(Prefetch("prerequisites", queryset=Measure.objects.only("pk", "title")))
        .order_by("org_unit__code", "area", "title")
    )
