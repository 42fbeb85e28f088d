from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from wandelwerk.jobs.models import Job
from wandelwerk.measures.tests.factories import MeasureFactory
from wandelwerk.organisation.tests.factories import OrgUnitFactory
from wandelwerk.roadmap.models import Placement
from wandelwerk.roadmap.planning import build_problem, capacity_use, plan_scenario
from wandelwerk.roadmap.tests.factories import ScenarioFactory


@pytest.fixture
def measures(in_home, home):
    unit = OrgUnitFactory(municipality=home, code="3.1")
    digital = {"municipality": home, "area": "digital", "duration": 2, "provider_days": 20}
    pilot = MeasureFactory(
        **digital, title="E-Akte-Pilot", internal_days=60, budget_eur=30000, benefit=8
    )
    rollout = MeasureFactory(
        **digital,
        title="E-Akte-Rollout",
        internal_days=80,
        budget_eur=40000,
        benefit=9,
        org_unit=unit,
        prerequisites=[pilot],
    )
    MeasureFactory(municipality=home, title="Abgelehnt", area="change", rejected=True)
    return {"pilot": pilot, "rollout": rollout}


@pytest.mark.django_db
def test_problem_from_measures_and_scenario(in_home, measures, home):
    scenario = ScenarioFactory(
        municipality=home,
        name="Basis",
        start_year=2027,
        start_half=1,
        periods=6,
        internal_days_per_period=50,
    )
    built = build_problem(scenario)
    tasks = {t.id: t for t in built.problem.tasks}
    rollout = tasks[str(measures["rollout"].pk)]
    assert len(tasks) == 2  # rejected measures are not planned
    assert rollout.predecessors == (str(measures["pilot"].pk),)
    assert rollout.demands["Eigene Personentage"] == 40 and rollout.units == ("3.1",)
    assert built.problem.fiscal_year == [0, 0, 1, 1, 2, 2] and len(built.problem.budgets) == 3


@pytest.mark.django_db
def test_plan_places_measures_after_their_prerequisites_with_reasons(in_home, measures, home):
    scenario = ScenarioFactory(municipality=home, name="Basis", start_year=2027, periods=6)
    plan = plan_scenario(scenario, time_limit=5)
    assert plan.status == "optimal"
    placements = {p.measure_id: p for p in Placement.objects.filter(plan=plan)}
    pilot, rollout = placements[measures["pilot"].pk], placements[measures["rollout"].pk]
    assert (pilot.start, pilot.end, rollout.start) == (0, 1, 2)
    assert "E-Akte-Pilot" in rollout.reason and rollout.critical


@pytest.mark.django_db
def test_capacity_use_counts_as_the_planner_does(client, users, home, in_home, measures):
    scenario = ScenarioFactory(
        municipality=home,
        name="Basis",
        start_year=2027,
        periods=6,
        internal_days_per_period=60,
        provider_days_per_period=40,
        budget_per_year=100000,
    )
    plan = plan_scenario(scenario, time_limit=5)
    use = capacity_use(plan, scenario)
    # Pilot in the 1st and 2nd half-year (30 days each), rollout in the 3rd and 4th (40 each).
    assert [u.internal for u in use.periods] == [30, 30, 40, 40, 0, 0]
    assert use.internal_share(use.periods[2]) == pytest.approx(66.7)
    assert [(y.year, y.used) for y in use.years] == [(2027, 30000), (2028, 40000), (2029, 0)]
    assert use.years[0].share == 30.0
    client.force_login(users["viewer"])
    page = client.get(scenario.get_absolute_url()).content.decode()
    assert "Eigene Personentage je Halbjahr: Auslastung" in page and 'id="use-budget' in page
    assert "30.000" in page and "30 %" in page


