"""Inviting people, setting a password from a link, roles, ending access, deactivating."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from wandelwerk.accounts import logic, people
from wandelwerk.accounts.tests.helpers import link_path
from wandelwerk.audit.models import Action, AuditEvent
from wandelwerk.tenants.models import Membership, Municipality
from wandelwerk.tenants.tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "ein-langes-neues-Passwort-7"


def invite(client, home, **data):
    fields = {"email": "lena.berg@heimstadt.de", "name": "Lena Berg", "role": "editor"} | data
    return client.post(reverse("accounts:member_invite", args=[home.slug]), fields)


def set_password(link: str, client=None):
    client = client or Client()
    form = client.get(link, follow=True)  # Django moves the token out of the address first
    return client.post(
        form.redirect_chain[-1][0] if form.redirect_chain else link,
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )


def test_an_admin_invites_by_email_and_the_link_sets_the_password_once(client, users, home):
    client.force_login(users["municipality_admin"])
    assert invite(client, home).status_code == 302
    (message,) = mail.outbox
    assert message.to == ["lena.berg@heimstadt.de"] and "Heimstadt" in message.subject
    assert "Rolle „Bearbeitung“" in message.body and "72 Stunden" in message.body
    person = get_user_model().objects.get(email="lena.berg@heimstadt.de")
    assert not person.has_usable_password()
    members = client.get(reverse("accounts:members", args=[home.slug])).content.decode()
    assert "Lena Berg" in members and "eingeladen" in members

    link = link_path(message)
    assert set_password(link).status_code == 302
    anna = Client()
    assert (
        anna.post("/anmelden/", {"username": person.username, "password": NEW_PASSWORD})["Location"]
        == "/"
    )
    assert anna.get(reverse("overview:index", args=[home.slug])).status_code == 200
    # The link worked once: now it is spent.
    again = Client().get(link, follow=True).content.decode()
    assert "Dieser Link gilt nicht mehr" in again
    actions = set(
        AuditEvent.unscoped_manager.filter(
            object_type="accounts.User", object_id=str(person.pk)
        ).values_list("action", flat=True)
    )
    assert {Action.CREATE, Action.INVITE, Action.PASSWORD_SET} <= actions


def test_an_invitation_link_expires(client, users, home, monkeypatch):
    client.force_login(users["municipality_admin"])
    invite(client, home)
    link = link_path(mail.outbox[0])
    later = dt.datetime.now() + dt.timedelta(hours=73)
    monkeypatch.setattr(default_token_generator, "_now", lambda: later)
    assert "Dieser Link gilt nicht mehr" in Client().get(link, follow=True).content.decode()


def test_someone_with_an_account_is_told_of_the_new_access_without_a_password_link(
    client, users, home
):
    users["viewer"].email = "viewer@example.org"
    users["viewer"].save()
    other = Municipality.objects.exclude(pk=home.pk).get()
    client.force_login(users["provider_admin"])
    invite(client, other, email="viewer@example.org", role="viewer")
    (message,) = mail.outbox
    assert "passwort-setzen" not in message.body and "Zugang" in message.subject
    assert Membership.objects.filter(user=users["viewer"], municipality=other).exists()


def test_municipality_admins_give_only_their_roles_and_no_personal_right_they_lack(
    client, users, home
):
    client.force_login(users["municipality_admin"])
    page = client.get(reverse("accounts:member_invite", args=[home.slug])).content.decode()
    assert 'value="consultant"' not in page and "Personaldaten" not in page
    invite(client, home, role="consultant")
    assert not mail.outbox
    with pytest.raises(logic.MembershipError, match="Personaldaten"):
        people.invite(
            actor=users["municipality_admin"],
            email="x@example.org",
            name="",
            municipality=home,
            role="editor",
            can_view_personal_data=True,
        )
    # An admin who holds the right may give it.
    holder = UserFactory(username="personalamt")
    MembershipFactory(
        user=holder, municipality=home, role="municipality_admin", can_view_personal_data=True
    )
    client.force_login(holder)
    invite(client, home, email="hr@heimstadt.de", can_view_personal_data="on")
    assert Membership.objects.get(user__email="hr@heimstadt.de").can_view_personal_data


def test_a_role_change_is_audited_and_a_stale_one_refused(client, users, home):
    membership = Membership.objects.get(user=users["viewer"], municipality=home)
    url = reverse("accounts:member_update", args=[home.slug, membership.pk])
    client.force_login(users["municipality_admin"])
    context = client.get(url).context
    hidden = {"_stand": context["stand"], "_gezeigt": context["shown"]}
    assert client.post(url, {"role": "editor"} | hidden).status_code == 302
    membership.refresh_from_db()
    assert membership.role == "editor"
    assert AuditEvent.unscoped_manager.filter(
        object_type="tenants.Membership", action=Action.UPDATE, object_id=str(membership.pk)
    ).exists()
    html = client.post(url, {"role": "municipality_admin"} | hidden).content.decode()
    assert "inzwischen an anderer Stelle geändert" in html and "Lesezugriff" in html
    membership.refresh_from_db()
    assert membership.role == "editor"


def test_nobody_changes_their_own_role_and_consultants_stay_the_providers(client, users, home):
    own = Membership.objects.get(user=users["municipality_admin"], municipality=home)
    with pytest.raises(logic.MembershipError, match="eigene"):
        people.change_membership(
            actor=users["municipality_admin"],
            membership=own,
            role="viewer",
            can_view_personal_data=False,
        )
    consultant = Membership.objects.get(user=users["consultant"], municipality=home)
    with pytest.raises(logic.MembershipError, match="Beratung"):
        people.end_membership(actor=users["municipality_admin"], membership=consultant)


def test_ending_access_takes_effect_on_the_next_click(client, users, home):
    editor = Client()
    editor.force_login(users["editor"])
    start = reverse("overview:index", args=[home.slug])
    assert editor.get(start).status_code == 200
    membership = Membership.objects.get(user=users["editor"], municipality=home)
    client.force_login(users["municipality_admin"])
    url = reverse("accounts:member_end", args=[home.slug, membership.pk])
    assert "beenden?" in client.get(url).content.decode()
    client.post(url)
    assert editor.get(start).status_code == 302  # no access left: the account is deactivated
    users["editor"].refresh_from_db()
    assert not users["editor"].is_active


def test_provider_admins_deactivate_an_account_and_its_sessions_end(client, users, home):
    viewer = Client()
    viewer.force_login(users["viewer"])
    start = reverse("overview:index", args=[home.slug])
    client.force_login(users["provider_admin"])
    accounts = client.get(reverse("accounts:accounts")).content.decode()
    assert "viewer" in accounts and "Deactivieren" not in accounts and "Deaktivieren" in accounts
    url = reverse("accounts:account_active", args=[users["viewer"].pk])
    client.post(url, {"aktiv": "0"})
    response = viewer.get(start)
    assert response.status_code == 302 and response["Location"].startswith("/anmelden/")
    client.post(url, {"aktiv": "1"})
    viewer.force_login(users["viewer"])
    assert viewer.get(start).status_code == 200
    changes = AuditEvent.unscoped_manager.filter(object_type="accounts.User", action="update")
    assert [e.after for e in changes.order_by("pk")] == [{"is_active": False}, {"is_active": True}]


def test_the_accounts_page_is_for_provider_admins_only(client, users):
    for role in ("consultant", "municipality_admin", "editor"):
        client.force_login(users[role])
        for name in ("accounts:accounts", "accounts:account_invite"):
            assert client.get(reverse(name)).status_code == 403
        for name in ("accounts:account_active", "accounts:account_second_factor_reset"):
            url = reverse(name, args=[users["viewer"].pk])
            assert client.post(url, {"aktiv": "0"}).status_code == 403
    users["viewer"].refresh_from_db()
    assert users["viewer"].is_active


def test_provider_admins_invite_another_provider_admin(client, users):
    client.force_login(users["provider_admin"])
    client.post(
        reverse("accounts:account_invite"),
        {"email": "it@dienstleister.de", "name": "Sam Ott", "role": "provider_admin"},
    )
    assert Membership.objects.get(user__email="it@dienstleister.de").role == "provider_admin"
    assert "alle Kommunen" in mail.outbox[0].subject


def test_a_new_municipality_gets_its_first_admin_invited(client, users):
    client.force_login(users["provider_admin"])
    client.post(
        reverse("accounts:municipality_create"),
        {
            "name": "Neustadt",
            "slug": "neustadt",
            "land": "NW",
            "population": "31000",
            "tier": "mittlere",
            "admin_email": "it@neustadt.de",
            "admin_name": "Kim Neu",
        },
    )
    membership = Membership.objects.get(user__email="it@neustadt.de")
    assert membership.role == "municipality_admin" and membership.municipality.slug == "neustadt"
    assert mail.outbox[0].to == ["it@neustadt.de"]


def test_password_reset_by_email_without_telling_who_has_an_account(client):
    user = UserFactory(username="jonas", email="jonas@heimstadt.de")
    unknown = client.post(reverse("accounts:password_reset"), {"email": "wer@nirgends.de"})
    known = client.post(reverse("accounts:password_reset"), {"email": "jonas@heimstadt.de"})
    assert unknown["Location"] == known["Location"]  # the same answer either way
    (message,) = mail.outbox
    link = link_path(message)
    assert set_password(link).status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert "Passwort vergessen?" in client.get("/anmelden/").content.decode()


def test_create_user_command_for_scripts(capsys, home, monkeypatch):
    call_command("create_user", "admin", "--email", "admin@dienstleister.de", "--provider-admin")
    out = capsys.readouterr().out
    assert "Administration IT-Dienstleister" in out and "/konto/passwort-setzen/" in out
    monkeypatch.setenv("NEUES_PASSWORT", NEW_PASSWORD)
    call_command(
        "create_user",
        "kim",
        "--email",
        "kim@heimstadt.de",
        "--municipality",
        home.slug,
        "--role",
        "editor",
        "--personal-data",
        "--password-env",
        "NEUES_PASSWORT",
    )
    kim = get_user_model().objects.get(username="kim")
    assert kim.check_password(NEW_PASSWORD)
    assert Membership.objects.get(user=kim).can_view_personal_data
    call_command(
        "create_user",
        "lou",
        "--email",
        "lou@heimstadt.de",
        "--municipality",
        home.slug,
        "--role",
        "viewer",
        "--invite",
    )
    assert mail.outbox[0].to == ["lou@heimstadt.de"]
    with pytest.raises(CommandError, match="--role"):
        call_command("create_user", "x", "--email", "x@y.de", "--municipality", home.slug)
    monkeypatch.setenv("KURZ", "kurz")
    with pytest.raises(CommandError, match="zu kurz"):
        call_command(
            "create_user", "y", "--email", "y@y.de", "--provider-admin", "--password-env", "KURZ"
        )


def test_a_mail_server_that_fails_keeps_the_invitation_and_says_so(client, users, home, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    client.force_login(users["municipality_admin"])
    page = invite(client, home)
    messages = [str(m) for m in page.wsgi_request._messages]
    assert any("konnte nicht verschickt werden" in m for m in messages)
    assert Membership.objects.filter(user__email="lena.berg@heimstadt.de").exists()
