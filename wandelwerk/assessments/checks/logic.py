"""Use cases of assessments: answering (with protection against silent overwrites), targets,
and the status flow draft → in review → approved (locked); re-opening only for admins."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from wandelwerk.assessments.checks.queries import computed_scores, questions
from wandelwerk.assessments.checks.scope import questions_not_asked
from wandelwerk.assessments.models import (
    Answer,
    Assessment,
    AssessmentLocked,
    AssessmentStatus,
    Framework,
    Question,
    Target,
)
from wandelwerk.audit.logic import record, save_audited, snapshot
from wandelwerk.audit.models import Action
from wandelwerk.tenants.tenancy import require_municipality

TRANSITIONS = {
    ("draft", "in_review"): "assessments.change",
    ("in_review", "draft"): "assessments.change",
    ("in_review", "approved"): "assessments.approve",
    ("approved", "draft"): "assessments.reopen",
}


@dataclass(frozen=True)
class Conflict:
    """The answer changed since the user loaded it: both values are shown, nothing is lost."""

    theirs: Answer
    mine_level: int | None
    mine_not_applicable: bool
    mine_comment: str


@transaction.atomic
def create_assessment(
    *, actor: Any, framework: Framework, org_unit: Any, date: dt.date, participants: str = ""
) -> Assessment:
    assessment = Assessment(
        municipality=require_municipality(),
        framework=framework,
        org_unit=org_unit,
        date=date,
        participants=participants,
        not_asked=questions_not_asked(framework, org_unit),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    save_audited(actor=actor, instance=assessment, before=None)
    return assessment


@transaction.atomic
def save_answer(
    *,
    actor: Any,
    assessment: Assessment,
    question: Question,
    level: int | None,
    not_applicable: bool,
    comment: str,
    version: int,
    keep_level: bool = False,
) -> Answer | Conflict:
    """Save an answer if nobody changed it since ``version``; otherwise return the conflict.
    ``keep_level`` saves the comment alone and leaves a chosen level as it is. A level outside
    the question's levels is refused (``ValueError``)."""
    if assessment.locked:
        raise AssessmentLocked("Der DigiCheck ist freigegeben und gesperrt.")
    if question.key in assessment.not_asked:
        raise ValueError(f"{question.key} wird in diesem DigiCheck nicht gefragt.")
    if level is not None and str(level) not in question.levels:
        raise ValueError(f"Stufe {level} gibt es bei {question.key} nicht.")
    answer = (
        Answer.objects.select_for_update().filter(assessment=assessment, question=question).first()
    )
    if answer is not None and answer.version != version:
        return Conflict(answer, level, not_applicable, comment)
    before = snapshot(answer) if answer else None
    answer = answer or Answer(
        municipality=assessment.municipality, assessment=assessment, question=question
    )
    if not keep_level:
        answer.level = None if not_applicable else level
        answer.not_applicable = not_applicable
    answer.comment = comment.strip()
    answer.version += 1
    answer.updated_by = actor if getattr(actor, "is_authenticated", False) else None
    answer.save()
    record(
        actor=actor,
        action=Action.CREATE if before is None else Action.UPDATE,
        obj=answer,
        object_repr=f"{assessment}: {question.key}",
        before=before,
        after=snapshot(answer),
    )
    return answer


@transaction.atomic
def set_targets(*, actor: Any, assessment: Assessment, targets: dict[str, Decimal]) -> None:
    if assessment.locked:
        raise AssessmentLocked("Der DigiCheck ist freigegeben und gesperrt.")
    before = {t.area_key: str(t.level) for t in assessment.targets.all()}
    for area, level in targets.items():
        Target.objects.update_or_create(
            municipality=assessment.municipality,
            assessment=assessment,
            area_key=area,
            defaults={"level": level},
        )
    after = {t.area_key: str(t.level) for t in assessment.targets.all()}
    if before != after:
        record(
            actor=actor,
            action=Action.UPDATE,
            obj=assessment,
            object_repr=f"Soll: {assessment}",
            before=before,
            after=after,
        )


def open_questions(assessment: Assessment) -> list[tuple[int, Question]]:
    """(position in the workshop, question) of the questions without a level and not marked
    „nicht zutreffend“, in their order."""
    done = set(
        Answer.objects.filter(assessment=assessment)
        .exclude(level__isnull=True, not_applicable=False)
        .values_list("question_id", flat=True)
    )
    return [(i, q) for i, q in enumerate(questions(assessment)) if q.pk not in done]


def approval_refusal(*, actor: Any, assessment: Assessment) -> str | None:
    """Why ``actor`` may not approve ``assessment`` under the municipality's four-eyes rule."""
    if assessment.municipality.check_four_eyes and assessment.submitted_by_id == actor.pk:
        return (
            "Vier-Augen-Prinzip: Wer den DigiCheck zur Prüfung gegeben hat, kann ihn nicht "
            "selbst freigeben."
        )
    return None


@transaction.atomic
def set_four_eyes(*, actor: Any, municipality: Any, required: bool) -> None:
    """Switch the municipality's four-eyes rule for approving DigiChecks."""
    before = {"check_four_eyes": municipality.check_four_eyes}
    municipality.check_four_eyes = required
    municipality.save(update_fields=["check_four_eyes"])
    record(
        actor=actor,
        action=Action.UPDATE,
        obj=municipality,
        municipality=municipality,
        before=before,
        after={"check_four_eyes": required},
    )


def allowed_transitions(assessment: Assessment) -> list[tuple[str, str]]:
    return [(to, perm) for (src, to), perm in TRANSITIONS.items() if src == assessment.status]


@transaction.atomic
def transition(*, actor: Any, assessment: Assessment, to: str) -> Assessment:
    if (assessment.status, to) not in TRANSITIONS:
        raise ValueError("Dieser Statuswechsel ist nicht möglich.")
    refusal = (
        approval_refusal(actor=actor, assessment=assessment)
        if to == AssessmentStatus.APPROVED
        else None
    )
    if refusal:
        raise ValueError(refusal)
    before = snapshot(assessment)
    assessment.status = to
    assessment.approved_at = timezone.now() if to == AssessmentStatus.APPROVED else None
    # Scored once, when approved: the locked answers never change the scores again.
    assessment.scores = computed_scores(assessment) if to == AssessmentStatus.APPROVED else {}
    if to == AssessmentStatus.IN_REVIEW:
        assessment.submitted_by = actor if getattr(actor, "is_authenticated", False) else None
    elif to == AssessmentStatus.DRAFT:
        assessment.submitted_by = None
    assessment.save(update_fields=["status", "approved_at", "submitted_by", "scores"])
    record(
        actor=actor,
        action=Action.TRANSITION,
        obj=assessment,
        before=before,
        after=snapshot(assessment),
    )
    return assessment
