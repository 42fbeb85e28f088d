"""Re-planning is dependable: the same scenario planned again stays as it was; a delay moves
only what it forces, and the page says what moved against the previous plan and the baseline,
and why."""

from __future__ import annotations

import datetime as dt

import pytest

from wandelwerk.measures.tests.factories import MeasureFactory
from wandelwerk.roadmap.models import Placement, Plan
from wandelwerk.roadmap.periods import HalfYear
from wandelwerk.roadmap.planning import plan_scenario
from wandelwerk.roadmap.tests.conftest import TODAY
from wandelwerk.roadmap.tests.factories import ScenarioFactory

pytestmark = pytest.mark.django_db


def starts(plan):
    return {p.measure_id: (p.start, p.end) for p in Placement.objects.filter(plan=plan)}


@pytest.fixture
def busy(in_home, measures):
    """Besides pilot and rollout, four independent measures competing for staff days."""
    for i in range(4):
        MeasureFactory(municipality=in_home, title=f"Prozess {i}", internal_days=120, benefit=2 + i)
    return measures


def test_planning_an_unchanged_scenario_again_changes_nothing(busy, scenario):
    first = plan_scenario(scenario, today=TODAY, time_limit=10)
    again = plan_scenario(scenario, today=TODAY, time_limit=10)
    assert first.status == again.status == "optimal"
    assert starts(again) == starts(first)
    assert again.previous == first and again.reference == Plan.Reference.PREVIOUS
    assert not Placement.objects.filter(plan=again, move_previous__isnull=False).exists()


def test_a_delay_moves_what_it_forces_and_the_page_says_why(client, users, busy, scenario):
    first = plan_scenario(scenario, today=TODAY, time_limit=10)
    pilot = busy["pilot"]
    pilot.status, pilot.earliest_start = "delayed", dt.date(2027, 7, 1)
    pilot.save()
    again = plan_scenario(scenario, today=TODAY, time_limit=10)
    moved = {
        p.title: p.move_previous
        for p in Placement.objects.filter(plan=again, move_previous__isnull=False)
    }
    h2_2027 = HalfYear(2027, 2).ordinal
    assert moved["E-Akte-Pilot"]["kind"] == "release"
    assert moved["E-Akte-Rollout"] == {
        "from": starts(first)[busy["rollout"].pk][0],
        "kind": "predecessor",
        "ref": "E-Akte-Pilot",
        "ref_id": pilot.pk,
        "period": h2_2027 + 1,
    }
    client.force_login(users["viewer"])
    page = client.get(scenario.get_absolute_url()).content.decode()
    assert f"gegenüber dem vorigen Plan: {len(moved)} Maßnahmen verschoben" in page
    assert "später: ihr frühester Beginn liegt jetzt im 2. Hj. 2027" in page
    assert "später, weil die Voraussetzung „E-Akte-Pilot“ erst im 1. Hj. 2028 endet" in page


def test_replanning_from_the_baseline_and_the_difference_to_it(client, users, busy, home):
    from wandelwerk.roadmap.logic import freeze_as_baseline

    basis = ScenarioFactory(municipality=home, name="Basis")
    plan_scenario(basis, today=TODAY, time_limit=10)
    freeze_as_baseline(actor=None, scenario=basis)
    more = ScenarioFactory(municipality=home, name="Mehr", internal_days_per_period=400)
    plan = plan_scenario(more, today=TODAY, reference=Plan.Reference.BASELINE, time_limit=10)
    assert plan.reference == Plan.Reference.BASELINE and plan.baseline.scenario == basis
    different = Placement.objects.filter(plan=plan, move_baseline__isnull=False)
    assert different.exists() and all(p.move_baseline["kind"] == "earlier" for p in different)
    client.force_login(users["viewer"])
    page = client.get(more.get_absolute_url()).content.decode()
    assert "gegenüber der Basis „Basis“" in page and "früher, weil Platz frei geworden ist" in page
