"""The provider's team page and a scenario that overbooks the team, in Chromium: no WCAG 2.1 A/AA
violation found by axe-core, and the team plan runs from the keyboard."""

from __future__ import annotations

import pytest
from django.urls import reverse

from wandelwerk.core.testing.browser import assert_accessible, login
from wandelwerk.roadmap.tests.test_team import _planned, _team

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_team_page_and_overbooking_are_accessible(page, users, home, other):
    _team(engineering=15)
    _planned(other, engineering=20, baseline=True)
    scenario, _plan = _planned(home, engineering=10)
    login(page, "provider_admin")
    page.goto(page.base_url + reverse("team"))
    assert page.locator("h1").count() == 1
    assert_accessible(page, "team")
    page.get_by_role("button", name="Teamplan berechnen").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Teamplan berechnet")  # the message after the run
    page.locator("summary").first.focus()
    page.keyboard.press("Enter")
    assert_accessible(page, "team (mit Teamplan)")
    page.goto(page.base_url + reverse("roadmap:scenario_detail", args=[home.slug, scenario.pk]))
    assert page.get_by_role("heading", name="Dieser Plan überbucht das Team des IT-Dienstleisters")
    assert_accessible(page, "roadmap:scenario_detail (überbucht)")
