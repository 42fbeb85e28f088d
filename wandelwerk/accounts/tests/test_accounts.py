from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from wandelwerk.core.testing import PASSWORD
from wandelwerk.tenants.tests.factories import UserFactory


def test_passwords_are_hashed_with_argon2_in_production_settings():
    from wandelwerk.conf import settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    assert settings.AUTH_USER_MODEL == "accounts.User"


@pytest.mark.django_db
def test_login_with_username_and_password(client):
    UserFactory(username="anna")
    page = client.get("/anmelden/").content.decode()
    assert 'name="username"' in page and 'name="password"' in page and 'lang="de"' in page
    response = client.post("/anmelden/", {"username": "anna", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/"


@pytest.mark.django_db
def test_wrong_password_shows_a_german_error(client):
    UserFactory(username="anna")
    page = client.post("/anmelden/", {"username": "anna", "password": "falsch"}).content.decode()
    assert "Beide Felder berücksichtigen die Groß-/Kleinschreibung" in page


@pytest.mark.django_db
def test_lockout_after_repeated_failures(client):
    UserFactory(username="anna")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/anmelden/", {"username": "anna", "password": "falsch"})
    response = client.post("/anmelden/", {"username": "anna", "password": PASSWORD})
    assert response.status_code == 429
    assert "vorübergehend gesperrt" in response.content.decode()


@pytest.mark.django_db
def test_logout_and_password_change(client):
    user = UserFactory(username="anna")
    client.force_login(user)
    response = client.post(
        "/konto/passwort/",
        {
            "old_password": PASSWORD,
            "new_password1": "ein-neues-langes-Passwort-42",
            "new_password2": "ein-neues-langes-Passwort-42",
        },
    )
    assert response.status_code == 302
    assert (
        get_user_model().objects.get(username="anna").check_password("ein-neues-langes-Passwort-42")
    )
    assert client.post("/abmelden/").status_code == 302
    assert client.get("/").status_code == 302


@pytest.mark.django_db
def test_logins_and_failed_logins_are_recorded_without_the_password(client):
    from wandelwerk.audit.models import Action, AuditEvent

    UserFactory(username="anna")
    client.post("/anmelden/", {"username": "anna", "password": "geheim-falsch"})
    client.post("/anmelden/", {"username": "anna", "password": PASSWORD})
    events = list(AuditEvent.unscoped_manager.order_by("id"))
    assert [(e.action, e.actor_name, e.object_repr) for e in events] == [
        (Action.LOGIN_FAILED, "System", "anna"),
        (Action.LOGIN, "anna", "anna"),
    ]
    assert all(e.municipality_id is None for e in events)
    assert not any("geheim-falsch" in str(e.before) + str(e.after) for e in events)
