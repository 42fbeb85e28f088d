from typing import Any

from wandelwerk.assessments.models import Area, Assessment, Criterion, Framework, Question
from wandelwerk.core.testing.access_rows import ALL, EDIT, no_kwargs


def framework() -> Framework:
    fw, created = Framework.objects.get_or_create(
        key="test", version="1", defaults={"name": "Test"}
    )
    if created:
        area = Area.objects.create(framework=fw, key="change", name="Change-Management")
        criterion = Criterion.objects.create(area=area, key="C1", name="Führung")
        Question.objects.create(
            criterion=criterion,
            key="C-1",
            text="Frage?",
            levels={str(i): f"Stufe {i}" for i in range(5)},
        )
    return fw


def assessment(m: Any) -> dict[str, Any]:
    import datetime as dt

    return {
        "pk": Assessment.objects.unscoped()
        .create(municipality=m, framework=framework(), date=dt.date(2026, 5, 1))
        .pk
    }


def evidence(m: Any) -> dict[str, Any]:
    """An evidence file (stored for real, so that the download answers 200)."""
    from django.core.files.base import ContentFile

    from wandelwerk.assessments.models import Answer, Evidence

    kwargs = assessment(m)
    answer = Answer.objects.unscoped().create(
        municipality=m,
        assessment_id=kwargs["pk"],
        question=Question.objects.filter(criterion__area__framework=framework()).first(),
        level=2,
    )
    item = Evidence(
        municipality=m, answer=answer, name="Organigramm.pdf", content_type="application/pdf"
    )
    item.size = 12
    item.file.save("Organigramm.pdf", ContentFile(b"%PDF-1.4\n%%EOF"), save=False)
    item.save()
    return {**kwargs, "evidence_pk": item.pk}


ROWS = {
    "assessments:index": (no_kwargs, ALL, None),
    "assessments:create": (no_kwargs, EDIT, EDIT),
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
