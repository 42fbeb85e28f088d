"""Every page of the measures in Chromium: axe-core finds no WCAG 2.1 A/AA violation."""

from __future__ import annotations

import pytest
from django.urls import reverse

from wandelwerk.core.testing.browser import assert_accessible, login
from wandelwerk.measures.catalog import load_catalog
from wandelwerk.measures.logic import add_from_template
from wandelwerk.measures.models import Measure, MeasureTemplate
from wandelwerk.organisation.tests.factories import OrgUnitFactory
from wandelwerk.tenants import tenancy

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_measure_pages_are_accessible(page, users, home):
    load_catalog()
    unit = OrgUnitFactory(municipality=home, code="3.1")
    with tenancy.activate(home):
        add_from_template(
            actor=None, template=MeasureTemplate.objects.get(key="e-akte-rollout"), org_unit=unit
        )
        measure = Measure.objects.get(template__key="e-akte-rollout")
    from wandelwerk.assessments.frameworks.loader import load_all
    from wandelwerk.assessments.tests.factories import AssessmentFactory, answer_every_question
    from wandelwerk.measures.logic import recommend

    [framework] = load_all()
    check = AssessmentFactory(municipality=home, framework=framework, org_unit=unit, approved=True)
    answer_every_question(check, 0)
    with tenancy.activate(home):
        recommend(actor=None, assessment=check)
    login(page, "editor")
    slug = home.slug
    for name, args in [
        ("measures:index", [slug]),
        ("measures:catalog", [slug]),
        ("measures:add_from_catalog", [slug, "prozesslandkarte"]),
        ("measures:measure_create", [slug]),
        ("measures:graph", [slug]),
        ("measures:measure_detail", [slug, measure.pk]),
        ("measures:measure_update", [slug, measure.pk]),
        ("measures:measure_delete", [slug, measure.pk]),
        ("measures:triage", [slug, check.pk]),
    ]:
        page.goto(page.base_url + reverse(name, args=args))
        assert page.locator("h1").count() == 1, name
        assert_accessible(page, name)
