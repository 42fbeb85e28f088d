"""Every status change of a DigiCheck for every role (``logic.TRANSITIONS`` × ``rules.py``):
allowed ones change the status and are audited, the others answer 403 and change nothing; an
approved check is locked for answers, targets and evidence."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wandelwerk.assessments.checks import logic
from wandelwerk.assessments.evidence import logic as evidence_logic
from wandelwerk.assessments.models import Answer, Assessment, AssessmentLocked, Evidence, Target
from wandelwerk.assessments.tests.access import framework as small_framework
from wandelwerk.assessments.tests.factories import AssessmentFactory
from wandelwerk.audit.models import Action, AuditEvent
from wandelwerk.core.testing.access_rows import ALL, CONSULT, EDIT
from wandelwerk.tenants import tenancy

ADMIN = frozenset({"provider_admin", "municipality_admin"})
ALLOWED = {
    ("draft", "in_review"): EDIT,
    ("in_review", "draft"): EDIT,
    ("in_review", "approved"): CONSULT,
    ("approved", "draft"): ADMIN,
}


def test_the_table_covers_every_transition_and_names_its_permission():
    assert set(ALLOWED) == set(logic.TRANSITIONS)
    assert logic.TRANSITIONS == {
        ("draft", "in_review"): "assessments.change",
        ("in_review", "draft"): "assessments.change",
        ("in_review", "approved"): "assessments.approve",
        ("approved", "draft"): "assessments.reopen",
    }


@pytest.fixture
def check(home):
    def make(status: str) -> Assessment:
        return AssessmentFactory(
            municipality=home,
            framework=small_framework(),
            status=status,
            approved_at=dt.datetime(2026, 5, 2, tzinfo=dt.UTC) if status == "approved" else None,
        )

    return make


def post(client, home, assessment, to):
    """The transition, confirmed where it asks (open questions: see test_assessments)."""
    return client.post(
        reverse("assessments:transition", args=[home.slug, assessment.pk]),
        {"to": to, "trotzdem": "ja"},
    )


@pytest.mark.django_db
@pytest.mark.parametrize("role", sorted(ALL))
@pytest.mark.parametrize(("source", "to"), sorted(ALLOWED))
def test_each_transition_for_each_role(client, users, home, check, role, source, to):
    assessment = check(source)
    client.force_login(users[role])
    response = post(client, home, assessment, to)
    assessment.refresh_from_db()
    with tenancy.activate(home):
        events = list(AuditEvent.objects.filter(action=Action.TRANSITION))
    if role in ALLOWED[(source, to)]:
        assert response.status_code == 302 and response["Location"].endswith(
            f"/digicheck/{assessment.pk}/"
        )
        assert assessment.status == to
        assert (assessment.approved_at is not None) == (to == "approved")
        [event] = events
        assert (event.actor, event.object_id) == (users[role], str(assessment.pk))
        assert (event.before["status"], event.after["status"]) == (source, to)
    else:
        assert response.status_code == 403
        assert assessment.status == source and events == []


@pytest.mark.django_db
@pytest.mark.parametrize("role", sorted(ALL))
def test_the_detail_page_offers_only_what_the_role_may_do(client, users, home, check, role):
    client.force_login(users[role])
    for source in ("draft", "in_review", "approved"):
        page = client.get(check(source).get_absolute_url()).content.decode()
        offered = {to for (s, to) in ALLOWED if s == source and f'value="{to}"' in page}
        expected = {to for (s, to), roles in ALLOWED.items() if s == source and role in roles}
        assert offered == expected, source


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("source", "to"),
    [("draft", "approved"), ("approved", "in_review"), ("draft", "draft"), ("draft", "gibt-es")],
)
def test_changes_outside_the_table_are_refused_with_a_message(
    client, users, home, check, source, to
):
    assessment = check(source)
    client.force_login(users["provider_admin"])
    response = post(client, home, assessment, to)
    assert response.status_code == 302
    assert (
        "Dieser Statuswechsel ist nicht möglich."
        in client.get(response["Location"]).content.decode()
    )
    assessment.refresh_from_db()
    assert assessment.status == source
    with tenancy.activate(home):
        assert not AuditEvent.objects.filter(action=Action.TRANSITION).exists()
    with tenancy.activate(home), pytest.raises(ValueError):
        logic.transition(actor=users["provider_admin"], assessment=assessment, to=to)


@pytest.mark.django_db
def test_approved_locks_answers_targets_and_evidence(
    client, users, home, check, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    assessment = check("approved")
    question = small_framework().areas.get().criteria.get().questions.get()
    client.force_login(users["consultant"])
    workshop = reverse("assessments:workshop", args=[home.slug, assessment.pk])
    response = client.post(workshop, {"n": "0", "level": "3", "version": "0"})
    assert response.status_code == 302
    assert "gesperrt" in client.get(response["Location"]).content.decode()
    response = client.post(assessment.get_absolute_url(), {"change": "3"})
    assert response.status_code == 302
    response = client.post(
        reverse("assessments:evidence_upload", args=[home.slug, assessment.pk]),
        {"question": question.pk, "file": SimpleUploadedFile("a.pdf", b"%PDF-1.4\n")},
    )
    assert response.status_code == 302
    with tenancy.activate(home):
        assert not Answer.objects.exists()
        assert not Target.objects.exists()
        assert not Evidence.objects.exists()
        for call in (
            lambda: logic.save_answer(
                actor=users["consultant"],
                assessment=assessment,
                question=question,
                level=1,
                not_applicable=False,
                comment="",
                version=0,
            ),
            lambda: logic.set_targets(actor=users["consultant"], assessment=assessment, targets={}),
            lambda: evidence_logic.add_evidence(
                actor=users["consultant"],
                assessment=assessment,
                question=question,
                upload=SimpleUploadedFile("a.pdf", b"%PDF-1.4\n"),
            ),
        ):
            with pytest.raises(AssessmentLocked):
                call()
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]
    page = client.get(assessment.get_absolute_url()).content.decode()
    assert "Workshop-Modus" not in page and "Soll speichern" not in page
    assert "Nachweis hochladen" not in page


@pytest.mark.django_db
def test_reopening_is_audited_and_unlocks(client, users, home, check):
    assessment = check("approved")
    client.force_login(users["municipality_admin"])
    post(client, home, assessment, "draft")
    assessment.refresh_from_db()
    assert (assessment.status, assessment.approved_at, assessment.locked) == ("draft", None, False)
    with tenancy.activate(home):
        event = AuditEvent.objects.get(action=Action.TRANSITION)
    assert event.actor == users["municipality_admin"]
    assert event.object_type == "assessments.Assessment"
    assert event.before["status"] == "approved" and event.before["approved_at"]
    assert event.after["status"] == "draft" and event.after["approved_at"] is None
    client.force_login(users["editor"])
    response = client.post(
        reverse("assessments:workshop", args=[home.slug, assessment.pk]),
        {"n": "0", "level": "2", "version": "0"},
    )
    assert response.status_code == 302
    with tenancy.activate(home):
        assert Answer.objects.get().level == 2
