"""Reads of the catalogue and the register (the register scoped to the current municipality)."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from wandelwerk.ozg.carriers import carries
from wandelwerk.ozg.models import (
    MAX_LEVEL,
    AdministrativeService,
    LeikaEntry,
    MaturityChange,
    MaturityModel,
    OzgService,
    PriorityWeights,
    TargetGroup,
    Topic,
)
from wandelwerk.ozg.priority import Priority, Weights, priority

# --- Catalogue --------------------------------------------------------------------------------


def topics_with_counts() -> QuerySet[Topic]:
    return Topic.objects.annotate(service_count=Count("services")).order_by("name")


def search_catalog(
    q: str, *, topic_id: int | None = None, life_situation_id: int | None = None
) -> tuple[QuerySet[OzgService], QuerySet[LeikaEntry]]:
    """OZG services and LeiKa entries matching a name, a LeiKa key (or its start) or an OZG-ID."""
    services = OzgService.objects.select_related("topic", "life_situation").order_by("name")
    entries = LeikaEntry.objects.select_related("ozg_service").order_by("name")
    if topic_id:
        services = services.filter(topic_id=topic_id)
        entries = entries.filter(ozg_service__topic_id=topic_id)
    if life_situation_id:
        services = services.filter(life_situation_id=life_situation_id)
        entries = entries.filter(ozg_service__life_situation_id=life_situation_id)
    q = q.strip()
    if q:
        if q.isdigit():
            services = services.filter(Q(ozg_id=int(q)) | Q(name__icontains=q))
            entries = entries.filter(
                Q(leika_key__startswith=q) | Q(ozg_service_id=int(q) if len(q) <= 9 else -1)
            )
        else:
            services = services.filter(name__icontains=q)
            entries = entries.filter(name__icontains=q)
    return services, entries


# --- Register --------------------------------------------------------------------------------


def services() -> QuerySet[AdministrativeService]:
    return AdministrativeService.objects.select_related("org_unit", "topic", "it_system")


def weights(municipality: Any) -> Weights:
    stored = PriorityWeights.objects.filter(municipality=municipality).first()
    if stored is None:
        return Weights()
    return Weights(
        float(stored.workload),
        float(stored.gap),
        float(stored.citizens),
        float(stored.businesses),
        float(stored.internal),
    )


@dataclass(frozen=True)
class RankedService:
    """What the ranking, its filters, the list and the export show of a service: a city's
    register has hundreds, each loaded as a model with its unit and catalogue entry took most
    of the page's time."""

    pk: int
    name: str
    leika_key: str
    target_group: str
    cases_per_year: int | None
    minutes_per_case: int | None
    maturity_level: int
    target_level: int
    rgm_version: str
    topic_id: int | None
    org_unit_id: int | None
    unit_code: str | None
    leika_entry_id: int | None
    carrier: str | None
    leika_type: str | None

    FIELDS = (
        "pk", "name", "leika_key", "target_group", "cases_per_year", "minutes_per_case",
        "maturity_level", "target_level", "rgm_version", "topic_id", "org_unit_id",
        "org_unit__code", "leika_entry_id", "leika_entry__carrier", "leika_entry__leika_type",
    )  # fmt: skip

    @property
    def workload_hours(self) -> float | None:  # as AdministrativeService's
        if self.cases_per_year is None or self.minutes_per_case is None:
            return None
        return self.cases_per_year * self.minutes_per_case / 60

    def get_target_group_display(self) -> str:
        return str(TargetGroup(self.target_group).label)


@dataclass(frozen=True)
class PriorityRow:
    rank: int  # position in the whole register, also when the list is filtered
    service: RankedService
    priority: Priority


def priority_rows(municipality: Any) -> list[PriorityRow]:
    """Every service below its target that the municipality carries out itself (not those of
    the Kreis, the Land or a chamber), ranked by priority (highest first)."""
    w = weights(municipality)
    ranked = [
        RankedService(*row)
        for row in AdministrativeService.objects.values_list(*RankedService.FIELDS)
    ]
    rows = [
        s
        for s in ranked
        if s.leika_entry_id is None or carries(municipality, s.carrier or "", s.leika_type or "")
    ]
    max_hours = max((s.workload_hours or 0 for s in rows), default=0.0)
    scored = []
    for s in rows:
        p = priority(
            cases_per_year=s.cases_per_year,
            minutes_per_case=s.minutes_per_case,
            level=s.maturity_level,
            target=s.target_level,
            max_level=MAX_LEVEL[MaturityModel(s.rgm_version)],
            target_group=s.target_group,
            max_hours=max_hours,
            weights=w,
        )
        if p.gap_levels > 0:
            scored.append((s, p))
    scored.sort(key=lambda r: (-r[1].score, r[0].name))
    return [PriorityRow(rank, s, p) for rank, (s, p) in enumerate(scored, start=1)]


PRIORITY_SORTS: dict[str, Any] = {
    "rank": lambda r: r.rank,
    "name": lambda r: r.service.name.casefold(),
    "unit": lambda r: r.service.unit_code or "",
    "hours": lambda r: r.priority.hours,
    "gap": lambda r: r.priority.gap_factor,
}


