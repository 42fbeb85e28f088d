"""Use cases of a provider adapting a DigiCheck framework: copy a published version into a draft,
edit the draft, publish it after the loader's check, or delete it. Published versions never
change. Every change is audited (without a municipality: frameworks belong to the provider)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify

from wandelwerk.assessments.frameworks.loader import problems
from wandelwerk.assessments.models import (
    Area,
    Assessment,
    Criterion,
    Framework,
    FrameworkStatus,
    Question,
)
from wandelwerk.audit.logic import record, snapshot
from wandelwerk.audit.models import Action


class FrameworkChangeError(ValueError):
    """A change the framework's state does not allow; the message is for the user."""


def _draft(framework: Framework) -> None:
    if not framework.is_draft:
        raise FrameworkChangeError(
            "Veröffentlichte Fragebögen ändern sich nicht mehr; kopieren Sie ihn für eine neue Version."
        )


@transaction.atomic
def copy_framework(
    *, actor: Any, source: Framework, key: str, version: str, name: str
) -> Framework:
    key = slugify(key)
    if not key:
        raise FrameworkChangeError("Der Schlüssel darf nicht leer sein.")
    if Framework.objects.filter(key=key, version=version).exists():
        raise FrameworkChangeError(f"„{key}“ in Version {version} gibt es schon.")
    copy = Framework.objects.create(
        key=key,
        name=name,
        version=version,
        description=source.description,
        scale=source.scale,
        status=FrameworkStatus.DRAFT,
        based_on=source,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    for area in source.areas.prefetch_related("criteria__questions"):
        new_area = Area.objects.create(
            framework=copy,
            key=area.key,
            name=area.name,
            description=area.description,
            weight=area.weight,
            order=area.order,
        )
        for criterion in area.criteria.all():
            new_criterion = Criterion.objects.create(
                area=new_area,
                key=criterion.key,
                name=criterion.name,
                weight=criterion.weight,
                order=criterion.order,
            )
            Question.objects.bulk_create(
                Question(
                    criterion=new_criterion,
                    key=q.key,
                    text=q.text,
                    help=q.help,
                    weight=q.weight,
                    asked_of=q.asked_of,
                    applies_to=q.applies_to,
                    min_staff=q.min_staff,
                    levels=dict(q.levels),
                    order=q.order,
                )
                for q in criterion.questions.all()
            )
    record(
        actor=actor,
        action=Action.CREATE,
        obj=copy,
        after={**snapshot(copy), "kopiert aus": str(source)},
    )
    return copy


def _update(actor: Any, obj: Any, framework: Framework, fields: dict[str, Any]) -> None:
    _draft(framework)
    before = snapshot(obj)
    for field, value in fields.items():
        setattr(obj, field, value)
    obj.full_clean()
    obj.save()
    record(actor=actor, action=Action.UPDATE, obj=obj, before=before, after=snapshot(obj))


@transaction.atomic
def update_framework(*, actor: Any, framework: Framework, **fields: Any) -> None:
    _update(actor, framework, framework, fields)


@transaction.atomic
def update_area(*, actor: Any, area: Area, **fields: Any) -> None:
    _update(actor, area, area.framework, fields)


@transaction.atomic
def update_criterion(*, actor: Any, criterion: Criterion, **fields: Any) -> None:
    _update(actor, criterion, criterion.area.framework, fields)


@transaction.atomic
def update_question(*, actor: Any, question: Question, **fields: Any) -> None:
    _update(actor, question, question.criterion.area.framework, fields)


@transaction.atomic
def add_question(*, actor: Any, criterion: Criterion, **fields: Any) -> Question:
    framework = criterion.area.framework
    _draft(framework)
    taken = set(
        Question.objects.filter(criterion__area__framework=framework).values_list("key", flat=True)
    )
    number = 1
    while f"{criterion.key}-{number}" in taken:
        number += 1
    last = Question.objects.filter(criterion__area__framework=framework).aggregate(m=Max("order"))
    question = Question(
        criterion=criterion,
        key=f"{criterion.key}-{number}",
        order=(last["m"] or 0) + 1,
        **fields,
    )
    question.full_clean()
    question.save()
    record(actor=actor, action=Action.CREATE, obj=question, after=snapshot(question))
    return question


@transaction.atomic
def delete_question(*, actor: Any, question: Question) -> None:
    _draft(question.criterion.area.framework)
    before = snapshot(question)
    record(actor=actor, action=Action.DELETE, obj=question, before=before)
    question.delete()


@transaction.atomic
def publish_framework(*, actor: Any, framework: Framework) -> list[str]:
    """Publish a draft if it passes the loader's check; otherwise return every problem found."""
    _draft(framework)
    found = problems(framework)
    if found:
        return found
    before = snapshot(framework)
    framework.status = FrameworkStatus.PUBLISHED
    framework.save(update_fields=["status"])
    record(
        actor=actor,
        action=Action.TRANSITION,
        obj=framework,
        before=before,
        after=snapshot(framework),
    )
    return []


@transaction.atomic
def delete_draft(*, actor: Any, framework: Framework) -> None:
    _draft(framework)
    if Assessment.objects.unscoped().filter(framework=framework).exists():
        raise FrameworkChangeError("Mit diesem Fragebogen gibt es schon DigiChecks.")
    record(actor=actor, action=Action.DELETE, obj=framework, before=snapshot(framework))
    framework.delete()
