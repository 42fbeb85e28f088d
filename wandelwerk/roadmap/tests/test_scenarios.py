from __future__ import annotations

import pytest
from django.urls import reverse

from wandelwerk.roadmap.models import Scenario
from wandelwerk.roadmap.tests.factories import PlanFactory, ScenarioFactory
from wandelwerk.tenants import tenancy

DATA = {
    "name": "Basis",
    "start_year": "2027",
    "start_half": "1",
    "periods": "10",
    "internal_days_per_period": "200",
    "provider_days_per_period": "60",
    "budget_per_year": "150000",
    "change_capacity": "2",
    "weight_benefit": "3",
    "weight_deadlines": "5",
    "weight_focus": "1",
}


def url(name, municipality, *args):
    return reverse(f"roadmap:{name}", args=[municipality.slug, *args])


@pytest.mark.django_db
def test_create_copy_and_list_scenarios(client, users, home):
    client.force_login(users["editor"])
    response = client.post(url("scenario_create", home), DATA)
    assert response.status_code == 302
    with tenancy.activate(home):
        basis = Scenario.objects.get()
    client.post(url("scenario_action", home, basis.pk), {"action": "copy"})
    page = client.get(url("index", home)).content.decode()
    assert "Basis (Kopie)" in page and "1. Hj. 2027" in page


@pytest.mark.django_db
def test_freeze_needs_a_plan_and_then_nothing_changes(client, users, home):
    scenario = ScenarioFactory(municipality=home, name="Ambitioniert", periods=10)
    client.force_login(users["consultant"])
    page = client.post(url("scenario_freeze", home, scenario.pk), follow=True).content.decode()
    assert "zuerst planen" in page
    PlanFactory(scenario=scenario)
    client.post(url("scenario_freeze", home, scenario.pk))
    scenario.refresh_from_db()
    assert scenario.is_baseline and scenario.frozen
    page = client.post(
        url("scenario_update", home, scenario.pk), DATA | {"name": "Geändert"}
    ).content.decode()
    assert "festgeschrieben" in page
    scenario.refresh_from_db()
    assert scenario.name == "Ambitioniert"
    client.post(url("scenario_delete", home, scenario.pk))
    assert Scenario.objects.unscoped().filter(pk=scenario.pk).exists()


@pytest.mark.django_db
def test_editors_cannot_freeze(client, users, home):
    scenario = PlanFactory(scenario__municipality=home).scenario
    client.force_login(users["editor"])
    assert client.get(url("scenario_freeze", home, scenario.pk)).status_code == 403
    assert client.post(url("scenario_freeze", home, scenario.pk)).status_code == 403


@pytest.mark.django_db
def test_a_plan_s_board_is_rendered_once_and_a_new_plan_shows_at_once(
    client, users, home, measures
):
    import datetime as dt

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from wandelwerk.roadmap.planning import plan_scenario

    scenario = ScenarioFactory(municipality=home, periods=6)
    with tenancy.activate(home):
        plan_scenario(scenario, today=dt.date(2026, 11, 30), time_limit=3)
    client.force_login(users["viewer"])
    page = url("scenario_detail", home, scenario.pk)
    with CaptureQueriesContext(connection) as first:
        assert "E-Akte-Pilot" in client.get(page).content.decode()
    with CaptureQueriesContext(connection) as again:
        assert "Digitalbündel je Halbjahr" in client.get(page).content.decode()
    assert len(again.captured_queries) < len(first.captured_queries)  # the plan's records: once
    measures["pilot"].title = "E-Akte-Pilot (neu)"
    measures["pilot"].save()
    with tenancy.activate(home):
        plan_scenario(scenario, today=dt.date(2026, 11, 30), time_limit=3)
    assert "E-Akte-Pilot (neu)" in client.get(page).content.decode()  # a new plan: a new body