def filter_priorities(
    rows: list[PriorityRow],
    *,
    target_group: str = "",
    org_unit_id: int | None = None,
    topic_id: int | None = None,
    sort: str = "rank",
) -> list[PriorityRow]:
    """The ranked rows of one target group, unit or Themenfeld, in the order asked for."""
    selected = [
        r
        for r in rows
        if (not target_group or r.service.target_group == target_group)
        and (org_unit_id is None or r.service.org_unit_id == org_unit_id)
        and (topic_id is None or r.service.topic_id == topic_id)
    ]
    key = PRIORITY_SORTS.get(sort.lstrip("-"), PRIORITY_SORTS["rank"])
    return sorted(selected, key=key, reverse=sort.startswith("-"))


# --- Dashboard --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ModelBoard:
    """The services rated in one maturity model, counted on its own scale."""

    version: str
    label: str
    max_level: int
    total: int
    by_topic: list[tuple[str, dict[int, int]]]
    by_group: list[tuple[str, dict[int, int]]]


@dataclass(frozen=True)
class Dashboard:
    total: int
    compliant: int
    models: list[ModelBoard]  # each model with services, 1.1 first
    progress: list[tuple[dt.date, int, int]]  # date, services at level >= 3, services then

    @property
    def share(self) -> float:
        return self.compliant / self.total if self.total else 0.0


def dashboard(today: dt.date, *, quarters: int = 12) -> Dashboard:
    rows = list(
        AdministrativeService.objects.values_list(
            "pk", "maturity_level", "topic__name", "target_group", "created_at", "rgm_version"
        )
    )
    total = len(rows)
    compliant = sum(1 for row in rows if row[1] >= 3)
    labels = dict(TargetGroup.choices)
    models = []
    for version, label in MaturityModel.choices:
        mine = [row for row in rows if row[5] == version]
        if not mine:
            continue
        top = MAX_LEVEL[MaturityModel(version)]
        topic_levels: dict[str, Counter[int]] = defaultdict(Counter)
        group_levels: dict[str, Counter[int]] = defaultdict(Counter)
        for _pk, level, topic, group, _created, _v in mine:
            topic_levels[topic or str(_("ohne Themenfeld"))][min(level, top)] += 1
            group_levels[str(labels.get(group, group))][min(level, top)] += 1
        by_topic = sorted(
            ((t, dict(c)) for t, c in topic_levels.items()), key=lambda x: -sum(x[1].values())
        )
        by_group = [
            (str(labels[g]), dict(group_levels.get(str(labels[g]), Counter())))
            for g in TargetGroup.values
        ]
        models.append(ModelBoard(version, str(label), top, len(mine), by_topic, by_group))
    history = [row[:5] for row in rows]
    return Dashboard(total, compliant, models, progress(history, today, quarters))


def quarter_ends(today: dt.date, quarters: int) -> list[dt.date]:
    """The ends of the last ``quarters`` calendar quarters before ``today``, then ``today``."""
    index = today.year * 4 + (today.month - 1) // 3  # the quarter today is in
    ends = []
    for q in range(index - quarters, index):
        year, quarter = divmod(q, 4)
        ends.append(
            dt.date(year, 3 * quarter + 4, 1) - dt.timedelta(days=1)
            if quarter < 3
            else dt.date(year, 12, 31)
        )
    return [*ends, today]


def progress(
    rows: list[tuple[Any, ...]], today: dt.date, quarters: int
) -> list[tuple[dt.date, int, int]]:
    """Services at level 3 or more at the end of each of the last quarters, from the level history."""
    history: dict[int, list[tuple[dt.date, int]]] = defaultdict(list)
    for service_id, date, level in MaturityChange.objects.order_by("date", "id").values_list(
        "service_id", "date", "level"
    ):
        history[service_id].append((date, level))
    points = []
    for point in quarter_ends(today, quarters):
        existing = compliant = 0
        for service_id, level, *_rest in rows:
            changes = history.get(service_id)
            if changes:
                if changes[0][0] > point:
                    continue  # not in the register yet
                level_then = [lv for d, lv in changes if d <= point][-1]
            else:
                level_then = level
            existing += 1
            compliant += level_then >= 3
        if existing:  # before the register began there is nothing to show
            points.append((point, compliant, existing))
    return points


@dataclass(frozen=True)
class Summary:
    total: int
    compliant: int
    below_target: int

    @property
    def share(self) -> float:
        return 100 * self.compliant / self.total if self.total else 0.0


def summary() -> Summary:
    """Figures for the municipality's overview page."""
    from django.db.models import F

    figures = AdministrativeService.objects.aggregate(
        total=Count("pk"),
        compliant=Count("pk", filter=Q(maturity_level__gte=3)),
        below=Count("pk", filter=Q(maturity_level__lt=F("target_level"))),
    )
    return Summary(figures["total"], figures["compliant"], figures["below"])
