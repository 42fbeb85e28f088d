"""The DigiCheck in Chromium: a workshop answered with the keyboard only; axe-core on every page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from wandelwerk.assessments.frameworks import load_all
from wandelwerk.assessments.models import Answer, Assessment
from wandelwerk.core import tenancy
from wandelwerk.core.testing.browser import assert_accessible, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_workshop_with_the_keyboard_only(page, users, home):
    [framework] = load_all()
    assessment = Assessment.objects.unscoped().create(
        municipality=home, framework=framework, date=dt.date(2026, 5, 1)
    )
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
    assessment = Assessment.objects.unscoped().create(
        municipality=home, framework=framework, date=dt.date(2026, 5, 1)
    )
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
