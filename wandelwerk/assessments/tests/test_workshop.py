"""The workshop as moderators run it: it resumes where the work stopped, skips to open
questions, keeps a comment without a level, refuses levels a question does not have, and asks
before a check with open questions goes into review."""

from __future__ import annotations

import pytest
from django.urls import reverse

from wandelwerk.assessments.checks import logic
from wandelwerk.assessments.models import Answer
from wandelwerk.tenants import tenancy

pytestmark = pytest.mark.django_db


def workshop(home, assessment):
    return reverse("assessments:workshop", args=[home.slug, assessment.pk])


def answer(assessment, n, level=2, **extra):
    questions = list(assessment.framework.questions_in_order())
    with tenancy.activate(assessment.municipality):
        logic.save_answer(
            actor=None, assessment=assessment, question=questions[n], level=level,
            not_applicable=False, comment="", version=0, **extra,
        )  # fmt: skip
    return questions


def test_the_workshop_resumes_at_the_first_open_question(client, users, home, assessment):
    answer(assessment, 0)
    questions = answer(assessment, 1)
    client.force_login(users["editor"])
    page = client.get(workshop(home, assessment)).content.decode()
    assert f"{questions[2].key}: " in page
    assert (
        f"{questions[0].key}: " in client.get(workshop(home, assessment), {"n": 0}).content.decode()
    )


def test_next_open_question_skips_the_answered_ones(client, users, home, assessment):
    answer(assessment, 1)
    answer(assessment, 2)
    client.force_login(users["editor"])
    page = client.get(workshop(home, assessment), {"n": 0}).content.decode()
    assert 'href="?n=3">Nächste Frage ohne Antwort' in page


def test_a_comment_saves_on_its_own_and_keeps_the_level(client, users, home, assessment):
    questions = answer(assessment, 0, level=3)
    client.force_login(users["editor"])
    client.post(workshop(home, assessment), {"n": 0, "version": 1, "comment": "Vertretung fehlt"})
    client.post(workshop(home, assessment), {"n": 1, "version": 0, "comment": "noch offen"})
    with tenancy.activate(home):
        first = Answer.objects.get(question=questions[0])
        second = Answer.objects.get(question=questions[1])
    assert (first.level, first.comment) == (3, "Vertretung fehlt")
    assert (second.level, second.comment) == (None, "noch offen")  # kept, and still open


def test_levels_outside_the_question_are_refused(client, users, home, assessment):
    client.force_login(users["editor"])
    assert (
        client.post(workshop(home, assessment), {"n": 0, "version": 0, "level": "7"}).status_code
        == 400
    )
    assert client.get(workshop(home, assessment), {"n": "abc"}).status_code == 400
    questions = list(assessment.framework.questions_in_order())
    with tenancy.activate(home), pytest.raises(ValueError, match="Stufe 9"):
        logic.save_answer(
            actor=None, assessment=assessment, question=questions[0], level=9,
            not_applicable=False, comment="", version=0,
        )  # fmt: skip


def test_submitting_with_open_questions_lists_them_and_asks(client, users, home, assessment):
    questions = answer(assessment, 0)
    client.force_login(users["editor"])
    url = reverse("assessments:transition", args=[home.slug, assessment.pk])
    page = client.post(url, {"to": "in_review"}).content.decode()
    assert questions[1].key in page and questions[0].key + ":" not in page
    assessment.refresh_from_db()
    assert assessment.status == "draft"
    client.post(url, {"to": "in_review", "trotzdem": "ja"})
    assessment.refresh_from_db()
    assert assessment.status == "in_review"


def test_four_eyes_who_submitted_may_not_approve(client, users, home, assessment):
    url = reverse("assessments:transition", args=[home.slug, assessment.pk])
    client.force_login(users["municipality_admin"])
    client.post(reverse("assessments:four_eyes", args=[home.slug]), {"vier_augen": "1"})
    home.refresh_from_db()
    assert home.check_four_eyes
    client.post(url, {"to": "in_review", "trotzdem": "ja"})
    refused = client.post(url, {"to": "approved"}, follow=True)
    assert "Vier-Augen-Prinzip" in refused.content.decode()
    assessment.refresh_from_db()
    assert (assessment.status, assessment.submitted_by) == (
        "in_review",
        users["municipality_admin"],
    )
    client.force_login(users["consultant"])
    client.post(url, {"to": "approved"})
    assessment.refresh_from_db()
    assert assessment.status == "approved"
    client.force_login(users["editor"])
    assert (
        client.post(
            reverse("assessments:four_eyes", args=[home.slug]), {"vier_augen": "0"}
        ).status_code
        == 403
    )


def test_without_four_eyes_the_submitter_may_approve(client, users, home, assessment):
    url = reverse("assessments:transition", args=[home.slug, assessment.pk])
    client.force_login(users["consultant"])
    client.post(url, {"to": "in_review", "trotzdem": "ja"})
    client.post(url, {"to": "approved"})
    assessment.refresh_from_db()
    assert assessment.status == "approved"
