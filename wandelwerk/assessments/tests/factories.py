"""Factories of questionnaires (frameworks) and DigiChecks.

``FrameworkFactory`` builds a published questionnaire with one area, one criterion and one
question; ``FrameworkFactory(draft=True)`` a draft. ``AssessmentFactory`` is a draft check of the
whole administration; traits ``in_review`` and ``approved``. ``AnswerFactory`` answers level 2;
trait ``not_applicable``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from wandelwerk.assessments.checks.queries import questions
from wandelwerk.assessments.models import (
    Answer,
    Area,
    Assessment,
    AssessmentStatus,
    Criterion,
    Evidence,
    Framework,
    FrameworkStatus,
    Question,
    Target,
)
from wandelwerk.core.testing.files import PDF
from wandelwerk.tenants.tests.factories import MunicipalityFactory

LEVELS = {str(i): f"Stufe {i}" for i in range(5)}


class FrameworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Framework
        django_get_or_create = ("key", "version")
        skip_postgeneration_save = True

    key = factory.Sequence(lambda n: f"fragebogen-{n}")
    version = "1"
    name = factory.Sequence(lambda n: f"Fragebogen {n}")
    status = FrameworkStatus.PUBLISHED

    class Params:
        draft = factory.Trait(status=FrameworkStatus.DRAFT)

    @factory.post_generation
    def questions(obj, create, extracted, **kwargs):
        """One question unless ``questions=0`` (or another number) is given."""
        if not create or obj.areas.exists():
            return
        count = 1 if extracted is None else extracted
        if count:
            criterion = CriterionFactory(area=AreaFactory(framework=obj))
            QuestionFactory.create_batch(count, criterion=criterion)


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area

    framework = factory.SubFactory(FrameworkFactory, questions=0)
    key = "change"
    name = "Change-Management"


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    area = factory.SubFactory(AreaFactory)
    key = factory.Sequence(lambda n: f"K{n}")
    name = factory.Sequence(lambda n: f"Kriterium {n}")


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    criterion = factory.SubFactory(CriterionFactory)
    key = factory.Sequence(lambda n: f"F-{n}")
    text = factory.Sequence(lambda n: f"Frage {n}?")
    levels = LEVELS
    order = factory.Sequence(lambda n: n)


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assessment

    municipality = factory.SubFactory(MunicipalityFactory)
    framework = factory.SubFactory(FrameworkFactory)
    date = dt.date(2026, 5, 1)

    class Params:
        in_review = factory.Trait(status=AssessmentStatus.IN_REVIEW)
        approved = factory.Trait(
            status=AssessmentStatus.APPROVED, approved_at=factory.LazyFunction(timezone.now)
        )


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Answer

    municipality = factory.LazyAttribute(lambda o: o.assessment.municipality)
    assessment = factory.SubFactory(AssessmentFactory)
    question = factory.LazyAttribute(lambda o: o.assessment.framework.questions_in_order().first())
    level = 2

    class Params:
        not_applicable_answer = factory.Trait(level=None, not_applicable=True)


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    municipality = factory.LazyAttribute(lambda o: o.assessment.municipality)
    assessment = factory.SubFactory(AssessmentFactory)
    area_key = "change"
    level = Decimal("3.0")


class EvidenceFactory(factory.django.DjangoModelFactory):
    """A PDF stored for real (the storage is the test's MEDIA_ROOT)."""

    class Meta:
        model = Evidence

    municipality = factory.LazyAttribute(lambda o: o.answer.municipality)
    answer = factory.SubFactory(AnswerFactory)
    name = "Organigramm.pdf"
    content_type = "application/pdf"
    size = len(PDF)
    file = factory.LazyAttribute(lambda o: ContentFile(PDF, name=o.name))


def answer_every_question(
    assessment: Assessment, level: int | None, *, by_area: dict[str, int] | None = None
) -> list[Answer]:
    """Answers to every question the assessment asks, in one insert: ``level``, or
    the level ``by_area`` gives the question's area."""
    levels = by_area or {}
    return Answer.objects.bulk_create(
        AnswerFactory.build(
            assessment=assessment,
            question=question,
            level=levels.get(question.criterion.area.key, level),
        )
        for question in questions(assessment)
    )
