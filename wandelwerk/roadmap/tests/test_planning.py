"""A plan is a record of its moment: calendar half-years, the measures as planned, the
parameters it was computed with; its pages read nothing else."""

from __future__ import annotations

import pytest
from django.urls import reverse

from wandelwerk.jobs.models import Job
from wandelwerk.roadmap import queries
from wandelwerk.roadmap.models import Placement
from wandelwerk.roadmap.planning import plan_scenario
from wandelwerk.roadmap.tests.conftest import H1_2027, TODAY
from wandelwerk.roadmap.tests.factories import ScenarioFactory
from wandelwerk.tenants import tenancy

pytestmark = pytest.mark.django_db


def test_the_plan_keeps_its_parameters_and_every_measure_as_planned(in_home, measures, scenario):
    plan = plan_scenario(scenario, today=TODAY, time_limit=5)
    assert plan.status == "optimal"
    assert (plan.first_period, plan.periods, plan.planned_on) == (H1_2027, 6, TODAY)
    assert plan.parameters["internal_days_per_period"] == scenario.internal_days_per_period
    placed = {p.measure_id: p for p in Placement.objects.filter(plan=plan)}
    pilot, rollout = placed[measures["pilot"].pk], placed[measures["rollout"].pk]
    assert (pilot.title, pilot.area, pilot.start, pilot.end) == (
        "E-Akte-Pilot",
        "digital",
        H1_2027,
        H1_2027 + 1,
    )
    assert pilot.demands == {
        "internal": {str(H1_2027): 30, str(H1_2027 + 1): 30},
        "provider": {str(H1_2027): 10, str(H1_2027 + 1): 10},
        "consulting": {str(H1_2027): 10, str(H1_2027 + 1): 10},
    }
    assert pilot.costs == {str(H1_2027): 15000, str(H1_2027 + 1): 15000}
    assert (rollout.org_unit, rollout.org_unit_name, rollout.label) == (
        "3.1",
        "Bürgerbüro",
        "E-Akte-Rollout (3.1)",
    )
    assert rollout.prerequisites == [measures["pilot"].pk] and rollout.critical
    assert rollout.reason == {
        "kind": "predecessor",
        "ref": "E-Akte-Pilot",
        "ref_id": measures["pilot"].pk,
        "period": H1_2027 + 1,
    }


def test_the_page_says_why_in_calendar_half_years_without_solver_words(
    client, users, in_home, measures, scenario
):
    plan_scenario(scenario, today=TODAY, time_limit=5)
    client.force_login(users["viewer"])
    page = client.get(scenario.get_absolute_url()).content.decode()
    assert (
        "frühestens 1. Hj. 2028, weil die Voraussetzung „E-Akte-Pilot“ erst im 2. Hj. 2027 endet"
        in page
    )
    assert "der bestmögliche Plan unter diesen Vorgaben" in page
    for solver_word in ("Zielwert", "Abstand zum Optimum", "Halbjahr 3 des Plans", "Schranke"):
        assert solver_word not in page


def test_capacity_use_counts_as_the_planner_did(client, users, in_home, measures):
    scenario = ScenarioFactory(
        municipality=in_home,
        periods=6,
        internal_days_per_period=60,
        provider_days_per_period=40,
        budget_per_year=100000,
    )
    plan = plan_scenario(scenario, today=TODAY, time_limit=5)
    use = queries.capacity_use(plan, queries.placements(plan))
    # Pilot in the 1st and 2nd half-year (30 days each), rollout in the 3rd and 4th (40 each).
    assert [u.internal for u in use.periods] == [30, 30, 40, 40, 0, 0]
    assert use.internal_share(use.periods[2]) == pytest.approx(66.7)
    assert [(y.year, y.used) for y in use.years] == [(2027, 30000), (2028, 40000), (2029, 0)]
    assert use.years[0].share == 30.0
    client.force_login(users["viewer"])
    page = client.get(scenario.get_absolute_url()).content.decode()
    assert "Eigene Personentage je Halbjahr: Auslastung" in page and 'id="use-budget' in page
    assert "30.000" in page and "30 %" in page


