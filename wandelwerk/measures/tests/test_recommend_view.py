"""Proposing measures from an approved DigiCheck, from its page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from wandelwerk.assessments.frameworks.loader import load_all
from wandelwerk.assessments.models import Framework
from wandelwerk.assessments.tests.factories import AssessmentFactory, answer_every_question
from wandelwerk.measures.catalog import load_catalog
from wandelwerk.measures.models import Measure
from wandelwerk.organisation.tests.factories import OrgUnitFactory
from wandelwerk.tenants import tenancy


@pytest.fixture
def framework(db) -> Framework:
    [fw] = load_all()
    return fw


@pytest.mark.django_db
def test_recommendations_from_an_approved_check_with_reasons(client, users, home, framework):
    load_catalog()
    unit = OrgUnitFactory(municipality=home, code="3.1", name="Bürgerbüro")
    assessment = AssessmentFactory(municipality=home, framework=framework, org_unit=unit)
    answer_every_question(assessment, 3, by_area={"process": 1})
    client.force_login(users["consultant"])
    client.post(reverse("measures:recommend", args=[home.slug, assessment.pk]))
    with tenancy.activate(home):
        assert not Measure.objects.exists()  # only approved checks recommend
    assessment.status = "approved"
    assessment.save()
    response = client.post(reverse("measures:recommend", args=[home.slug, assessment.pk]))
    assert response["Location"].endswith("?status=proposed")
    with tenancy.activate(home):
        proposed = list(Measure.objects.filter(source="recommendation"))
        assert proposed and all(m.status == "proposed" for m in proposed)
        assert {
            m.area
            for m in proposed
            if m.template.rule
            and "question_below" in m.template.rule[0]
            and m.template.rule[0]["question_below"]["question"].startswith("P")
        } == {"process"}
        landkarte = Measure.objects.get(template__key="prozesslandkarte")
        assert "Bürgerbüro" in landkarte.reason and "{" not in landkarte.reason
        count = Measure.objects.count()
    client.post(reverse("measures:recommend", args=[home.slug, assessment.pk]))
    with tenancy.activate(home):
        assert Measure.objects.count() == count  # nothing twice
