"""`manage.py bootstrap` makes an installation ready and can run again after every update."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command

from wandelwerk.assessments.models import Framework
from wandelwerk.measures.models import MeasureTemplate
from wandelwerk.ozg.models import LeikaEntry
from wandelwerk.tenants.models import Membership

pytestmark = pytest.mark.django_db


def run(capsys, *args, **env) -> str:
    call_command("bootstrap", *args)
    return capsys.readouterr().out


def test_bootstrap_loads_the_catalogues_and_makes_the_first_admin_once(capsys, monkeypatch):
    monkeypatch.setenv("WANDELWERK_ADMIN_PASSWORD", "ein-langes-Admin-Passwort-1")
    out = run(capsys, "--admin-email", "IT@Dienstleister.de")
    assert "557 OZG-Leistungen" in out and "Wandelwerk ist bereit" in out
    admin = get_user_model().objects.get(email="it@dienstleister.de")
    assert admin.username == "it@dienstleister.de"
    assert admin.check_password("ein-langes-Admin-Passwort-1")
    assert Membership.objects.get(user=admin).role == "provider_admin"
    counts = (
        LeikaEntry.objects.count(),
        Framework.objects.count(),
        MeasureTemplate.objects.count(),
    )
    again = run(capsys, "--admin-email", "jemand.anders@dienstleister.de")
    assert "Administration des IT-Dienstleisters: vorhanden" in again
    assert get_user_model().objects.count() == 1  # nobody else was made
    assert (
        LeikaEntry.objects.count(),
        Framework.objects.count(),
        MeasureTemplate.objects.count(),
    ) == counts


def test_without_a_password_the_first_admin_is_invited_by_email(capsys, monkeypatch):
    monkeypatch.delenv("WANDELWERK_ADMIN_PASSWORD", raising=False)
    out = run(capsys, "--admin-email", "it@dienstleister.de")
    assert "Einladung an it@dienstleister.de verschickt" in out
    assert "/konto/passwort-setzen/" in mail.outbox[0].body


def test_without_an_address_it_says_what_is_missing(capsys, monkeypatch):
    monkeypatch.delenv("WANDELWERK_ADMIN_EMAIL", raising=False)
    out = run(capsys)
    assert "FEHLT" in out and "create_user" in out
    assert "FEHLT" not in run(capsys, "--no-admin")
