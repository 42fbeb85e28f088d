"""The people pages in a real browser: axe-core finds no WCAG 2.1 A/AA violation, and an
invited person arrives by the link in the e-mail, using the keyboard only."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse

from wandelwerk.accounts.tests.helpers import app_code, link_path
from wandelwerk.core.testing.browser import assert_accessible, login
from wandelwerk.tenants.models import Membership

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_people_pages_are_accessible(page, users, home):
    viewer = Membership.objects.get(user=users["viewer"], municipality=home)
    login(page, "provider_admin")
    for name, args in [
        ("accounts:members", [home.slug]),
        ("accounts:member_invite", [home.slug]),
        ("accounts:member_update", [home.slug, viewer.pk]),
        ("accounts:member_end", [home.slug, viewer.pk]),
        ("accounts:accounts", []),
        ("accounts:account_invite", []),
        ("accounts:municipality_create", []),
        ("accounts:municipality_data", [home.slug]),
    ]:
        page.goto(page.base_url + reverse(name, args=args))
        assert_accessible(page, name)
    page.context.clear_cookies()
    for name in ("accounts:password_reset", "accounts:password_reset_done"):
        page.goto(page.base_url + reverse(name))
        assert_accessible(page, name)
    page.goto(page.base_url + reverse("accounts:password_set", args=["MQ", "alt"]))
    assert_accessible(page, "abgelaufener Link")


def test_an_invited_person_arrives_with_the_keyboard(page, users, home):
    login(page, "municipality_admin")
    page.goto(page.base_url + reverse("accounts:member_invite", args=[home.slug]))
    page.fill("input[name=email]", "ina.neu@heimstadt.de")
    page.fill("input[name=name]", "Ina Neu")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/mitglieder/$"))
    assert page.get_by_text("Ina Neu ist eingeladen").is_visible()
    link = link_path(mail.outbox[0])
    page.context.clear_cookies()
    page.goto(page.base_url + link)
    assert page.get_by_role("heading", name="Willkommen bei Wandelwerk").is_visible()
    assert_accessible(page, "Passwort festlegen")
    page.focus("input[name=new_password1]")
    page.keyboard.type("ein-langes-neues-Passwort-7")
    page.keyboard.press("Tab")
    page.keyboard.type("ein-langes-neues-Passwort-7")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/anmelden/$"))
    page.fill("input[name=username]", "ina.neu@heimstadt.de")
    page.fill("input[name=password]", "ein-langes-neues-Passwort-7")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.goto(page.base_url + reverse("overview:index", args=[home.slug]))
    assert page.get_by_role("heading", level=1).first.inner_text().startswith(home.name)


def test_the_second_factor_pages_are_accessible_and_work_with_the_keyboard(page, home):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from wandelwerk.tenants.tests.factories import MembershipFactory, UserFactory

    user = UserFactory(username="it-admin", second_factor_exempt=False)
    MembershipFactory(user=user, municipality=None, role="provider_admin")
    login(page, "it-admin")
    assert "/konto/zweiter-faktor/einrichten/" in page.url
    assert_accessible(page, "Zweiten Faktor einrichten")
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    page.focus("input[name=code]")
    page.keyboard.type(app_code(device))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("heading", name="Ihre Wiederherstellungscodes").is_visible()
    assert_accessible(page, "Wiederherstellungscodes")
    page.goto(page.base_url + reverse("accounts:second_factor"))
    assert_accessible(page, "Zweiter Faktor")
    page.context.clear_cookies()
    login(page, "it-admin")
    assert "/konto/zweiter-faktor/pruefen/" in page.url
    assert_accessible(page, "Code eingeben")


def test_the_login_page_with_identity_providers_is_accessible(page, settings):
    settings.WANDELWERK_OIDC = [
        {"id": "kreis", "name": "Kreis-Login", "domains": ["heimstadt.de"], "roles": []},
        {"id": "stadt", "name": "Stadt-Login (ADFS)", "domains": [], "roles": []},
    ]
    page.goto(page.base_url + "/anmelden/")
    assert page.get_by_role("button", name="Kreis-Login").is_visible()
    assert_accessible(page, "Anmeldung mit Anmeldediensten")
    for name in ("socialaccount_signup", "account_inactive", "socialaccount_login_cancelled"):
        page.goto(page.base_url + reverse(name))
        assert_accessible(page, name)
