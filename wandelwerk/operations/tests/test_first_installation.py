"""The whole way into service, as one story: bootstrap on an empty database, the provider's
first admin signs in with a second factor, creates a municipality whose admin is invited by
e-mail, that admin arrives, invites a colleague, and together they run a first DigiCheck."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from wandelwerk.accounts.tests.helpers import app_code, link_path
from wandelwerk.assessments.models import Answer, Assessment
from wandelwerk.audit.models import AuditEvent
from wandelwerk.tenants import tenancy
from wandelwerk.tenants.models import Membership, Municipality

pytestmark = pytest.mark.django_db
ADMIN_PASSWORD = "ein-langes-Admin-Passwort-1"


def arrive(message, password: str) -> Client:
    """Follow the link in an invitation, set the password, sign in."""
    link = link_path(message)
    client = Client()
    form = client.get(link, follow=True).redirect_chain[-1][0]
    assert (
        client.post(form, {"new_password1": password, "new_password2": password}).status_code == 302
    )
    username = re.search(r"Benutzername ist Ihre E-Mail-Adresse: (\S+)", message.body).group(1)
    assert (
        client.post("/anmelden/", {"username": username, "password": password})["Location"] == "/"
    )
    return client


def test_from_bootstrap_to_a_first_digicheck(monkeypatch, capsys):
    monkeypatch.setenv("WANDELWERK_ADMIN_PASSWORD", ADMIN_PASSWORD)
    call_command("bootstrap", "--admin-email", "it@kreis-beispiel.de")
    assert "Wandelwerk ist bereit" in capsys.readouterr().out

    # The provider's admin signs in and must set up the second factor first.
    provider = Client()
    provider.post("/anmelden/", {"username": "it@kreis-beispiel.de", "password": ADMIN_PASSWORD})
    assert provider.get("/")["Location"].startswith("/konto/zweiter-faktor/einrichten/")
    provider.get(reverse("accounts:second_factor_setup"))
    device = TOTPDevice.objects.get(user__email="it@kreis-beispiel.de")
    provider.post(reverse("accounts:second_factor_setup"), {"code": app_code(device)})
    assert provider.get("/").status_code == 200

    # A first municipality with its admin, invited by e-mail.
    response = provider.post(
        reverse("accounts:municipality_create"),
        {
            "name": "Neustadt am Bach",
            "slug": "neustadt",
            "ags": "05999003",
            "land": "NW",
            "population": "24000",
            "tier": "gemeinde",
            "admin_email": "digital@neustadt.de",
            "admin_name": "Dana Digital",
        },
    )
    assert response["Location"] == "/k/neustadt/"
    town = Municipality.objects.get(slug="neustadt")
    (invitation,) = mail.outbox

    # The municipality's admin arrives and invites a colleague.
    admin = arrive(invitation, "Neustadt-am-Bach-2026!")
    admin.post(
        reverse("accounts:member_invite", args=["neustadt"]),
        {"email": "orga@neustadt.de", "name": "Olaf Orga", "role": "editor"},
    )
    colleague = arrive(mail.outbox[1], "Olafs-eigenes-Passwort-9")
    assert set(Membership.objects.filter(municipality=town).values_list("role", flat=True)) == {
        "municipality_admin",
        "editor",
    }

    # Together they run the first DigiCheck with the framework the bootstrap loaded.
    page = admin.get(reverse("assessments:create", args=["neustadt"]))
    framework = page.context["form"].fields["framework"].queryset.get()
    created = admin.post(
        reverse("assessments:create", args=["neustadt"]),
        {
            "framework": framework.pk,
            "date": "2026-12-01",
            "participants": "Dana Digital\nOlaf Orga",
        },
    )
    assert created.status_code == 302
    with tenancy.activate(town):
        assessment = Assessment.objects.get()
    workshop = reverse("assessments:workshop", args=["neustadt", assessment.pk])
    colleague.post(workshop, {"n": "0", "level": "2", "version": "0", "comment": "Erster Schritt"})
    with tenancy.activate(town):
        answer = Answer.objects.get(assessment=assessment)
    assert (answer.level, answer.comment) == (2, "Erster Schritt")
    detail = admin.get(reverse("assessments:detail", args=["neustadt", assessment.pk]))
    assert detail.status_code == 200 and "Neustadt am Bach" in detail.content.decode()

    # Every step is on record.
    assert AuditEvent.unscoped_manager.filter(municipality=town).count() >= 5
