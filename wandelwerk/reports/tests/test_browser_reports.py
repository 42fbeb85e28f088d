"""The report pages in Chromium: axe-core finds no WCAG 2.1 A/AA violation, the report page
(the HTML format) included, and a planning job can be followed to its file."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from wandelwerk.core.testing.browser import assert_accessible, login
from wandelwerk.measures.tests.factories import MeasureFactory
from wandelwerk.organisation.tests.factories import EmployeeFactory, OrgUnitFactory
from wandelwerk.reports.models import CouncilPaper, Format, Kind
from wandelwerk.roadmap.planning import plan_scenario
from wandelwerk.roadmap.tests.factories import ScenarioFactory
from wandelwerk.tenants import tenancy

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_report_pages_are_accessible(page, users, home):
    from wandelwerk.reports import logic

    unit = OrgUnitFactory(municipality=home, code="FB1", name="Zentrale Dienste")
    EmployeeFactory.create_batch(6, org_unit=unit)
    measure = MeasureFactory(municipality=home, title="Prozesslandkarte", internal_days=20)
    scenario = ScenarioFactory(municipality=home, name="Basis")
    with tenancy.activate(home):
        plan_scenario(scenario, today=dt.date(2026, 11, 30), time_limit=3)
        report = logic.build_file(actor=users["editor"], kind=Kind.STRATEGY, fmt=Format.HTML)
    paper = CouncilPaper.objects.create(
        municipality=home, subject="Digitalisierungsstrategie", proposal="Beschließen.",
        facts="Gründe.", scenario=scenario, report=report,
    )  # fmt: skip
    login(page, "consultant")
    slug = home.slug
    for name, args in [
        ("reports:index", [slug]),
        ("reports:settings", [slug]),
        ("reports:document", [slug]),
        ("reports:hand_over", [slug, report.pk]),
        ("reports:paper_create", [slug]),
        ("reports:paper", [slug, paper.pk]),
        ("reports:paper_update", [slug, paper.pk]),
        ("measures:actual_create", [slug, measure.pk]),
        ("measures:measure_detail", [slug, measure.pk]),
    ]:
        page.goto(page.base_url + reverse(name, args=args))
        assert page.locator("h1").count() == 1, name
        assert_accessible(page, name)
    with tenancy.activate(home):  # the progress report, once the plan is the baseline
        from wandelwerk.roadmap.logic import freeze_as_baseline

        freeze_as_baseline(actor=users["consultant"], scenario=scenario)
    for name, query in [("reports:document", "?art=progress"), ("reports:index", "")]:
        page.goto(page.base_url + reverse(name, args=[slug]) + query)
        assert page.locator("h1").count() == 1, name
        assert_accessible(page, name)