def test_planning_runs_as_one_job_and_the_page_shows_the_bundles(
    client, users, home, measures, scenario, django_capture_on_commit_callbacks
):
    client.force_login(users["editor"])
    url = reverse("roadmap:scenario_action", args=[home.slug, scenario.pk])
    with django_capture_on_commit_callbacks(execute=False) as queued:
        first = client.post(url, {"action": "plan"})
        again = client.post(url, {"action": "plan"})  # while the first still waits
    job = Job.objects.unscoped().get()
    assert (
        first["Location"] == again["Location"] == reverse("jobs:detail", args=[home.slug, job.pk])
    )
    for callback in queued[:1]:
        callback()
    job.refresh_from_db()
    assert job.status == "done" and job.result_url == scenario.get_absolute_url()
    page = client.get(scenario.get_absolute_url()).content.decode()
    assert "Digitalbündel je Halbjahr" in page and "E-Akte-Rollout (3.1)" in page
    assert 'role="region" aria-labelledby="board-title" tabindex="0"' in page


def test_compare_two_scenarios_from_their_plans(client, users, in_home, measures):
    slow = ScenarioFactory(municipality=in_home, name="Basis", internal_days_per_period=35)
    fast = ScenarioFactory(municipality=in_home, name="Ambitioniert", internal_days_per_period=200)
    plan_scenario(slow, today=TODAY, time_limit=5)
    plan_scenario(fast, today=TODAY, time_limit=5)
    client.force_login(users["viewer"])
    page = client.get(
        reverse("roadmap:compare", args=[in_home.slug]) + f"?s={slow.pk}&s={fast.pk}"
    ).content.decode()
    assert "Basis" in page and "Ambitioniert" in page and "Kosten je Haushaltsjahr" in page
    assert "ww-differs" in page  # less capacity finishes later
    chart = page[page.index('aria-labelledby="compare-benefit-t') :]
    chart = chart[: chart.index("</svg>")]
    assert "Basis" in chart and "Ambitioniert" in chart and "30.06.2027" in chart


def test_the_form_shows_the_stored_start_of_a_scenario(client, users, home):
    scenario = ScenarioFactory(municipality=home, start_year=2031, start_half=2)
    client.force_login(users["editor"])
    form = client.get(reverse("roadmap:scenario_update", args=[home.slug, scenario.pk])).context[
        "form"
    ]
    assert (form["start_year"].value(), form["start_half"].value()) == (2031, 2)


def test_freezing_asks_first(client, users, home, measures, scenario):
    with tenancy.activate(home):
        plan_scenario(scenario, today=TODAY, time_limit=5)
    client.force_login(users["consultant"])
    url = reverse("roadmap:scenario_freeze", args=[home.slug, scenario.pk])
    page = client.get(url).content.decode()
    assert "Das lässt sich nicht rückgängig machen." in page
    scenario.refresh_from_db()
    assert not scenario.frozen
    client.post(url)
    scenario.refresh_from_db()
    assert scenario.is_baseline and scenario.frozen


def test_each_better_plan_shows_per_half_year_on_the_job_page_while_the_search_runs(
    client, users, home, measures, scenario, django_capture_on_commit_callbacks
):
    client.force_login(users["editor"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("roadmap:scenario_action", args=[home.slug, scenario.pk]), {"action": "plan"}
        )
    job = Job.objects.unscoped().get()
    interim = job.interim  # the last plan the search reported
    with tenancy.activate(home):
        plan = queries.latest_plan(scenario)
        use = queries.capacity_use(plan, queries.placements(plan))
    assert [r["label"] for r in interim["rows"]] == [
        "1. Hj. 2027",
        "2. Hj. 2027",
        "1. Hj. 2028",
        "2. Hj. 2028",
        "1. Hj. 2029",
        "2. Hj. 2029",
    ]
    assert interim["placed"] == interim["tasks"] == sum(r["starting"] for r in interim["rows"])
    assert [r["internal"] for r in interim["rows"]] == [p.internal for p in use.periods]
    assert [r["euro"] for r in interim["rows"]] == [p.budget for p in use.periods]

    Job.objects.unscoped().filter(pk=job.pk).update(status=Job.Status.RUNNING)
    url = reverse("jobs:detail", args=[home.slug, job.pk])
    page = client.get(url, headers={"HX-Request": "true"}).content.decode()  # the polled block
    assert f"Zwischenstand: {interim['number']}. Plan nach" in page
    assert "Eigene Personentage (von 200)" in page and "1. Hj. 2029" in page
    scenario_page = client.get(scenario.get_absolute_url()).content.decode()
    assert "Die Planung läuft" in scenario_page and url in scenario_page
