"""The measured line of the outlook: the administration's area score at each approved check's
date, every unit's latest check so far weighted by its staff; a re-check replaces the unit's
earlier one, and a draft does not count."""

from __future__ import annotations

import datetime as dt

import pytest

from wandelwerk.assessments.tests.factories import AssessmentFactory
from wandelwerk.organisation.tests.factories import OrgUnitFactory
from wandelwerk.roadmap.outlook import measured_history

pytestmark = pytest.mark.django_db


def check(home, unit, day, digital, *, approved=True):
    scores = {"areas": {"digital": digital, "change": None}, "criteria": {}, "overall": digital}
    return AssessmentFactory(
        municipality=home, org_unit=unit, date=day, approved=approved, scores=scores
    )


def test_each_date_weighs_every_units_latest_check_by_staff(in_home):
    office = OrgUnitFactory(municipality=in_home, code="3.1")
    registry = OrgUnitFactory(municipality=in_home, code="3.2")
    check(in_home, office, dt.date(2025, 3, 1), 2.0)
    check(in_home, registry, dt.date(2025, 9, 1), 4.0)
    check(in_home, registry, dt.date(2025, 12, 1), 1.0, approved=False)  # a draft
    check(in_home, office, dt.date(2026, 3, 1), 3.0)  # replaces the office's first check
    history = measured_history({"3.1": 3.0, "3.2": 1.0})
    assert history["digital"] == [
        (dt.date(2025, 3, 1), 2.0),
        (dt.date(2025, 9, 1), pytest.approx((2.0 * 3 + 4.0) / 4)),
        (dt.date(2026, 3, 1), pytest.approx((3.0 * 3 + 4.0) / 4)),
    ]
    assert history["change"] == [] and history["process"] == []


def test_checks_of_one_day_give_one_point_and_unknown_units_weigh_one(in_home):
    check(in_home, None, dt.date(2026, 1, 15), 1.0)  # the whole administration
    check(in_home, OrgUnitFactory(municipality=in_home, code="9"), dt.date(2026, 1, 15), 3.0)
    assert measured_history({}) == {
        "change": [],
        "knowledge": [],
        "process": [],
        "digital": [(dt.date(2026, 1, 15), pytest.approx(2.0))],
    }
