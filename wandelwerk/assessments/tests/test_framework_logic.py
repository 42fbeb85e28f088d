"""Adapting a questionnaire, called directly: a copy is a draft; only drafts change, each change
audited; publishing runs the loader's check; a draft in use is not deleted."""

from __future__ import annotations

import pytest

from wandelwerk.assessments.frameworks import logic
from wandelwerk.assessments.models import Framework, FrameworkStatus, Question
from wandelwerk.assessments.tests.factories import AssessmentFactory
from wandelwerk.audit.models import Action, AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(framework, users):
    return logic.copy_framework(
        actor=users["provider_admin"], source=framework, key="Kreis", version="1.0", name="Kreis"
    )


def test_a_copy_is_a_draft_with_every_question(framework, draft):
    assert (draft.key, draft.status, draft.based_on) == ("kreis", FrameworkStatus.DRAFT, framework)
    assert draft.questions_in_order().count() == framework.questions_in_order().count()
    with pytest.raises(logic.FrameworkChangeError, match="gibt es schon"):
        logic.copy_framework(actor=None, source=framework, key="kreis", version="1.0", name="X")


def test_parts_of_a_draft_change_and_every_change_is_audited(draft):
    area = draft.areas.first()
    criterion = area.criteria.first()
    question = criterion.questions.first()
    logic.update_framework(actor=None, framework=draft, name="Kreis angepasst")
    logic.update_area(actor=None, area=area, weight=2)
    logic.update_criterion(actor=None, criterion=criterion, name="Neu benannt")
    logic.update_question(actor=None, question=question, text="Gibt es ein Leitbild?")
    question.refresh_from_db()
    assert question.text == "Gibt es ein Leitbild?"
    updates = AuditEvent.unscoped_manager.filter(action=Action.UPDATE)
    assert updates.count() == 4


def test_added_questions_get_the_next_free_key_and_come_last(draft):
    criterion = draft.areas.first().criteria.first()
    levels = {str(i): f"Stufe {i}" for i in range(5)}
    added = logic.add_question(actor=None, criterion=criterion, text="Neu?", levels=levels)
    again = logic.add_question(actor=None, criterion=criterion, text="Noch?", levels=levels)
    assert added.key != again.key and added.key.startswith(criterion.key)
    assert list(draft.questions_in_order())[-2:] == [added, again]
    logic.delete_question(actor=None, question=added)
    assert not Question.objects.filter(pk=added.pk).exists()


def test_published_frameworks_refuse_every_change(framework):
    question = framework.questions_in_order().first()
    for attempt in (
        lambda: logic.update_framework(actor=None, framework=framework, name="X"),
        lambda: logic.update_question(actor=None, question=question, text="X"),
        lambda: logic.delete_question(actor=None, question=question),
        lambda: logic.publish_framework(actor=None, framework=framework),
        lambda: logic.delete_draft(actor=None, framework=framework),
    ):
        with pytest.raises(logic.FrameworkChangeError):
            attempt()


def test_publishing_names_every_problem_or_publishes(draft):
    question = draft.questions_in_order().first()
    Question.objects.filter(pk=question.pk).update(levels={"0": "nur eine Stufe"})
    problems = logic.publish_framework(actor=None, framework=draft)
    assert problems and question.key in " ".join(problems)
    draft.refresh_from_db()
    assert draft.is_draft
    Question.objects.filter(pk=question.pk).update(levels={str(i): f"S{i}" for i in range(5)})
    assert logic.publish_framework(actor=None, framework=draft) == []
    draft.refresh_from_db()
    assert draft.status == FrameworkStatus.PUBLISHED


def test_a_draft_in_use_is_kept(draft, home):
    AssessmentFactory(municipality=home, framework=draft)
    with pytest.raises(logic.FrameworkChangeError, match="DigiChecks"):
        logic.delete_draft(actor=None, framework=draft)
    assert Framework.objects.filter(pk=draft.pk).exists()


def test_an_unused_draft_is_deleted(draft):
    logic.delete_draft(actor=None, framework=draft)
    assert not Framework.objects.filter(pk=draft.pk).exists()
    assert AuditEvent.unscoped_manager.filter(action=Action.DELETE).count() == 1
