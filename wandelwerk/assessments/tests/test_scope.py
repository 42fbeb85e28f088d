"""Questions fit the unit: leadership and budget only for the whole administration, unit
leadership only for units, citizen-contact, IT and staff-size questions only where they apply.
The anchors of the shipped questionnaire leave no gaps."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest

from wandelwerk.assessments.applicability import UnitTraits, not_applicable_because
from wandelwerk.assessments.checks import logic, queries
from wandelwerk.assessments.frameworks.loader import FRAMEWORK_DIR, read_framework
from wandelwerk.assessments.tests.factories import answer_every_question
from wandelwerk.organisation.tests.factories import (
    EmployeeFactory,
    ITSystemFactory,
    OrgUnitFactory,
)
from wandelwerk.tenants import tenancy

UNIT = UnitTraits(whole_administration=False, citizen_contact=False, it_systems=False, staff=3)


def test_rules_name_why_a_question_does_not_fit():
    whole = UnitTraits(whole_administration=True, citizen_contact=True, it_systems=True, staff=300)
    assert not_applicable_because(whole, asked_of="administration") is None
    assert not_applicable_because(UNIT, asked_of="administration") == (
        "wird nur für die ganze Verwaltung gefragt"
    )
    assert (
        not_applicable_because(whole, asked_of="units")
        == "wird nur je Organisationseinheit gefragt"
    )
    assert not_applicable_because(UNIT, applies_to="citizen_contact") == (
        "die Einheit hat keinen Bürgerkontakt"
    )
    assert not_applicable_because(UNIT, applies_to="it_systems") == (
        "die Einheit nutzt keine Fachverfahren"
    )
    assert (
        not_applicable_because(UNIT, min_staff=10) == "gilt ab 10 Beschäftigten, die Einheit hat 3"
    )
    assert not_applicable_because(UNIT) is None


def create(home, framework, unit):
    with tenancy.activate(home):
        return logic.create_assessment(
            actor=None, framework=framework, org_unit=unit, date=dt.date(2026, 11, 2)
        )


@pytest.mark.django_db
def test_a_unit_without_citizen_contact_is_not_asked_what_does_not_fit(home, framework):
    audit = OrgUnitFactory(municipality=home, code="14", name="Rechnungsprüfung")
    EmployeeFactory.create_batch(3, org_unit=audit)
    check = create(home, framework, audit)
    with tenancy.activate(home):
        asked = {q.key for q in queries.questions(check)}
    assert {"C-1", "D-2", "D-1"}.isdisjoint(asked)  # leadership, steering, budget: whole only
    assert {"K-9", "D-10", "D-14", "K-8", "D-6", "C-9"}.isdisjoint(asked)
    assert {"C-4", "K-1", "P-1", "D-4"} <= asked
    assert check.not_asked["K-9"] == "die Einheit hat keinen Bürgerkontakt"
    OrgUnitFactory(municipality=home, code="32", name="Bürgerbüro", citizen_contact=True)
    whole = create(home, framework, None)
    with tenancy.activate(home):
        asked_whole = {q.key for q in queries.questions(whole)}
    assert {"C-1", "D-2", "K-9"} <= asked_whole and "C-4" not in asked_whole


@pytest.mark.django_db
def test_what_a_check_asks_is_fixed_when_it_is_created(home, framework):
    office = OrgUnitFactory(municipality=home, code="32", citizen_contact=True)
    ITSystemFactory(municipality=home).org_units.add(office)
    check = create(home, framework, office)
    office.citizen_contact = False
    office.save()
    with tenancy.activate(home):
        asked = {q.key for q in queries.questions(check)}
        assert {"K-9", "D-10", "K-8"} <= asked
        not_asked = framework.questions_in_order().get(key="C-1")
        with pytest.raises(ValueError, match="nicht gefragt"):
            logic.save_answer(
                actor=None, assessment=check, question=not_asked, level=2,
                not_applicable=False, comment="", version=0,
            )  # fmt: skip
        answer_every_question(check, 2)
        result = queries.result(check)
    assert result.answered == result.total == len(asked)


SHARE = re.compile(
    r"(?P<zero>\(0 %\))|(?P<under>[Uu]nter (?P<u>\d+) %)|(?P<from>(?P<f>\d+) % bis unter (?P<fu>\d+) %)"
    r"|(?P<between>(?P<b1>\d+) % bis (?P<b2>\d+) %)|(?P<over>[Üü]ber (?P<o>\d+) %)"
)


def share_interval(text: str) -> tuple[float, float, bool, bool] | None:
    """(low, high, low included, high included) of the share an anchor names."""
    m = SHARE.search(text)
    if m is None:
        return None
    if m["zero"]:
        return (0, 0, True, True)
    if m["under"]:
        return (0, int(m["u"]), False, False)
    if m["from"]:
        return (int(m["f"]), int(m["fu"]), True, False)
    if m["between"]:
        return (int(m["b1"]), int(m["b2"]), True, True)
    return (int(m["o"]), 100, False, True)


def test_numeric_anchors_cover_the_whole_range_without_gaps():
    data = read_framework(FRAMEWORK_DIR / "digicheck-kommune.yaml")
    checked = 0
    for area in data["areas"]:
        for criterion in area["criteria"]:
            for q in criterion["questions"]:
                intervals = [share_interval(q["levels"][level]) for level in range(5)]
                named = [i for i in intervals if i is not None]
                if not named and "%" not in " ".join(q["levels"].values()):
                    continue
                assert len(named) == 5, f"{q['key']}: every anchor names its share, or none"
                assert named[0][:3] == (0, 0, True) and named[-1][1:4:2] == (100, True), q["key"]
                for (_, high, _, high_in), (low, _, low_in, _) in itertools.pairwise(named):
                    assert high == low and high_in != low_in, (
                        f"{q['key']}: gap or overlap at {high} %"
                    )
                checked += 1
    assert checked >= 1


@pytest.mark.django_db
def test_the_check_s_page_lists_what_it_does_not_ask_and_why(client, users, home, framework):
    audit = OrgUnitFactory(municipality=home, code="14", name="Rechnungsprüfung")
    check = create(home, framework, audit)
    client.force_login(users["viewer"])
    page = client.get(check.get_absolute_url()).content.decode()
    section = page[page.index('id="h-not-asked"') :]
    assert "K-9: Haben die Beschäftigten mit Kundenkontakt" in section
    assert "die Einheit hat keinen Bürgerkontakt" in section
    assert "wird nur für die ganze Verwaltung gefragt" in section
