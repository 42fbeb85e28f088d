from typing import Any

from wandelwerk.assessments.models import Framework
from wandelwerk.assessments.tests.factories import (
    AnswerFactory,
    AssessmentFactory,
    EvidenceFactory,
    FrameworkFactory,
)
from wandelwerk.core.testing.access_rows import ADMIN, ALL, EDIT, no_kwargs


def framework() -> Framework:
    """A published questionnaire with one question, shared by every row."""
    return FrameworkFactory(key="test", version="1")


def assessment(m: Any) -> dict[str, Any]:
    return {"pk": AssessmentFactory(municipality=m, framework=framework()).pk}


def evidence(m: Any) -> dict[str, Any]:
    """An evidence file (stored for real, so that the download answers 200)."""
    item = EvidenceFactory(
        answer=AnswerFactory(assessment=AssessmentFactory(municipality=m, framework=framework()))
    )
    return {"pk": item.answer.assessment_id, "evidence_pk": item.pk}


ROWS = {
    "assessments:index": (no_kwargs, ALL, None),
    "assessments:create": (no_kwargs, EDIT, EDIT),
    "assessments:four_eyes": (no_kwargs, None, ADMIN),
    "assessments:results": (no_kwargs, ALL, None),
    "assessments:detail": (assessment, ALL, EDIT),
    "assessments:workshop": (assessment, ALL, EDIT),
    "assessments:transition": (assessment, None, EDIT),
    "assessments:export": (assessment, ALL, None),
    "assessments:evidence_upload": (assessment, None, EDIT),
    "assessments:workshop_evidence_upload": (assessment, None, EDIT),
    "assessments:evidence_download": (evidence, ALL, None),
    "assessments:evidence_delete": (evidence, EDIT, EDIT),
}
