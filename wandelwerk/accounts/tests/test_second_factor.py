"""The second factor: required for the provider's people and where a municipality asks for it,
set up with an authenticator app, entered at each sign-in, recovery codes once each; demo
accounts are exempt and say so."""

from __future__ import annotations

import re
import time

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from wandelwerk.accounts.tests.helpers import app_code
from wandelwerk.audit.models import Action, AuditEvent
from wandelwerk.core.testing import PASSWORD
from wandelwerk.tenants.tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def sign_in(username: str) -> tuple[Client, str]:
    client = Client()
    response = client.post("/anmelden/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return client, client.get("/").get("Location", "")


@pytest.fixture
def it_admin(home):
    user = UserFactory(username="it-admin", second_factor_exempt=False)
    MembershipFactory(user=user, municipality=None, role="provider_admin")
    return user


def set_up(client, user) -> list[str]:
    client.get(reverse("accounts:second_factor_setup"))
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    page = client.post(
        reverse("accounts:second_factor_setup"), {"code": app_code(device), "next": "/"}
    )
    return re.findall(r"<li><code>(\w+)</code></li>", page.content.decode())


def test_provider_people_set_up_the_app_before_anything_else(it_admin, home):
    client, redirect = sign_in("it-admin")
    assert redirect.startswith("/konto/zweiter-faktor/einrichten/?next=/")
    page = client.get(redirect).content.decode()
    assert 'src="data:image/svg+xml' in page and "Schlüssel zum Eintippen" in page
    assert client.get(reverse("accounts:accounts")).status_code == 302  # still held back
    wrong = client.post(reverse("accounts:second_factor_setup"), {"code": "000000"})
    assert "Der Code stimmt nicht" in wrong.content.decode()
    time.sleep(1.1)  # one wrong code: the next is checked only after a second
    codes = set_up(client, it_admin)
    assert len(codes) == 10
    assert client.get(reverse("accounts:accounts")).status_code == 200
    assert AuditEvent.unscoped_manager.filter(action=Action.SECOND_FACTOR_ON).exists()


def test_each_sign_in_asks_for_a_code_and_recovery_codes_work_once(it_admin, home):
    client, _ = sign_in("it-admin")
    codes = set_up(client, it_admin)
    device = TOTPDevice.objects.get(user=it_admin, confirmed=True)

    client, redirect = sign_in("it-admin")
    assert redirect.startswith("/konto/zweiter-faktor/pruefen/")
    response = client.post(redirect, {"code": app_code(device, steps_ahead=1)})
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get(reverse("accounts:accounts")).status_code == 200

    client, redirect = sign_in("it-admin")
    assert client.post(redirect, {"code": codes[0]})["Location"] == "/"
    client, redirect = sign_in("it-admin")
    again = client.post(redirect, {"code": codes[0]})
    assert again.status_code == 200 and "Der Code stimmt nicht" in again.content.decode()


def test_wrong_codes_are_throttled(it_admin, home):
    client, _ = sign_in("it-admin")
    set_up(client, it_admin)
    device = TOTPDevice.objects.get(user=it_admin, confirmed=True)
    client, redirect = sign_in("it-admin")
    for _ in range(3):
        client.post(redirect, {"code": "123456"})
    # Even the right code waits after failures in a row.
    assert client.post(redirect, {"code": app_code(device, steps_ahead=1)}).status_code == 200


def test_a_municipality_can_require_it_of_all_members(client, users, home):
    editor = UserFactory(username="sachbearbeitung", second_factor_exempt=False)
    MembershipFactory(user=editor, municipality=home, role="editor")
    _, redirect = sign_in("sachbearbeitung")
    assert redirect == ""  # optional so far
    client.force_login(users["municipality_admin"])
    client.post(reverse("accounts:member_second_factor", args=[home.slug]), {"verpflichtend": "1"})
    home.refresh_from_db()
    assert home.require_second_factor
    _, redirect = sign_in("sachbearbeitung")
    assert redirect.startswith("/konto/zweiter-faktor/einrichten/")


def test_demo_accounts_are_exempt_and_say_so(client, home):
    demo = UserFactory(username="anbieter")  # exempt, as the demo makes its accounts
    MembershipFactory(user=demo, municipality=None, role="provider_admin")
    demo_client, redirect = sign_in("anbieter")
    assert redirect == ""
    assert "Demo-Konto" in demo_client.get("/").content.decode()


def test_a_provider_admin_resets_a_lost_phone(client, users, it_admin, home):
    person, _ = sign_in("it-admin")
    set_up(person, it_admin)
    client.force_login(users["provider_admin"])
    assert (
        "Zweiten Faktor zurücksetzen" in client.get(reverse("accounts:accounts")).content.decode()
    )
    client.post(reverse("accounts:account_second_factor_reset", args=[it_admin.pk]))
    assert not TOTPDevice.objects.filter(user=it_admin).exists()
    _, redirect = sign_in("it-admin")
    assert redirect.startswith("/konto/zweiter-faktor/einrichten/")
    assert AuditEvent.unscoped_manager.filter(action=Action.SECOND_FACTOR_OFF).exists()


def test_who_must_use_it_cannot_remove_it(it_admin, home):
    client, _ = sign_in("it-admin")
    set_up(client, it_admin)
    client.post(reverse("accounts:second_factor"), {"remove": "1"})
    assert TOTPDevice.objects.filter(user=it_admin, confirmed=True).exists()
