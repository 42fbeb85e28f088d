"""Reads of assessments and their scores; also what the measures' recommendations need."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from wandelwerk.assessments.models import (
    AREA_KEYS,
    Answer,
    Area,
    Assessment,
    AssessmentStatus,
    Criterion,
    Evidence,
    Question,
)
from wandelwerk.assessments.scoring import (
    QuestionInput,
    Scores,
    gap,
    rollup,
    score,
    weakest_area,
)


def assessments() -> QuerySet[Assessment]:
    """The list's checks with their number of answers, counted per check on the answers' index
    (a count grouped by every column of the check, its stored scores among them, took most of
    a city's list); the scores and notes the list does not show are left out."""
    answers = (  # the check is the tenant's: its answers need no second filter (which would
        # make SQLite walk every answer of the municipality instead of the check's)
        Answer.objects.unscoped()
        .filter(assessment=OuterRef("pk"))
        .order_by()
        .values("assessment")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        Assessment.objects.select_related("org_unit", "framework")
        .defer("scores", "not_asked", "participants")
        .annotate(answer_count=Coalesce(Subquery(answers), 0))
    )


def questions(assessment: Assessment) -> list[Question]:
    """The questions the check asks, in the workshop's order (see ``Assessment.not_asked``)."""
    return list(assessment.asked_questions())


@dataclass(frozen=True)
class Result:
    scores: Scores
    areas: list[Area]
    targets: dict[str, float]
    gaps: dict[str, float | None]
    weakest: str | None
    answered: int
    total: int


def not_asked_rows(assessment: Assessment) -> list[tuple[Question, str]]:
    """The framework's questions this check does not ask, each with why."""
    if not assessment.not_asked:
        return []
    found = assessment.framework.questions_in_order().filter(key__in=list(assessment.not_asked))
    return [(q, assessment.not_asked[q.key]) for q in found]


def computed_scores(assessment: Assessment) -> dict[str, Any]:
    """The check's scores from its answers, in the form ``Assessment.scores`` stores them."""
    qs = questions(assessment)
    answers = {a.question_id: a for a in Answer.objects.filter(assessment=assessment)}
    inputs = [
        QuestionInput(
            q.criterion.key,
            q.weight,
            answers[q.pk].level if q.pk in answers and not answers[q.pk].not_applicable else None,
        )
        for q in qs
    ]
    criteria = list(Criterion.objects.filter(area__framework=assessment.framework_id))
    areas = list(Area.objects.filter(framework=assessment.framework_id))
    found = score(
        inputs,
        criterion_weights={c.key: c.weight for c in criteria},
        area_weights={a.key: a.weight for a in areas},
        criterion_area={c.key: a.key for a in areas for c in criteria if c.area_id == a.pk},
    )
    return {
        "criteria": found.criteria,
        "areas": found.areas,
        "overall": found.overall,
        "answered": sum(
            1
            for q in qs
            if q.pk in answers and (answers[q.pk].level is not None or answers[q.pk].not_applicable)
        ),
        "total": len(qs),
    }


def stored_scores(assessment: Assessment) -> dict[str, Any]:
    """The scores of a check without asking the database again once it is approved: stored at
    approval (checks approved before scores were stored get them on first need, from their
    locked answers); a draft's are computed each time."""
    if assessment.scores:
        return assessment.scores
    found = computed_scores(assessment)
    if assessment.status == AssessmentStatus.APPROVED:
        assessment.scores = found
        Assessment.objects.unscoped().filter(pk=assessment.pk).update(scores=found)
    return found


def approved_areas(pk: int, stored: dict[str, float | None] | None) -> dict[str, float | None]:
    """An approved check's area scores as read with ``scores__areas`` (no model instance); a
    check approved before scores were stored gets them computed, and stored, on first need."""
    return stored or stored_scores(Assessment.objects.get(pk=pk))["areas"]


def area_scores(assessment: Assessment) -> dict[str, float | None]:
    """Area key → score, in the order of the four areas."""
    areas = stored_scores(assessment)["areas"]
    return {key: areas.get(key) for key in AREA_KEYS}


def result(assessment: Assessment) -> Result:
    data = stored_scores(assessment)
    areas = list(
        Area.objects.filter(framework=assessment.framework_id).prefetch_related("criteria")
    )
    scores = Scores(data["criteria"], data["areas"], data["overall"])
    targets = {t.area_key: float(t.level) for t in assessment.targets.all()}
    return Result(
        scores=scores,
        areas=areas,
        targets=targets,
        gaps={a.key: gap(targets.get(a.key), scores.areas.get(a.key)) for a in areas},
        weakest=weakest_area({a.key: scores.areas.get(a.key) for a in areas}),
        answered=data["answered"],
        total=data["total"],
    )


def latest_approved() -> dict[Any, Assessment]:
    """The latest approved assessment per org unit (None: the whole administration)."""
    latest: dict[Any, Assessment] = {}
    for a in (
        Assessment.objects.filter(status=AssessmentStatus.APPROVED)
        .select_related("org_unit", "framework")
        .order_by("date", "id")
    ):
        latest[a.org_unit_id] = a
    return latest


def previous_approved(assessment: Assessment) -> Assessment | None:
    return (
        Assessment.objects.filter(
            status=AssessmentStatus.APPROVED, org_unit=assessment.org_unit, date__lt=assessment.date
        )
        .order_by("-date")
        .first()
    )


@dataclass(frozen=True)
class AnswerRow:
    """One question of an assessment with its answer (None: not answered yet) and evidence."""

    question: Question
    answer: Answer | None
    evidence: list[Evidence]


def answer_rows(assessment: Assessment) -> list[AnswerRow]:
    """Every question of the assessment's framework in order, with answer and evidence files."""
    answers = {
        a.question_id: a
        for a in Answer.objects.filter(assessment=assessment)
        .select_related("updated_by")
        .prefetch_related("evidence")
    }
    rows = []
    for question in questions(assessment):
        answer = answers.get(question.pk)
        rows.append(AnswerRow(question, answer, list(answer.evidence.all()) if answer else []))
    return rows


@dataclass(frozen=True)
class TrendPoint:
    assessment: Assessment
    scores: dict[str, float | None]  # area key → Ist
    overall: float | None


def trend(org_unit_id: int | None, *, until: Assessment | None = None) -> list[TrendPoint]:
    """The approved assessments of one unit (None: the whole administration) by date, each with
    its area scores from :func:`result`. With ``until``: only those dated before it, followed by
    ``until`` itself whatever its status."""
    approved = Assessment.objects.filter(
        status=AssessmentStatus.APPROVED, org_unit_id=org_unit_id
    ).select_related("org_unit", "framework")
    if until is not None:
        approved = approved.filter(date__lt=until.date).exclude(pk=until.pk)
    assessments = list(approved.order_by("date", "id"))
    if until is not None:
        assessments.append(until)
    return [TrendPoint(a, area_scores(a), stored_scores(a)["overall"]) for a in assessments]


def trend_units() -> list[tuple[int | None, str, int]]:
    """The units with at least one approved assessment: (org unit id or None, name, number of
    approved checks), by code."""
    units: dict[int | None, tuple[str, str]] = {}
    counts: dict[int | None, int] = {}
    approved = Assessment.objects.filter(status=AssessmentStatus.APPROVED)
    for unit_id, code, name in approved.values_list(
        "org_unit_id", "org_unit__code", "org_unit__name"
    ):
        units[unit_id] = (code, f"{code} {name}") if unit_id else ("", _("ganze Verwaltung"))
        counts[unit_id] = counts.get(unit_id, 0) + 1
    return [
        (pk, name, counts[pk]) for pk, (_code, name) in sorted(units.items(), key=lambda kv: kv[1])
    ]


@dataclass(frozen=True)
class UnitRow:
    name: str
    scores: dict[str, float | None]
    weakest: str | None
    fte: float
    framework: str = ""  # name and version the result was made with


def unit_rows(areas: list[str]) -> list[UnitRow]:
    """Latest approved assessment of every unit with its area scores and staff (FTE); of each
    check only what the rows show is read (no model instances, not its scores per criterion)."""
    from wandelwerk.organisation.queries import unit_fte

    fte = unit_fte()
    latest: dict[int | None, tuple[Any, ...]] = {}
    for row in (
        Assessment.objects.filter(status=AssessmentStatus.APPROVED)
        .order_by("date", "id")
        .values_list(
            "pk",
            "org_unit_id",
            "org_unit__code",
            "org_unit__name",
            "framework__name",
            "framework__version",
            "scores__areas",
        )
    ):
        latest[row[1]] = row
    rows = []
    for pk, unit_id, code, name, framework, version, stored in sorted(
        latest.values(), key=lambda row: row[2] or ""
    ):
        found = approved_areas(pk, stored)
        scores = {a: found.get(a) for a in areas}
        rows.append(
            UnitRow(
                f"{code} {name}" if unit_id else "ganze Verwaltung",
                scores,
                weakest_area(scores),
                fte.get(unit_id, 0.0) if unit_id else 0.0,
                f"{framework} {version}",
            )
        )
    return rows


@dataclass(frozen=True)
class Comparison:
    peers: int
    stats: dict[str, tuple[float, float, float]]  # area → (min, median, max)


MIN_PEERS = 5


def comparison(municipality: Any, areas: list[str]) -> Comparison | None:
    """Area scores of the other municipalities of the same size class (anonymous; at least 5)."""
    import statistics

    from wandelwerk.tenants import tenancy
    from wandelwerk.tenants.models import Municipality

    peers = Municipality.objects.filter(size_class=municipality.size_class).exclude(
        pk=municipality.pk
    )
    latest: dict[tuple[int, int | None], Assessment] = {}
    for assessment in (
        Assessment.objects.unscoped()
        .filter(municipality__in=peers, status=AssessmentStatus.APPROVED)
        .select_related("municipality")
        .order_by("date", "id")
    ):
        latest[(assessment.municipality_id, assessment.org_unit_id)] = assessment
    values: dict[int, dict[str, list[float]]] = {}
    for (peer, _unit), assessment in latest.items():
        if assessment.scores:
            scores = area_scores(assessment)
        else:  # approved before scores were stored: computed once, in its own tenancy
            with tenancy.activate(assessment.municipality):
                scores = area_scores(assessment)
        mine = values.setdefault(peer, {k: [] for k in areas})
        for a in areas:
            if (value := scores.get(a)) is not None:
                mine[a].append(value)
    per_peer = [
        {a: statistics.mean(v) if v else None for a, v in by_area.items()}
        for by_area in values.values()
    ]
    if len(per_peer) < MIN_PEERS:
        return None
    stats: dict[str, tuple[float, float, float]] = {}
    for a in areas:
        vals = sorted(v for p in per_peer if (v := p[a]) is not None)
        if len(vals) >= MIN_PEERS:
            stats[a] = (vals[0], statistics.median(vals), vals[-1])
    return Comparison(len(per_peer), stats)


def administration_trend(areas: list[str]) -> list[tuple[Any, dict[str, float | None]]]:
    """The whole administration's maturity per area at the end of each half-year in which
    checks were approved: every unit's latest approved check up to then, weighted by FTE (as
    ``administration_scores``). Each point carries the date of the last check it includes."""
    from wandelwerk.organisation.queries import unit_fte

    fte = unit_fte()
    latest: dict[int | None, Assessment] = {}
    points: list[tuple[Any, dict[str, float | None]]] = []
    approved = Assessment.objects.filter(status=AssessmentStatus.APPROVED).order_by("date", "id")
    for _half, group in itertools.groupby(approved, key=lambda a: (a.date.year, a.date.month > 6)):
        for check in group:
            latest[check.org_unit_id] = check
        rows = [
            UnitRow(
                "", {k: area_scores(c).get(k) for k in areas}, None, fte.get(u, 0.0) if u else 0.0
            )
            for u, c in latest.items()
        ]
        points.append((check.date, administration_scores(rows, areas)))
    return points


def administration_scores(rows: list[UnitRow], areas: list[str]) -> dict[str, float | None]:
    """Each area's score for the whole administration: the units' scores weighted by FTE."""
    return {k: rollup((r.scores.get(k), r.fte or 1.0) for r in rows) for k in areas}
