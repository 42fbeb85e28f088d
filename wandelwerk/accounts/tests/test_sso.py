"""Single sign-on against a real (small, local) OpenID Connect identity provider: accounts
come from the provider's groups, memberships follow the groups at every sign-in, local
accounts are joined only for the provider's own domains, and password sign-in stays."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
import requests
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from wandelwerk.accounts.tests.idp import CLIENT_ID, CLIENT_SECRET, LocalIdentityProvider
from wandelwerk.conf.identity import allauth_apps, load_identity_providers
from wandelwerk.core.testing import PASSWORD
from wandelwerk.tenants.models import Membership
from wandelwerk.tenants.tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

RULES = [
    {"pattern": "wandelwerk-it", "role": "provider_admin"},
    {
        "pattern": r"wandelwerk-(?P<municipality>[a-z0-9-]+)-(?P<role>admin|editor|viewer)(?P<personal>-personal)?"
    },
]


@pytest.fixture
def idp(settings):
    with LocalIdentityProvider() as provider:
        config = {
            "id": "kreis",
            "name": "Kreis-Login",
            "server_url": provider.url,
            "client_id": CLIENT_ID,
            "secret": CLIENT_SECRET,
            "domains": ["heimstadt.de"],
            "claim": "groups",
            "second_factor": "idp",
            "roles": RULES,
        }
        settings.WANDELWERK_OIDC = [config]
        settings.SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"APPS": allauth_apps([config])}}
        provider.config = config
        yield provider


def person(email: str, *groups: str, sub: str | None = None) -> dict:
    return {
        "sub": sub or email,
        "email": email,
        "email_verified": True,
        "name": email.split("@")[0].replace(".", " ").title(),
        "groups": list(groups),
    }


def sso_sign_in(client, idp, who: dict, **start):
    idp.next_person = who
    response = client.post(reverse("sso_start"), start or {"anbieter": "kreis"})
    assert response.status_code == 302 and response["Location"].startswith(idp.url)
    at_provider = requests.get(response["Location"], allow_redirects=False, timeout=5)
    back = urlparse(at_provider.headers["Location"])
    return client.get(f"{back.path}?{back.query}")


def test_a_new_person_gets_an_account_with_the_roles_of_their_groups(client, idp, home):
    response = sso_sign_in(
        client, idp, person("jana.roth@heimstadt.de", "wandelwerk-heimstadt-editor-personal")
    )
    assert response.status_code == 302 and response["Location"] == "/"
    jana = get_user_model().objects.get(email="jana.roth@heimstadt.de")
    assert jana.username == "jana.roth@heimstadt.de" and not jana.has_usable_password()
    membership = Membership.objects.get(user=jana)
    assert (membership.municipality, membership.role, membership.source) == (
        home,
        "editor",
        "kreis",
    )
    assert membership.can_view_personal_data
    assert client.get(reverse("overview:index", args=[home.slug])).status_code == 200


def test_memberships_follow_the_groups_and_leave_local_ones_alone(client, idp, home, other):
    who = person("jana.roth@heimstadt.de", "wandelwerk-heimstadt-editor")
    sso_sign_in(client, idp, who)
    jana = get_user_model().objects.get(email="jana.roth@heimstadt.de")
    MembershipFactory(user=jana, municipality=other, role="viewer")  # given in Wandelwerk
    sso_sign_in(client, idp, person("jana.roth@heimstadt.de", "wandelwerk-heimstadt-viewer"))
    assert Membership.objects.get(user=jana, municipality=home).role == "viewer"
    sso_sign_in(client, idp, person("jana.roth@heimstadt.de"))
    assert list(Membership.objects.filter(user=jana).values_list("municipality", "source")) == [
        (other.pk, "")
    ]
    assert client.get(reverse("overview:index", args=[home.slug])).status_code == 404


def test_nobody_without_a_matching_group_gets_an_account(client, idp, home):
    page = sso_sign_in(client, idp, person("gast@heimstadt.de", "kantine"))
    assert "Kein Zugang zu Wandelwerk" in page.content.decode()
    assert not get_user_model().objects.filter(email="gast@heimstadt.de").exists()


def test_an_existing_account_is_joined_for_the_providers_domain_only(client, idp, home):
    local = UserFactory(username="kai", email="kai.berg@heimstadt.de")
    MembershipFactory(user=local, municipality=home, role="editor")
    sso_sign_in(client, idp, person("kai.berg@heimstadt.de", "wandelwerk-heimstadt-editor"))
    assert get_user_model().objects.filter(email="kai.berg@heimstadt.de").count() == 1
    assert client.get("/").wsgi_request.user == local
    # An address of a domain the provider does not answer for never takes over an account.
    UserFactory(username="eva", email="eva@anderswo.de")
    client.logout()
    page = sso_sign_in(client, idp, person("eva@anderswo.de", "wandelwerk-heimstadt-editor"))
    assert page.status_code in (200, 302)
    assert get_user_model().objects.filter(email="eva@anderswo.de").count() == 1
    assert not client.get("/").wsgi_request.user.is_authenticated


def test_the_provider_is_chosen_on_the_login_page_or_by_email_domain(client, idp, home):
    page = client.get("/anmelden/").content.decode()
    assert "Kreis-Login" in page and "dienstliche E-Mail-Adresse" in page
    sso_sign_in(
        client,
        idp,
        person("ole@heimstadt.de", "wandelwerk-heimstadt-viewer"),
        email="ole@heimstadt.de",
    )
    assert client.get("/").wsgi_request.user.email == "ole@heimstadt.de"
    client.logout()
    response = client.post(reverse("sso_start"), {"email": "ole@woanders.de"}, follow=True)
    assert "keine Anmeldung über einen Dienst" in response.content.decode()
    # Password sign-in stays for local accounts.
    UserFactory(username="lokal")
    assert client.post("/anmelden/", {"username": "lokal", "password": PASSWORD})["Location"] == "/"


def test_the_providers_second_factor_counts_unless_configured_otherwise(client, idp, home):
    it = person("it@heimstadt.de", "wandelwerk-it")
    sso_sign_in(client, idp, it)
    assert client.get(reverse("accounts:accounts")).status_code == 200  # the IdP checked it
    client.logout()
    get_user_model().objects.filter(email="it@heimstadt.de").update(second_factor_exempt=False)
    idp.config["second_factor"] = "local"
    sso_sign_in(client, idp, it)
    response = client.get(reverse("accounts:accounts"))
    assert (
        response.status_code == 302 and "/konto/zweiter-faktor/einrichten/" in response["Location"]
    )


def test_a_deactivated_account_does_not_get_in_through_the_provider(client, idp, home):
    sso_sign_in(client, idp, person("jana.roth@heimstadt.de", "wandelwerk-heimstadt-editor"))
    client.logout()
    get_user_model().objects.filter(email="jana.roth@heimstadt.de").update(is_active=False)
    page = sso_sign_in(client, idp, person("jana.roth@heimstadt.de", "wandelwerk-heimstadt-editor"))
    assert not client.get("/").wsgi_request.user.is_authenticated
    assert page.status_code == 302 and "deaktiviert" in page["Location"]


def test_a_wrong_configuration_file_stops_with_a_clear_message(tmp_path):
    file = tmp_path / "sso.yaml"
    file.write_text("providers:\n  - id: kreis\n    name: Kreis\n", encoding="utf-8")
    with pytest.raises(ImproperlyConfigured, match="server_url, client_id"):
        load_identity_providers(str(file))
    file.write_text(
        "providers:\n  - {id: kreis, name: K, server_url: 'https://x', client_id: c, "
        "roles: [{pattern: 'wandelwerk-(['}]}\n",
        encoding="utf-8",
    )
    with pytest.raises(ImproperlyConfigured, match="Muster"):
        load_identity_providers(str(file))
