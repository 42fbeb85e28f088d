from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from wandelwerk.audit.models import AuditEvent
from wandelwerk.tenants.models import Membership, Municipality, SizeClass
from wandelwerk.tenants.tests.factories import MembershipFactory, MunicipalityFactory, UserFactory


@pytest.mark.django_db
def test_provider_admin_creates_a_municipality_with_consultants(client, users):
    consultant = users["consultant"]
    client.force_login(users["provider_admin"])
    response = client.post(
        reverse("accounts:municipality_create"),
        {
            "name": "Neustadt",
            "slug": "neustadt",
            "ags": "05999002",
            "land": "NW",
            "population": "31000",
            "tier": "mittlere",
            "kreis": "Kreis Wesel",
            "consultants": [consultant.pk],
        },
    )
    assert response.status_code == 302
    municipality = Municipality.objects.get(slug="neustadt")
    assert municipality.size_class == SizeClass.M
    assert (municipality.tier, municipality.kreis) == ("mittlere", "Kreis Wesel")
    assert Membership.objects.filter(
        user=consultant, municipality=municipality, role="consultant"
    ).exists()
    assert AuditEvent.unscoped_manager.filter(
        municipality=municipality, object_type="tenants.Municipality"
    ).exists()


@pytest.mark.django_db
def test_create_form_rejects_a_bad_ags_and_a_taken_slug(client, users, home):
    client.force_login(users["provider_admin"])
    response = client.post(
        reverse("accounts:municipality_create"),
        {
            "name": "X",
            "slug": "heimstadt",
            "ags": "123",
            "land": "NW",
            "population": "1",
            "tier": "gemeinde",
        },
    )
    page = response.content.decode()
    assert (
        "Der AGS hat genau 8 Ziffern." in page and "Dieser Kurzname ist bereits vergeben." in page
    )


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["consultant", "municipality_admin", "editor", "viewer"])
def test_only_provider_admins_create_municipalities(client, users, role):
    client.force_login(users[role])
    assert client.get(reverse("accounts:municipality_create")).status_code == 403
    assert (
        client.post(
            reverse("accounts:municipality_create"),
            {"name": "X", "slug": "x", "land": "NW", "population": "1", "tier": "gemeinde"},
        ).status_code
        == 403
    )
    assert not Municipality.objects.filter(slug="x").exists()


@pytest.mark.django_db
def test_provider_admin_assigns_consultants_on_the_members_page(client, users, home):
    new = UserFactory(username="neu-berater")
    MembershipFactory(
        user=new, municipality=MunicipalityFactory(slug="irgendwo"), role="consultant"
    )
    client.force_login(users["provider_admin"])
    response = client.post(
        reverse("accounts:members", args=["heimstadt"]), {"consultants": [new.pk]}
    )
    assert response.status_code == 302
    roles = set(
        Membership.objects.filter(municipality=home, role="consultant").values_list(
            "user__username", flat=True
        )
    )
    assert roles == {"neu-berater"}


@pytest.mark.django_db
def test_create_municipality_command():
    call_command("create_municipality", "bergheim", "Bergheim", "--population", "60000")
    assert Municipality.objects.get(slug="bergheim").name == "Bergheim"
    with pytest.raises(CommandError, match="bereits"):
        call_command("create_municipality", "bergheim", "Bergheim")


@pytest.mark.django_db
def test_the_provider_keeps_a_municipality_s_tier_and_kreis_refusing_stale_saves(
    client, users, home
):
    from wandelwerk.core.forms import fingerprint

    url = reverse("accounts:municipality_data", args=[home.slug])
    client.force_login(users["municipality_admin"])
    assert client.get(url).status_code == 403
    client.force_login(users["provider_admin"])
    assert "Stellung im Aufgabenmodell" in client.get(url).content.decode()
    data = {"name": home.name, "ags": "", "land": "NW", "population": "62000"}
    stand = fingerprint(home)
    response = client.post(
        url, {**data, "tier": "kreisfrei", "kreis": "Kreis Soest", "_stand": stand}
    )
    assert "Eine kreisfreie Stadt gehört zu keinem Kreis." in response.content.decode()
    client.post(url, {**data, "tier": "grosse", "kreis": "Kreis Soest", "_stand": stand})
    home.refresh_from_db()
    assert (home.tier, home.kreis, home.population) == ("grosse", "Kreis Soest", 62000)
    # a form loaded before that save is refused, nothing lost
    response = client.post(url, {**data, "tier": "gemeinde", "kreis": "", "_stand": stand})
    assert "inzwischen an anderer Stelle geändert" in response.content.decode()
    home.refresh_from_db()
    assert home.tier == "grosse"
