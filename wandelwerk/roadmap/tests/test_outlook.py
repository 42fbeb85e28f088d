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


def test_the_table_rows_show_measured_planned_and_target_with_whether_it_is_reached():
    from types import SimpleNamespace

    from wandelwerk.roadmap.outlook import Cell, Line
    from wandelwerk.roadmap.templatetags.maturity import maturity_rows

    unit = Line(
        "3.1 Bürger & Ordnung",
        dt.date(2026, 6, 1),
        [Cell(1.0, 2.5, 2.0), Cell(None, None, None), Cell(0.5, 1.0, 3.0)],
    )
    total = Line("ganze Verwaltung", None, [Cell(1.25, 2.0, None)])
    html = maturity_rows(SimpleNamespace(units=[unit], total=total))
    assert html == (
        '<tr class="kern-table__row"><th scope="row" class="kern-table__cell">'
        '3.1 Bürger &amp; Ordnung<br><span class="kern-body--small">DigiCheck vom 01.06.2026'
        '</span></th><td class="kern-table__cell">1,0 → 2,5 (2,0) <span class="kern-badge '
        'kern-badge--success"><span class="kern-label kern-label--small">Soll erreicht</span>'
        '</span></td><td class="kern-table__cell">– → –</td><td class="kern-table__cell">'
        '0,5 → 1,0 (3,0) <span class="kern-badge kern-badge--warning"><span class="kern-label '
        'kern-label--small">Soll verfehlt</span></span></td></tr>\n'
        '<tr class="kern-table__row"><th scope="row" class="kern-table__cell"><strong>ganze '
        'Verwaltung</strong></th><td class="kern-table__cell">1,2 → 2,0</td></tr>'
    )
