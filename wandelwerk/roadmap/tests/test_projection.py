"""Where the plan takes maturity: a measure raises its criteria once it is done; a measure that
needs a maturity level waits for the measures that raise its unit there; the plan keeps its
projection, and a later change of the data does not change it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from wandelwerk.assessments.frameworks.loader import load_all
from wandelwerk.assessments.tests.factories import (
    AssessmentFactory,
    TargetFactory,
    answer_every_question,
)
from wandelwerk.measures.catalog import load_catalog
from wandelwerk.measures.logic import add_from_template
from wandelwerk.measures.models import Measure, MeasureTemplate
from wandelwerk.organisation.tests.factories import OrgUnitFactory
from wandelwerk.roadmap.planning import plan_scenario
from wandelwerk.roadmap.projection import Effect, Frame, project, waits_for
from wandelwerk.roadmap.tests.conftest import TODAY
from wandelwerk.roadmap.tests.factories import ScenarioFactory
from wandelwerk.tenants import tenancy

FRAME = Frame(
    criterion_area={"P1": "process", "P2": "process", "D2": "digital"},
    criterion_weight={"P1": 1, "P2": 1, "D2": 1},
)
BASE = {"P1": 0.0, "P2": 1.0, "D2": 1.0}


def test_a_measure_raises_its_criteria_from_the_half_year_it_ends():
    landkarte = Effect("a", "3.1", "process", ("P1",), 2)
    elsewhere = Effect("b", "4.0", "process", ("P2",), 4)
    everywhere = Effect("c", None, "digital", (), 3)
    series = project(BASE, FRAME, "3.1", [(1, landkarte), (0, elsewhere), (2, everywhere)], 4)
    assert [s["process"] for s in series] == [0.5, 1.5, 1.5, 1.5]
    assert [s["digital"] for s in series] == [1.0, 1.0, 3.0, 3.0]
    # never lower than measured; unscored criteria stay unscored
    assert project({"P1": 3.0, "P2": None}, FRAME, "3.1", [(0, landkarte)], 1)[0] == {
        "process": 3.0
    }


def test_a_measure_that_needs_a_level_waits_for_the_most_effective_measures_first():
    small = Effect("small", "3.1", "process", ("P2",), 2)
    big = Effect("big", "3.1", "process", ("P1",), 3)
    other_unit = Effect("other", "4.0", "process", ("P1",), 4)
    chosen, reached = waits_for(BASE, FRAME, "3.1", {"process": 2}, [small, big, other_unit])
    assert chosen == ["big"] and reached["process"] == 2.0
    chosen, reached = waits_for(BASE, FRAME, "3.1", {"process": 3}, [small, big])
    assert chosen == ["big", "small"] and reached["process"] == 2.5  # falls short: waits for both
    assert waits_for(BASE, FRAME, "3.1", {"process": 0}, [big]) == (
        [],
        {"process": 0.5, "digital": 1.0},
    )


@pytest.mark.django_db
def test_the_plan_keeps_its_projection_and_min_level_makes_the_rollout_wait(client, users, home):
    [framework] = load_all()
    load_catalog()
    unit = OrgUnitFactory(municipality=home, code="3.1", name="Bürgerbüro")
    check = AssessmentFactory(
        municipality=home, framework=framework, org_unit=unit, approved=True,
        date=dt.date(2026, 6, 1),
    )  # fmt: skip
    answer_every_question(check, 0, by_area={"digital": 1, "change": 2})
    TargetFactory(municipality=home, assessment=check, area_key="process", level=2)
    template = MeasureTemplate.objects.get
    with tenancy.activate(home):
        rollout = add_from_template(
            actor=None, template=template(key="e-akte-rollout"), org_unit=unit
        )
        landkarte = add_from_template(
            actor=None, template=template(key="prozesslandkarte"), org_unit=unit
        )
        scenario = ScenarioFactory(municipality=home, periods=10)
        plan = plan_scenario(scenario, today=TODAY, time_limit=5)
        placements = {p.measure_id: p for p in plan.placements.all()}
    # E-Akte-Rollout needs process management at level 1: it waits for the process map
    assert landkarte.pk in placements[rollout.pk].prerequisites
    assert placements[rollout.pk].start > placements[landkarte.pk].end
    [row] = plan.projection["units"]
    assert row["code"] == "3.1" and row["measured"]["process"] == 0
    projected = row["projected"]["process"]
    assert projected[-1] > 0 and projected == sorted(projected)  # at the end of each half-year
    assert row["targets"] == {"process": 2.0}
    client.force_login(users["viewer"])
    for url in (
        reverse("assessments:results", args=[home.slug]),
        scenario.get_absolute_url(),
    ):
        page = client.get(url).content.decode()
        assert "Reifegrad: gemessen und geplant" in page
        assert "DigiCheck vom 01.06.2026" in page
        assert "0 → " in page
        assert "Bis 2. Hj. 2031 erreicht:" in page and "(2,0)" in page
    before = plan.projection
    with tenancy.activate(home):
        check.scores = {}  # data change after planning: the stored plan does not follow it
        check.save()
        Measure.objects.filter(pk=landkarte.pk).delete()
    plan.refresh_from_db()
    assert plan.projection == before
