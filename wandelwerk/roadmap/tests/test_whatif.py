"""What if: a changed budget, capacity or weight shows its plan at once and stores nothing;
the values can become a new scenario."""

from __future__ import annotations

import pytest
from django.urls import reverse

from wandelwerk.roadmap.models import Plan, Scenario
from wandelwerk.roadmap.planning import plan_scenario
from wandelwerk.roadmap.tests.conftest import TODAY
from wandelwerk.tenants import tenancy

pytestmark = pytest.mark.django_db


def values(scenario, **changes):
    data = {name: getattr(scenario, name) for name in Scenario.TUNABLE}
    return {**data, **changes}


@pytest.fixture
def planned(home, measures, scenario):
    with tenancy.activate(home):
        plan_scenario(scenario, today=TODAY, time_limit=5)
    return scenario


def test_less_budget_shows_what_would_move_and_why(client, users, home, planned):
    client.force_login(users["viewer"])
    url = reverse("roadmap:whatif", args=[home.slug, planned.pk])
    response = client.post(url, values(planned, budget_per_year=35_000), HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert "1 Maßnahme stünde anders als im aktuellen Plan" in html
    assert (
        "E-Akte-Rollout (3.1): 1. Hj. 2028 → 2. Hj. 2028, später, weil das Budget 2028 nicht reicht"
        in html
    )
    smaller = client.post(
        url, values(planned, internal_days_per_period=35), HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "Nicht im Plan: E-Akte-Rollout (3.1)" in smaller
    assert Plan.objects.unscoped().count() == 1  # nothing stored


def test_bad_values_are_shown_at_the_field(client, users, home, planned):
    client.force_login(users["viewer"])
    url = reverse("roadmap:whatif", args=[home.slug, planned.pk])
    html = client.post(url, values(planned, budget_per_year="viel")).content.decode()
    assert "Bitte korrigieren Sie 1 Angabe." in html and "Bitte eine ganze Zahl eingeben." in html


def test_the_values_become_a_new_scenario(client, users, home, planned):
    url = reverse("roadmap:whatif", args=[home.slug, planned.pk])
    client.force_login(users["viewer"])
    client.post(url, {**values(planned, budget_per_year=1), "save": "1"})
    assert Scenario.objects.unscoped().count() == 1  # readers only try
    client.force_login(users["editor"])
    response = client.post(url, {**values(planned, budget_per_year=99_000), "save": "1"})
    copy = Scenario.objects.unscoped().exclude(pk=planned.pk).get()
    assert response["Location"] == copy.get_absolute_url()
    assert (copy.name, copy.budget_per_year) == ("Basis (Variante)", 99_000)
