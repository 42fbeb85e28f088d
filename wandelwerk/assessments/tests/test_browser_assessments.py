"""The DigiCheck in Chromium: a workshop answered with the keyboard only; axe-core on every page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from wandelwerk.assessments.frameworks.loader import load_all
from wandelwerk.assessments.models import Answer, Question
from wandelwerk.assessments.tests.factories import AssessmentFactory, answer_every_question
from wandelwerk.core.testing.browser import assert_accessible, login
from wandelwerk.tenants import tenancy

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_workshop_with_the_keyboard_only(page, users, home):
    [framework] = load_all()
    assessment = AssessmentFactory(municipality=home, framework=framework)
    login(page, "editor")
    page.goto(page.base_url + reverse("assessments:workshop", args=[home.slug, assessment.pk]))
    assert_accessible(page, "Workshop")
    for key in ["2", "3", "n"]:
        before = page.locator(".ww-workshop__question").inner_text()
        page.keyboard.press(key)
        page.wait_for_function(
            "(q) => document.querySelector('.ww-workshop__question').innerText !== q", arg=before
        )
    assert "gespeichert" in page.locator(".ww-workshop [role=status]").inner_text()
    assert page.url.endswith("/workshop/")  # answered in place, no page loads
    with tenancy.activate(home):
        answers = list(
            Answer.objects.order_by("question__order").values_list("level", "not_applicable")
        )
    assert answers == [(2, False), (3, False), (None, True)]
    assert_accessible(page, "Workshop nach drei Antworten")


def test_digicheck_pages_are_accessible(page, users, home):
    [framework] = load_all()
    assessment = AssessmentFactory(municipality=home, framework=framework)
    login(page, "consultant")
    for name, args in [
        ("assessments:index", [home.slug]),
        ("assessments:create", [home.slug]),
        ("assessments:detail", [home.slug, assessment.pk]),
        ("assessments:results", [home.slug]),
    ]:
        page.goto(page.base_url + reverse(name, args=args))
        assert page.locator("h1").count() == 1, name
        assert_accessible(page, name)


def test_evidence_trend_and_upload_errors_are_accessible(page, users, home, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from wandelwerk.assessments.evidence import logic as evidence_logic
    from wandelwerk.organisation.tests.factories import OrgUnitFactory

    settings.MEDIA_ROOT = tmp_path
    [framework] = load_all()
    unit = OrgUnitFactory(municipality=home, code="FB3", name="Bürgerdienste")
    for year, level in [(2024, 1), (2025, 2)]:
        approved = AssessmentFactory(
            municipality=home, framework=framework, org_unit=unit, date=dt.date(year, 3, 1)
        )
        answer_every_question(approved, level)
        approved.status = "approved"
        approved.save()
    draft = AssessmentFactory(
        municipality=home, framework=framework, org_unit=unit, date=dt.date(2026, 3, 1)
    )
    first = framework.questions_in_order().first()
    with tenancy.activate(home):
        evidence_logic.add_evidence(
            actor=users["editor"],
            assessment=draft,
            question=first,
            upload=SimpleUploadedFile("Prozesslandkarte.pdf", b"%PDF-1.4\n%%EOF\n"),
        )
    login(page, "consultant")
    page.goto(page.base_url + reverse("assessments:detail", args=[home.slug, draft.pk]))
    assert page.locator("svg[aria-labelledby='trend-t trend-d']").count() == 1
    assert page.get_by_role("link", name="Prozesslandkarte.pdf herunterladen").count() == 1
    assert_accessible(page, "DigiCheck mit Entwicklung und Nachweisen")
    page.goto(page.base_url + reverse("assessments:results", args=[home.slug]))
    assert page.locator("svg[aria-labelledby='trend-t trend-d']").count() == 1
    assert_accessible(page, "Ergebnisse mit Entwicklung")

    page.goto(page.base_url + reverse("assessments:workshop", args=[home.slug, draft.pk]))
    assert page.get_by_role("link", name="Prozesslandkarte.pdf herunterladen").count() == 1
    assert_accessible(page, "Workshop mit Nachweis")
    file_input = page.locator(".ww-evidence-form input[type=file]")
    file_input.set_input_files(
        files=[{"name": "setup.pdf", "mimeType": "application/pdf", "buffer": b"MZ\x90\x00" * 20}]
    )
    page.locator(".ww-evidence-form button[type=submit]").click()
    page.wait_for_selector("#workshop #fehler")
    assert "passt nicht zur Endung" in page.locator("#fehler").inner_text()
    assert page.evaluate("() => document.activeElement.id") == "fehler"
    assert page.url.endswith("/workshop/")  # swapped in place
    assert_accessible(page, "Workshop mit abgelehntem Nachweis")
    page.locator(".ww-evidence-form input[type=file]").set_input_files(
        files=[{"name": "Protokoll.txt", "mimeType": "text/plain", "buffer": b"Protokoll\n"}]
    )
    page.locator(".ww-evidence-form button[type=submit]").click()
    page.wait_for_selector("#workshop a:has-text('Protokoll.txt')")
    assert page.locator("#fehler").count() == 0
    with tenancy.activate(home):
        assert sorted(e.name for e in Answer.objects.get(assessment=draft).evidence.all()) == [
            "Protokoll.txt",
            "Prozesslandkarte.pdf",
        ]


def test_framework_pages_are_accessible(page, users):
    from wandelwerk.assessments.frameworks.logic import copy_framework

    [published] = load_all()
    draft = copy_framework(
        actor=users["provider_admin"],
        source=published,
        key="digicheck-kreis",
        version="1.0",
        name="DigiCheck Kreis",
    )
    question = Question.objects.filter(criterion__area__framework=draft).first()
    login(page, "provider_admin")
    for name, args in [
        ("frameworks:list", []),
        ("frameworks:copy", [published.pk]),
        ("frameworks:edit", [published.pk]),
        ("frameworks:edit", [draft.pk]),
        ("frameworks:question", [draft.pk, question.pk]),
        ("frameworks:question_add", [draft.pk, question.criterion.pk]),
        ("frameworks:question_delete", [draft.pk, question.pk]),
        ("frameworks:delete", [draft.pk]),
        ("frameworks:publish", [draft.pk]),
    ]:
        page.goto(page.base_url + reverse(name, args=args))
        assert page.locator("h1").count() == 1, name
        assert_accessible(page, name)
    # A refused publication lists its problems, also without violations.
    question.levels["1"] = ""
    question.save()
    page.goto(page.base_url + reverse("frameworks:edit", args=[draft.pk]))
    page.get_by_role("link", name="Prüfen und veröffentlichen").click()
    assert page.locator("h1").inner_text().endswith("veröffentlichen?")
    page.get_by_role("button", name="Veröffentlichen").click()
    assert page.locator("#publish-problems").is_visible()
    assert_accessible(page, "Veröffentlichen abgelehnt")
