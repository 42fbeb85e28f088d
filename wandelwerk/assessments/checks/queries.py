"""Reads of assessments and their scores; also what the measures' recommendations need."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _

from wandelwerk.assessments.models import (
    Answer,
    Area,
    Assessment,
    AssessmentStatus,
    Evidence,
    Question,
)
from wandelwerk.assessments.scoring import QuestionInput, Scores, gap, score, weakest_area


def assessments() -> QuerySet[Assessment]:
    return Assessment.objects.select_related("org_unit", "framework").annotate(
        answer_count=Count("answers")
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


def result(assessment: Assessment) -> Result:
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
    areas = list(Area.objects.filter(framework=assessment.framework).prefetch_related("criteria"))
    criterion_weights = {c.key: c.weight for a in areas for c in a.criteria.all()}
    criterion_area = {c.key: a.key for a in areas for c in a.criteria.all()}
    scores = score(
        inputs,
        criterion_weights=criterion_weights,
        area_weights={a.key: a.weight for a in areas},
        criterion_area=criterion_area,
    )
    targets = {t.area_key: float(t.level) for t in assessment.targets.all()}
    return Result(
        scores=scores,
        areas=areas,
        targets=targets,
        gaps={a.key: gap(targets.get(a.key), scores.areas.get(a.key)) for a in areas},
        weakest=weakest_area({a.key: scores.areas.get(a.key) for a in areas}),
        answered=sum(
            1
            for q in qs
            if q.pk in answers and (answers[q.pk].level is not None or answers[q.pk].not_applicable)
        ),
        total=len(qs),
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
    points = []
    for assessment in assessments:
        r = result(assessment)
        points.append(
            TrendPoint(
                assessment, {a.key: r.scores.areas.get(a.key) for a in r.areas}, r.scores.overall
            )
        )
    return points


def trend_units() -> list[tuple[int | None, str, int]]:
    """The units with at least one approved assessment: (org unit id or None, name, number of
    approved checks), by code."""
    units: dict[int | None, tuple[str, str]] = {}
    counts: dict[int | None, int] = {}
    for a in Assessment.objects.filter(status=AssessmentStatus.APPROVED).select_related("org_unit"):
        units[a.org_unit_id] = (
            (a.org_unit.code, str(a.org_unit)) if a.org_unit else ("", _("ganze Verwaltung"))
        )
        counts[a.org_unit_id] = counts.get(a.org_unit_id, 0) + 1
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
    """Latest approved assessment of every unit with its area scores and staff (FTE)."""
    from django.db.models import Sum

    from wandelwerk.organisation.models import Employee

    fte = dict(
        Employee.objects.values_list("org_unit__parent_id")
        .annotate(s=Sum("fte"))
        .values_list("org_unit__parent_id", "s")
    )
    fte_direct = dict(
        Employee.objects.values("org_unit_id")
        .annotate(s=Sum("fte"))
        .values_list("org_unit_id", "s")
    )
    rows = []
    for unit_id, assessment in sorted(
        latest_approved().items(), key=lambda kv: kv[1].org_unit.code if kv[1].org_unit else ""
    ):
        r = result(assessment)
        scores = {a: r.scores.areas.get(a) for a in areas}
        staff = float((fte.get(unit_id) or 0) + (fte_direct.get(unit_id) or 0)) if unit_id else 0.0
        rows.append(
            UnitRow(
                str(assessment.org_unit or "ganze Verwaltung"),
                scores,
                r.weakest,
                staff,
                str(assessment.framework),
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
    per_peer: list[dict[str, float | None]] = []
    for peer in peers:
        with tenancy.activate(peer):
            latest = latest_approved()
            if not latest:
                continue
            values: dict[str, list[float]] = {a: [] for a in areas}
            for assessment in latest.values():
                for a, v in result(assessment).scores.areas.items():
                    if v is not None and a in values:
                        values[a].append(v)
            per_peer.append({a: statistics.mean(v) if v else None for a, v in values.items()})
    if len(per_peer) < MIN_PEERS:
        return None
    stats: dict[str, tuple[float, float, float]] = {}
    for a in areas:
        vals = sorted(v for p in per_peer if (v := p[a]) is not None)
        if len(vals) >= MIN_PEERS:
            stats[a] = (vals[0], statistics.median(vals), vals[-1])
    return Comparison(len(per_peer), stats)
