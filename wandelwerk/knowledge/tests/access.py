from typing import Any

from django.core.files.base import ContentFile

from wandelwerk.core.testing.access_rows import ADMIN, ALL, EDIT, no_kwargs
from wandelwerk.knowledge.models import Attachment
from wandelwerk.knowledge.tests.factories import ArticleFactory

HR = frozenset({"hr"})


def article(m: Any) -> dict[str, Any]:
    return {"pk": ArticleFactory(municipality=m, published=True).pk}


def draft(m: Any) -> dict[str, Any]:
    return {"pk": ArticleFactory(municipality=m).pk}


def step(m: Any) -> dict[str, Any]:
    return {**draft(m), "action": "geprueft"}


def version(m: Any) -> dict[str, Any]:
    return {**article(m), "number": 1}


def attachment(m: Any) -> dict[str, Any]:
    item = ArticleFactory(municipality=m, published=True)
    stored = Attachment(
        municipality=m, article=item, name="a.pdf", content_type="application/pdf", size=8
    )
    stored.file.save("a.pdf", ContentFile(b"%PDF-1.4"), save=True)
    return {"pk": item.pk, "file_pk": stored.pk}


def member(m: Any) -> dict[str, Any]:
    return {"user_pk": ArticleFactory(municipality=m).owner.pk}


ROWS = {
    "knowledge:index": (no_kwargs, ALL, None),
    "knowledge:article_create": (no_kwargs, EDIT, EDIT),
    "knowledge:article_preview": (no_kwargs, None, EDIT),
    "knowledge:article_detail": (article, ALL, None),
    "knowledge:article_update": (article, EDIT, EDIT),
    "knowledge:article_delete": (article, EDIT, EDIT),
    "knowledge:article_action": (step, None, EDIT),
    "knowledge:article_history": (article, EDIT, None),
    "knowledge:article_version": (version, EDIT, None),
    "knowledge:article_diff": (article, EDIT, None),
    "knowledge:attachment_add": (article, None, EDIT),
    "knowledge:attachment_download": (attachment, ALL, None),
    "knowledge:attachment_delete": (attachment, EDIT, EDIT),
    "knowledge:overdue": (no_kwargs, EDIT, None),
    "knowledge:leavers": (no_kwargs, HR, None),
    "knowledge:hand_over": (member, None, HR),
    "knowledge:settings": (no_kwargs, ADMIN, ADMIN),
}


def expertise(m: Any) -> dict[str, Any]:
    from wandelwerk.knowledge.models import Expertise, Topic
    from wandelwerk.organisation.tests.factories import EmployeeFactory, OrgUnitFactory

    employee = EmployeeFactory(org_unit=OrgUnitFactory(municipality=m))
    topic = Topic.objects.unscoped().create(municipality=m, name=f"Thema {employee.pk}")
    return {
        "pk": Expertise.objects.unscoped().create(municipality=m, employee=employee, topic=topic).pk
    }


ROWS |= {
    "knowledge:expertise": (no_kwargs, ALL, None),
    "knowledge:expertise_create": (no_kwargs, EDIT, EDIT),
    "knowledge:expertise_update": (expertise, EDIT, EDIT),
    "knowledge:expertise_delete": (expertise, EDIT, EDIT),
}


def unit(m: Any) -> dict[str, Any]:
    from wandelwerk.organisation.tests.factories import OrgUnitFactory

    return {"pk": OrgUnitFactory(municipality=m).pk}


def person(m: Any) -> dict[str, Any]:
    from wandelwerk.organisation.tests.factories import EmployeeFactory, OrgUnitFactory

    return {"pk": EmployeeFactory(org_unit=OrgUnitFactory(municipality=m)).pk}


ROWS |= {
    "knowledge:risk": (no_kwargs, HR, None),
    "knowledge:risk_rate": (unit, HR, HR),
    "knowledge:risk_history": (person, HR, None),
    "knowledge:handover_create": (no_kwargs, None, HR),
    "knowledge:grants": (no_kwargs, HR, HR),
}
