"""The scenario pages in Chromium: axe-core finds no WCAG 2.1 A/AA violation."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from wandelwerk.core.testing.browser import assert_accessible, login
from wandelwerk.measures.tests.factories import MeasureFactory
from wandelwerk.roadmap.planning import plan_scenario
from wandelwerk.roadmap.tests.factories import ScenarioFactory
from wandelwerk.tenants import tenancy

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_scenario_pages_are_accessible(page, users, home):
    from wandelwerk.assessments.frameworks.loader import load_all
    from wandelwerk.assessments.tests.factories import (
        AssessmentFactory,
        TargetFactory,
        answer_every_question,
    )

    [framework] = load_all()
    check = AssessmentFactory(municipality=home, framework=framework, approved=True)
    answer_every_question(check, 1)
    TargetFactory(municipality=home, assessment=check, area_key="process", level=3)
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
        plan_scenario(scenario, today=dt.date(2026, 11, 30), time_limit=3)
    login(page, "consultant")
    slug = home.slug
    for name, args in [
        ("roadmap:index", [slug]),
        ("roadmap:compare", [slug]),
        ("roadmap:scenario_create", [slug]),
        ("roadmap:scenario_detail", [slug, scenario.pk]),
        ("roadmap:scenario_update", [slug, scenario.pk]),
        ("roadmap:scenario_delete", [slug, scenario.pk]),
        ("roadmap:scenario_freeze", [slug, scenario.pk]),
        ("roadmap:measure_standings", [slug, first.pk]),
        ("measures:measure_detail", [slug, first.pk]),
        ("assessments:results", [slug]),  # with maturity planned against measured
    ]:
        page.goto(page.base_url + reverse(name, args=args))
        assert page.locator("h1").count() == 1, name
        assert_accessible(page, name)


def test_what_if_answers_in_place_and_an_impossible_plan_reads_well(page, users, home):
    scenario = ScenarioFactory(municipality=home, name="Basis", budget_per_year=50_000)
    for title in ("Dienstvereinbarung E-Akte mit dem Personalrat abschließen", "Portal"):
        MeasureFactory(
            municipality=home,
            title=title,
            in_progress=True,
            started_on=dt.date(2026, 10, 1),
            budget_eur=40_000,
        )
    MeasureFactory.create_batch(12, municipality=home, internal_days=30)
    with tenancy.activate(home):
        plan_scenario(scenario, today=dt.date(2027, 2, 1), time_limit=3)
    login(page, "editor")
    page.goto(page.base_url + scenario.get_absolute_url())
    assert "Budget 2027: Die laufenden Maßnahmen" in page.locator("main").inner_text()
    assert_accessible(page, "Szenario ohne möglichen Plan")
    board = page.locator(".ww-board")
    board.focus()
    assert board.evaluate("(e) => document.activeElement === e")
    page.fill("#wasw-budget_per_year", "90000")
    page.get_by_role("button", name="Durchrechnen").click()
    page.wait_for_selector("#whatif-result h3")
    result = page.locator("#whatif-result").inner_text()
    assert "bestmögliche Plan" in result and page.url.endswith(scenario.get_absolute_url())
    assert_accessible(page, "Was-wäre-wenn-Ergebnis")