@pytest.mark.django_db
def test_in_progress_measures_keep_their_start_when_replanning(in_home, measures, home):
    scenario = ScenarioFactory(municipality=home, name="Basis", start_year=2027, periods=6)
    measure = measures["pilot"]
    measure.status, measure.started_on = "in_progress", dt.date(2027, 8, 1)
    measure.save()
    plan = plan_scenario(scenario, time_limit=5)
    assert Placement.objects.get(plan=plan, measure=measure).start == 1


@pytest.mark.django_db
def test_conflicting_hard_deadlines_are_diagnosed_by_name(in_home, measures, home):
    for m in measures.values():
        m.deadline, m.deadline_is_hard = dt.date(2027, 12, 31), True
        m.save()
    scenario = ScenarioFactory(municipality=home, name="Eng", start_year=2027, periods=6)
    plan = plan_scenario(scenario, time_limit=5)
    assert plan.status == "infeasible"
    assert "E-Akte" in plan.diagnosis[0]["message"]


@pytest.mark.django_db
def test_planning_runs_as_a_job_and_the_page_shows_the_bundles(
    client, users, home, measures, django_capture_on_commit_callbacks
):
    scenario = ScenarioFactory(municipality=home, name="Basis", start_year=2027, periods=6)
    client.force_login(users["editor"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("roadmap:scenario_action", args=[home.slug, scenario.pk]), {"action": "plan"}
        )
    job = Job.objects.get()
    assert response["Location"] == reverse("jobs:detail", args=[home.slug, job.pk])
    assert job.status == "done" and job.result_url == scenario.get_absolute_url()
    page = client.get(scenario.get_absolute_url()).content.decode()
    assert (
        "Digitalbündel je Halbjahr" in page and "E-Akte-Rollout" in page and "1. Hj. 2027" in page
    )
    assert "wartet auf" in page


@pytest.mark.django_db
def test_compare_two_scenarios(client, users, home, measures):
    slow = ScenarioFactory(
        municipality=home, name="Basis", start_year=2027, periods=6, internal_days_per_period=35
    )
    fast = ScenarioFactory(
        municipality=home,
        name="Ambitioniert",
        start_year=2027,
        periods=6,
        internal_days_per_period=200,
    )
    plan_scenario(slow, time_limit=5)
    plan_scenario(fast, time_limit=5)
    client.force_login(users["viewer"])
    page = client.get(
        reverse("roadmap:compare", args=[home.slug]) + f"?s={slow.pk}&s={fast.pk}"
    ).content.decode()
    assert "Basis" in page and "Ambitioniert" in page and "Kosten je Haushaltsjahr" in page
    assert "ww-differs" in page  # less capacity finishes later
    chart = page[page.index('aria-labelledby="compare-benefit-t') :]
    chart = chart[: chart.index("</svg>")]
    assert "Basis" in chart and "Ambitioniert" in chart and "30.06.2027" in chart


@pytest.mark.django_db
def test_replanning_shows_what_moved_since_the_previous_plan(client, users, home, measures):
    scenario = ScenarioFactory(municipality=home, name="Basis", start_year=2027, periods=6)
    plan_scenario(scenario, time_limit=5)
    pilot = measures["pilot"]
    pilot.status, pilot.started_on = "delayed", dt.date(2027, 8, 1)  # started late
    pilot.save()
    plan_scenario(scenario, time_limit=5)
    client.force_login(users["viewer"])
    page = client.get(scenario.get_absolute_url()).content.decode()
    assert "Was sich verschoben hat" in page
    assert "E-Akte-Pilot: 1. Hj. 2027 → 2. Hj. 2027" in page
    assert "E-Akte-Rollout (3.1): 1. Hj. 2028 → 2. Hj. 2028" in page


@pytest.mark.django_db
def test_replanning_starts_from_today(in_home, measures, home):
    scenario = ScenarioFactory(municipality=home, name="Basis", start_year=2027, periods=6)
    built = build_problem(scenario, today=dt.date(2028, 3, 1))
    assert {t.release for t in built.problem.tasks} == {2}
