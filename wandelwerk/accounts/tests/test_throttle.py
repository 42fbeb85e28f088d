"""The login lockout behind a reverse proxy, and password spraying across user names."""

from __future__ import annotations

import pytest
from django.conf import settings

from wandelwerk.core.testing import PASSWORD
from wandelwerk.tenants.tests.factories import UserFactory

PROXY = "10.0.0.2"


def attempt(client, username, password, *, forwarded=None, remote=PROXY):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return client.post("/anmelden/", {"username": username, "password": password}, **headers)


@pytest.fixture
def behind_proxy(settings):
    settings.PROXY_HOPS = 1


@pytest.mark.django_db
def test_behind_a_proxy_the_lockout_is_per_client_not_per_proxy(client, behind_proxy):
    UserFactory(username="anna")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "anna", "falsch", forwarded="203.0.113.7")
    assert attempt(client, "anna", PASSWORD, forwarded="203.0.113.7").status_code == 429
    # Anna at her desk, behind the same proxy, is not locked out by the attacker.
    assert attempt(client, "anna", PASSWORD, forwarded="192.168.4.20").status_code == 302


@pytest.mark.django_db
def test_addresses_a_client_adds_in_front_are_ignored(client, behind_proxy):
    UserFactory(username="anna")
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "anna", "falsch", forwarded=f"198.51.100.{n}, 203.0.113.7")
    assert attempt(client, "anna", PASSWORD, forwarded="203.0.113.7").status_code == 429


@pytest.mark.django_db
def test_without_a_proxy_the_header_is_not_believed(client):
    UserFactory(username="anna")
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "anna", "falsch", forwarded=f"198.51.100.{n}", remote="203.0.113.7")
    response = attempt(client, "anna", PASSWORD, forwarded="198.51.100.99", remote="203.0.113.7")
    assert response.status_code == 429


@pytest.mark.django_db
def test_password_spraying_from_one_address_is_stopped(client, settings):
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 6
    UserFactory(username="anna")
    for n in range(settings.LOGIN_ADDRESS_FAILURE_LIMIT):
        UserFactory(username=f"user{n}")
        attempt(client, f"user{n}", "Sommer2026!", remote="203.0.113.7")
    response = attempt(client, "anna", PASSWORD, remote="203.0.113.7")
    assert response.status_code == 429
    assert "verschiedenen Benutzernamen" in response.content.decode()
    # Other addresses sign in as before.
    assert attempt(client, "anna", PASSWORD, remote="203.0.113.8").status_code == 302


@pytest.mark.django_db
def test_a_few_mistakes_in_a_town_hall_do_not_block_it(client):
    for n in range(5):
        UserFactory(username=f"user{n}")
        attempt(client, f"user{n}", "vertippt", remote="203.0.113.7")
    UserFactory(username="anna")
    assert attempt(client, "anna", PASSWORD, remote="203.0.113.7").status_code == 302
