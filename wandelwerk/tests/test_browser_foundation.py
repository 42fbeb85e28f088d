"""The foundation's pages in a real browser: axe-core finds no WCAG 2.1 A/AA violation, and the
shell works with the keyboard."""

from __future__ import annotations

import pytest
from django.urls import reverse

from wandelwerk.core.testing.browser import assert_accessible, login
from wandelwerk.organisation.tests.factories import EmployeeFactory, ITSystemFactory, OrgUnitFactory
from wandelwerk.tenants import tenancy

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def inventory(home):
    top = OrgUnitFactory(municipality=home, code="FB1", name="Zentrale Dienste")
    unit = OrgUnitFactory(
        municipality=home, code="1.1", name="Personal", parent=top, citizen_contact=True
    )
    employee = EmployeeFactory(org_unit=unit, position="Sachbearbeitung Personal")
    system = ITSystemFactory(municipality=home, name="Personalwesen")
    with tenancy.activate(home):
        system.org_units.set([unit])
    return {"unit": unit, "employee": employee, "system": system}


def test_login_page_is_accessible(page):
    page.goto(page.base_url + "/anmelden/")
    assert_accessible(page, "Anmeldung")
    # A failed login shows the error summary; it must be accessible too.
    page.fill("input[name=username]", "niemand")
    page.fill("input[name=password]", "falsch")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    page.locator("#fehler").wait_for(state="visible")
    assert_accessible(page, "Anmeldung mit Fehler")


def test_the_footer_stays_at_the_bottom_of_a_short_page(page):
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.goto(page.base_url + "/anmelden/")
    box = page.locator("footer").bounding_box()
    assert box is not None and box["y"] + box["height"] >= 999


def test_every_foundation_page_is_accessible(page, users, home, inventory):
    login(page, "hr")  # sees personal data too
    slug = home.slug
    unit, employee, system = inventory["unit"].pk, inventory["employee"].pk, inventory["system"].pk
    names = [
        ("overview:start", []),
        ("overview:index", [slug]),
        ("organisation:index", [slug]),
        ("organisation:orgunit_list", [slug]),
        ("organisation:orgunit_create", [slug]),
        ("organisation:orgunit_detail", [slug, unit]),
        ("organisation:orgunit_update", [slug, unit]),
        ("organisation:orgunit_delete", [slug, unit]),
        ("organisation:employee_list", [slug]),
        ("organisation:employee_create", [slug]),
        ("organisation:employee_detail", [slug, employee]),
        ("organisation:employee_update", [slug, employee]),
        ("organisation:employee_delete", [slug, employee]),
        ("organisation:itsystem_list", [slug]),
        ("organisation:agelimit_list", [slug]),
        ("organisation:agelimit_create", [slug]),
        ("organisation:itsystem_create", [slug]),
        ("organisation:itsystem_detail", [slug, system]),
        ("organisation:itsystem_update", [slug, system]),
        ("organisation:itsystem_delete", [slug, system]),
        ("ozg:index", [slug]),
        ("assessments:index", [slug]),
        ("measures:index", [slug]),
        ("roadmap:index", [slug]),
        ("knowledge:index", [slug]),
        ("reports:index", [slug]),
        ("accounts:password_change", []),
    ]
    for name, args in names:
        page.goto(page.base_url + reverse(name, args=args))
        assert page.locator("h1").count() == 1, name
        assert_accessible(page, name)
    # A form with errors: summary plus errors at the fields.
    page.goto(page.base_url + reverse("organisation:orgunit_create", args=[slug]))
    with page.expect_navigation():
        page.click("main button[type=submit]")
    page.locator("#fehler").wait_for(state="visible")
    assert_accessible(page, "Formular mit Fehlern")


def test_admin_pages_are_accessible(page, users, home, inventory):
    login(page, "provider_admin")
    for name, args in [
        ("accounts:municipality_create", []),
        ("accounts:members", [home.slug]),
        ("audit:log", [home.slug]),
    ]:
        page.goto(page.base_url + reverse(name, args=args))
        assert_accessible(page, name)


def test_skip_link_and_navigation_work_with_the_keyboard(page, users, home):
    login(page, "viewer")
    page.goto(page.base_url + reverse("overview:index", args=[home.slug]))
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Zum Inhalt springen"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhalt"
    # The navigation names every section and marks the current one.
    nav = page.locator("nav.ww-nav")
    for label in [
        "Übersicht",
        "Organisation",
        "Leistungen",
        "DigiCheck",
        "Maßnahmen",
        "Fahrplan",
        "Wissen",
        "Berichte",
    ]:
        assert nav.get_by_role("link", name=label).count() == 1
    assert nav.locator("[aria-current=page]").inner_text() == "Übersicht"
