"""Where a measure stands in the plans, shown on its page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from wandelwerk.measures.tests.factories import MeasureFactory
from wandelwerk.roadmap.planning import plan_scenario
from wandelwerk.roadmap.tests.factories import ScenarioFactory
from wandelwerk.tenants import tenancy

pytestmark = pytest.mark.django_db


def test_the_measure_page_loads_where_it_stands_in_the_plans(client, users, home):
    measure = MeasureFactory(municipality=home, title="Prozesslandkarte")
    scenario = ScenarioFactory(municipality=home, name="Basis")
    with tenancy.activate(home):
        plan_scenario(scenario, today=dt.date(2026, 11, 30), time_limit=5)
    client.force_login(users["viewer"])
    detail = client.get(
        reverse("measures:measure_detail", args=[home.slug, measure.pk])
    ).content.decode()
    standings = reverse("roadmap:measure_standings", args=[home.slug, measure.pk])
    assert f'hx-get="{standings}"' in detail
    panel = client.get(standings, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in panel and "Basis" in panel
    assert "1. Hj. 2027 – 1. Hj. 2027, beginnt mit dem ersten Halbjahr des Plans" in panel
