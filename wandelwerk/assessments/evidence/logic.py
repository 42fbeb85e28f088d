"""Use cases of evidence files: adding one to an answer, deleting it, and removing the stored
file once its row is gone."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from wandelwerk.assessments.models import Answer, Assessment, AssessmentLocked, Evidence, Question
from wandelwerk.audit.logic import record, snapshot
from wandelwerk.audit.models import Action
from wandelwerk.core import uploads

DEFAULT_NAME = "Nachweis"
PURPOSE = "als Nachweis"


def check_file(name: str, size: int, stream: Any) -> str:
    """The content type of an acceptable evidence file; raises ``uploads.UploadRejected``."""
    return uploads.check(
        name, size, stream, max_mb=settings.WANDELWERK_EVIDENCE_MAX_MB, purpose=PURPOSE
    )


def _evidence_snapshot(evidence: Evidence) -> dict[str, Any]:
    return {**snapshot(evidence, exclude=["file"]), "file": evidence.file.name}


def add_evidence(
    *, actor: Any, assessment: Assessment, question: Question, upload: UploadedFile[bytes]
) -> Evidence:
    """Store ``upload`` as evidence of the answer to ``question`` (an empty answer is created
    when the question has none yet). Refused while the assessment is locked and for files that
    are too large or not on the allow-list (``uploads.UploadRejected``)."""
    if assessment.locked:
        raise AssessmentLocked("Der DigiCheck ist freigegeben und gesperrt.")
    name = uploads.clean_name(upload.name or "", DEFAULT_NAME)
    content_type = check_file(name, upload.size or 0, upload)
    evidence = Evidence(
        municipality=assessment.municipality,
        name=name,
        content_type=content_type,
        size=upload.size or 0,
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    try:
        with transaction.atomic():
            answer, _created = Answer.objects.get_or_create(
                assessment=assessment,
                question=question,
                defaults={"municipality": assessment.municipality},
            )
            evidence.answer = answer
            evidence.file.save(name, upload, save=False)
            evidence.save()
            record(
                actor=actor,
                action=Action.CREATE,
                obj=evidence,
                object_repr=f"{assessment}: {question.key}: {name}",
                after=_evidence_snapshot(evidence),
            )
    except BaseException:
        if evidence.file.name:
            evidence.file.storage.delete(evidence.file.name)
        raise
    return evidence


@transaction.atomic
def delete_evidence(*, actor: Any, evidence: Evidence) -> None:
    """Delete the evidence record; its stored file goes once the transaction has committed
    (``core.files.discard_after_commit``)."""
    assessment = evidence.answer.assessment
    if assessment.locked:
        raise AssessmentLocked("Der DigiCheck ist freigegeben und gesperrt.")
    before = _evidence_snapshot(evidence)
    repr_ = f"{assessment}: {evidence.answer.question.key}: {evidence.name}"
    evidence_pk = evidence.pk
    evidence.delete()
    record(
        actor=actor,
        action=Action.DELETE,
        obj=evidence,
        object_id=str(evidence_pk),
        object_repr=repr_,
        before=before,
    )
