"""Reads of DigiChecks called directly: lists, the questions in order, the latest and previous
approved check, the answer rows, the trend, the results per unit and the peer comparison."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from wandelwerk.assessments.checks import queries
from wandelwerk.assessments.tests.factories import (
    AnswerFactory,
    AssessmentFactory,
    EvidenceFactory,
    answer_every_question,
)
from wandelwerk.organisation.tests.factories import EmployeeFactory, OrgUnitFactory
from wandelwerk.tenants.tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

MAY, JUNE = dt.date(2026, 5, 1), dt.date(2026, 6, 1)


def approved(municipality, framework, level, *, unit=None, date=MAY):
    check = AssessmentFactory(
        municipality=municipality, framework=framework, org_unit=unit, date=date, approved=True
    )
    answer_every_question(check, level)
    return check


def test_list_and_questions(in_home, framework):
    check = AssessmentFactory(municipality=in_home, framework=framework)
    AnswerFactory(assessment=check)
    [listed] = queries.assessments()
    assert listed.answer_count == 1
    orders = [q.order for q in queries.questions(check)]
    assert orders == sorted(orders) and len(orders) == framework.questions_in_order().count()


def test_latest_and_previous_approved_per_unit(in_home, framework):
    unit = OrgUnitFactory(municipality=in_home)
    first = approved(in_home, framework, 1, unit=unit, date=dt.date(2025, 5, 1))
    second = approved(in_home, framework, 2, unit=unit)
    whole = approved(in_home, framework, 3)
    draft = AssessmentFactory(municipality=in_home, framework=framework, org_unit=unit, date=JUNE)
    assert queries.latest_approved() == {unit.pk: second, None: whole}
    assert queries.previous_approved(draft) == second
    assert queries.previous_approved(first) is None


def test_answer_rows_hold_every_question_with_its_answer_and_files(
    in_home, framework, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    check = AssessmentFactory(municipality=in_home, framework=framework)
    answer = AnswerFactory(assessment=check, level=3)
    EvidenceFactory(answer=answer)
    rows = queries.answer_rows(check)
    assert len(rows) == framework.questions_in_order().count()
    assert rows[0].answer == answer and [e.name for e in rows[0].evidence] == ["Organigramm.pdf"]
    assert all(r.answer is None and r.evidence == [] for r in rows[1:])


def test_trend_of_a_unit_up_to_a_check(in_home, framework):
    unit = OrgUnitFactory(municipality=in_home, code="FB3", name="Bürgerdienste")
    approved(in_home, framework, 1, unit=unit, date=dt.date(2024, 5, 1))
    approved(in_home, framework, 3, unit=unit, date=dt.date(2025, 5, 1))
    approved(in_home, framework, 2)
    draft = AssessmentFactory(municipality=in_home, framework=framework, org_unit=unit, date=JUNE)
    answer_every_question(draft, 4)
    assert [p.overall for p in queries.trend(unit.pk)] == [1.0, 3.0]
    assert [p.overall for p in queries.trend(unit.pk, until=draft)] == [1.0, 3.0, 4.0]
    assert [u[:2] for u in queries.trend_units()] == [
        (None, "ganze Verwaltung"),
        (unit.pk, str(unit)),
    ]


def test_unit_rows_with_their_staff(in_home, framework):
    fb3 = OrgUnitFactory(municipality=in_home, code="FB3")
    office = OrgUnitFactory(municipality=in_home, code="3.1", parent=fb3)
    EmployeeFactory(org_unit=fb3)
    EmployeeFactory.create_batch(2, org_unit=office, fte=Decimal("0.5"))
    approved(in_home, framework, 2, unit=fb3)
    approved(in_home, framework, 3)
    rows = {r.name: r for r in queries.unit_rows(["change", "digital"])}
    assert rows[str(fb3)].fte == 2.0 and rows[str(fb3)].scores == {"change": 2.0, "digital": 2.0}
    assert rows["ganze Verwaltung"].fte == 0.0
    assert rows[str(fb3)].framework == str(framework)


def test_comparison_needs_five_peers_of_the_same_size(in_home, framework):
    peers = [MunicipalityFactory(population=in_home.population) for _ in range(5)]
    MunicipalityFactory(small=True)  # another size class never counts
    for level, peer in enumerate(peers[:4]):
        approved(peer, framework, level)
    assert queries.comparison(in_home, ["change"]) is None
    approved(peers[4], framework, 4)
    comparison = queries.comparison(in_home, ["change"])
    assert comparison.peers == 5 and comparison.stats["change"] == (0.0, 2.0, 4.0)
