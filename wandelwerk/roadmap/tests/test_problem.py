"""From the measures as they stand today to the planner's problem: what is left of work under
way, where delayed work may go on, what is done, and what was begun too early."""

from __future__ import annotations

import datetime as dt

import pytest

from wandelwerk.roadmap.planning import plan_scenario
from wandelwerk.roadmap.problem import INTERNAL, PROVIDER, build_problem
from wandelwerk.roadmap.tests.conftest import TODAY
from wandelwerk.roadmap.tests.factories import ScenarioFactory

pytestmark = pytest.mark.django_db


def tasks_of(built):
    return {t.id: t for t in built.problem.tasks}


def test_problem_from_measures_and_scenario(in_home, measures):
    scenario = ScenarioFactory(municipality=in_home, periods=6, internal_days_per_period=50)
    built = build_problem(scenario, today=TODAY)
    tasks = tasks_of(built)
    rollout = tasks[str(measures["rollout"].pk)]
    assert len(tasks) == 2  # rejected measures are not planned
    assert rollout.predecessors == (str(measures["pilot"].pk),)
    assert rollout.demands == {INTERNAL: 40, PROVIDER: 10, "consulting": 10} and rollout.units == (
        "3.1",
    )
    assert built.problem.fiscal_year == [0, 0, 1, 1, 2, 2] and len(built.problem.budgets) == 3


def test_replanning_starts_from_today(in_home, measures, scenario):
    built = build_problem(scenario, today=dt.date(2028, 3, 1))
    assert built.now == 2 and {t.release for t in built.problem.tasks} == {2}


def test_work_under_way_keeps_its_start_and_only_what_is_left_is_planned(
    in_home, measures, scenario
):
    pilot = measures["pilot"]
    pilot.status, pilot.started_on, pilot.percent_done = "in_progress", dt.date(2027, 2, 1), 50
    pilot.save()
    built = build_problem(scenario, today=dt.date(2027, 9, 1))
    task = tasks_of(built)[str(pilot.pk)]
    # Begun in the 1st half of 2027 for two half-years: one is left, from the current one on.
    assert (task.fixed_start, task.duration) == (1, 1)
    assert task.demands == {INTERNAL: 30, PROVIDER: 10, "consulting": 10} and task.cost == 15000
    assert built.entries[str(pilot.pk)].started == 0
    late = build_problem(scenario, today=dt.date(2028, 9, 1))  # overdue: it runs on
    assert (tasks_of(late)[str(pilot.pk)].fixed_start, tasks_of(late)[str(pilot.pk)].duration) == (
        3,
        1,
    )


def test_delayed_work_goes_on_no_earlier_than_its_new_start(in_home, measures, scenario):
    pilot = measures["pilot"]
    pilot.status, pilot.earliest_start = "delayed", dt.date(2028, 7, 1)
    pilot.save()
    task = tasks_of(build_problem(scenario, today=TODAY))[str(pilot.pk)]
    assert (task.fixed_start, task.release, task.duration) == (None, 3, 2)
    pilot.started_on, pilot.percent_done = dt.date(2027, 2, 1), 50
    pilot.save()
    task = tasks_of(build_problem(scenario, today=TODAY))[str(pilot.pk)]
    assert (task.release, task.duration, task.demands[INTERNAL]) == (3, 1, 30)


def test_done_work_stays_where_it_happened_and_frees_what_waited_for_it(
    in_home, measures, scenario
):
    pilot = measures["pilot"]
    pilot.status, pilot.started_on, pilot.finished_on = (
        "done",
        dt.date(2027, 1, 5),
        dt.date(2027, 8, 30),
    )
    pilot.save()
    built = build_problem(scenario, today=dt.date(2027, 9, 1))
    entry = built.entries[str(pilot.pk)]
    assert entry.task is None and (entry.started, entry.finished) == (0, 1)
    assert tasks_of(built)[str(measures["rollout"].pk)].predecessors == ()


def test_beginning_before_a_prerequisite_is_done_is_a_warning_not_a_failure(
    client, users, in_home, measures, scenario
):
    rollout = measures["rollout"]
    rollout.status, rollout.started_on = "in_progress", dt.date(2027, 2, 1)
    rollout.save()
    plan = plan_scenario(scenario, today=dt.date(2027, 3, 1), time_limit=5)
    assert plan.status == "optimal"
    assert plan.warnings[0]["open"] == ["E-Akte-Pilot"]
    client.force_login(users["viewer"])
    page = client.get(scenario.get_absolute_url()).content.decode()
    assert "„E-Akte-Rollout (3.1)“ wurde begonnen, obwohl „E-Akte-Pilot“ noch offen ist." in page
