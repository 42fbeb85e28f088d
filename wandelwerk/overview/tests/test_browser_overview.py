"""The cockpit, the portfolio and the funding programmes in Chromium: no WCAG 2.1 A/AA violation found by axe-core,
and the portfolio's sorting and filtering work with the keyboard."""

from __future__ import annotations

import pytest
from django.urls import reverse

from wandelwerk.core.testing.browser import assert_accessible, login
from wandelwerk.overview.tests.test_cockpit import _checked_and_planned

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_cockpit_and_portfolio_are_accessible(page, users, home, other):
    _checked_and_planned(home)
    login(page, "provider_admin")
    page.goto(page.base_url + reverse("overview:index", args=[home.slug]))
    assert page.locator("h1").count() == 1
    assert_accessible(page, "overview:index")
    for name in ("measures:funding", "measures:funding_create"):
        page.goto(page.base_url + reverse(name, args=[home.slug]))
        assert page.locator("h1").count() == 1, name
        assert_accessible(page, name)
    page.goto(page.base_url + "/")
    assert_accessible(page, "overview:start")
    page.get_by_role("link", name="Bündel erledigt").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**sort=bundle**")
    rows = page.locator("tbody th a")
    assert rows.nth(0).inner_text() == "Heimstadt"  # 75 %; Anderdorf has no plan: last


def test_my_work_is_accessible_and_reminders_switch_off_by_keyboard(page, users, home, other):
    from wandelwerk.overview.tests.test_work import _work_for

    _work_for(home, other, users)
    login(page, "editor")
    page.goto(page.base_url + reverse("overview:work"))
    assert page.locator("h1").count() == 1
    assert_accessible(page, "overview:work")
    page.get_by_label("Einmal in der Woche eine E-Mail mit dem, was fällig ist").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Speichern").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Erinnerungen per E-Mail sind ausgeschaltet.")
