"""Reads of assessments and their scores; also what the measures' recommendations need."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, QuerySet

from wandelwerk.assessments.models import Answer, Area, Assessment, AssessmentStatus, Question
from wandelwerk.assessments.scoring import QuestionInput, Scores, gap, score, weakest_area


def assessments() -> QuerySet[Assessment]:
    return Assessment.objects.select_related("org_unit", "framework").annotate(
        answer_count=Count("answers")
    )


def questions(assessment: Assessment) -> list[Question]:
    return list(
        Question.objects.filter(criterion__area__framework=assessment.framework)
        .select_related("criterion__area")
        .order_by("order")
    )


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
            q.key,
            q.criterion.key,
            q.criterion.area.key,
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
        answered=sum(1 for a in answers.values() if a.level is not None or a.not_applicable),
        total=len(qs),
    )


def latest_approved() -> dict[Any, Assessment]:
    """The latest approved assessment per org unit (None: the whole administration)."""
    latest: dict[Any, Assessment] = {}
    for a in (
        Assessment.objects.filter(status=AssessmentStatus.APPROVED)
        .select_related("org_unit")
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
