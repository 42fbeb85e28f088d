"""Use cases of a DigiCheck called directly: creating one, and which status changes each status
allows (the changes themselves: test_transitions.py; answers: test_assessments.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from wandelwerk.assessments.checks import logic
from wandelwerk.assessments.tests.factories import AssessmentFactory, FrameworkFactory
from wandelwerk.audit.models import Action, AuditEvent
from wandelwerk.organisation.tests.factories import OrgUnitFactory

pytestmark = pytest.mark.django_db


def test_create_assessment_in_the_current_municipality(in_home, users):
    unit = OrgUnitFactory(municipality=in_home)
    check = logic.create_assessment(
        actor=users["consultant"],
        framework=FrameworkFactory(),
        org_unit=unit,
        date=dt.date(2026, 5, 1),
        participants="Frau Beispiel",
    )
    assert (check.municipality, check.status, check.created_by) == (
        in_home,
        "draft",
        users["consultant"],
    )
    assert AuditEvent.objects.get().action == Action.CREATE
    whole = logic.create_assessment(
        actor=None, framework=check.framework, org_unit=None, date=dt.date(2026, 6, 1)
    )
    assert whole.created_by is None and "ganze Verwaltung" in str(whole)


@pytest.mark.parametrize(
    ("status", "allowed"),
    [
        ("draft", [("in_review", "assessments.change")]),
        ("in_review", [("draft", "assessments.change"), ("approved", "assessments.approve")]),
        ("approved", [("draft", "assessments.reopen")]),
    ],
)
def test_each_status_allows_its_changes_with_their_permission(home, status, allowed):
    check = AssessmentFactory(municipality=home, status=status)
    assert logic.allowed_transitions(check) == allowed
