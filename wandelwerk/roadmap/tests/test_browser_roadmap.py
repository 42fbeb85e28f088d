"""The scenario pages in Chromium: axe-core finds no WCAG 2.1 A/AA violation."""

from __future__ import annotations

import pytest
from django.urls import reverse

from wandelwerk.core.testing.browser import assert_accessible, login
from wandelwerk.measures.tests.factories import MeasureFactory
from wandelwerk.roadmap.planning import plan_scenario
from wandelwerk.roadmap.tests.factories import ScenarioFactory
from wandelwerk.tenants import tenancy

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_scenario_pages_are_accessible(page, users, home):
    scenario = ScenarioFactory(municipality=home, name="Basis", periods=10)
    first = MeasureFactory(municipality=home, title="Prozesslandkarte", internal_days=20)
    MeasureFactory(
        municipality=home,
        title="Top-Prozesse modellieren",
        internal_days=40,
        duration=2,
        prerequisites=[first],
    )
    with tenancy.activate(home):
        plan_scenario(scenario, time_limit=3)
    login(page, "consultant")
    slug = home.slug
    for name, args in [
        ("roadmap:index", [slug]),
        ("roadmap:compare", [slug]),
        ("roadmap:scenario_create", [slug]),
        ("roadmap:scenario_detail", [slug, scenario.pk]),
        ("roadmap:scenario_update", [slug, scenario.pk]),
        ("roadmap:scenario_delete", [slug, scenario.pk]),
    ]:
        page.goto(page.base_url + reverse(name, args=args))
        assert page.locator("h1").count() == 1, name
        assert_accessible(page, name)
