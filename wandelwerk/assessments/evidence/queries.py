"""Reads of evidence files (current municipality only)."""

from __future__ import annotations

from wandelwerk.assessments.models import Assessment, Evidence, Question


def evidence_of(assessment: Assessment, question: Question) -> list[Evidence]:
    return list(Evidence.objects.filter(answer__assessment=assessment, answer__question=question))


def evidence(assessment: Assessment, pk: int) -> Evidence | None:
    """One evidence file of the assessment (None: not found, or not this assessment's)."""
    return (
        Evidence.objects.select_related("answer__question", "answer__assessment")
        .filter(pk=pk, answer__assessment=assessment)
        .first()
    )
