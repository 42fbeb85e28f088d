from __future__ import annotations

import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_start_page_lists_only_the_municipalities_a_consultant_is_assigned_to(
    client, users, home, other
):
    client.force_login(users["consultant"])
    page = client.get("/").content.decode()
    assert "Heimstadt" in page and "Anderdorf" not in page


@pytest.mark.django_db
def test_provider_admin_sees_every_municipality_and_can_switch(client, users, home, other):
    client.force_login(users["provider_admin"])
    page = client.get("/").content.decode()
    assert reverse("overview:index", args=["heimstadt"]) in page
    assert reverse("overview:index", args=["anderdorf"]) in page
    assert client.get(reverse("overview:index", args=["anderdorf"])).status_code == 200


@pytest.mark.django_db
def test_start_page_sorts(client, users, home, other):
    client.force_login(users["provider_admin"])
    page = client.get("/?sort=-population").content.decode()
    assert page.index("Heimstadt") < page.index("Anderdorf")
    page = client.get("/?sort=population").content.decode()
    assert page.index("Anderdorf") < page.index("Heimstadt")
