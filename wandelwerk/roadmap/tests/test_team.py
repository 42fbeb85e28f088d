"""The provider's team as one resource over every municipality: provider days split by skill,
overbooking named (other municipalities as "andere Kommunen" for a municipality's people), the
best feasible alternative, and the provider-wide team plan."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from django.urls import reverse

from wandelwerk.jobs.models import Job
from wandelwerk.measures.tests.factories import MeasureFactory
from wandelwerk.roadmap import logic, team
from wandelwerk.roadmap.models import TeamCapacity, TeamPlan
from wandelwerk.roadmap.periods import HalfYear
from wandelwerk.roadmap.planning import plan_scenario
from wandelwerk.roadmap.problem import Parameters, build_problem
from wandelwerk.roadmap.tests.factories import ScenarioFactory
from wandelwerk.tenants import tenancy
from wandelwerk.tenants.tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 30)
H1_2027 = HalfYear(2027, 1)


def _team(engineering: int, consulting: int = 500, training: int = 500) -> None:
    days = {"consulting": consulting, "engineering": engineering, "training": training}
    logic.save_team_capacity(
        actor=None,
        days={(s, H1_2027.shift(i).ordinal): d for s, d in days.items() for i in range(4)},
    )


def _planned(municipality, *, engineering: int, baseline: bool = False, name: str = "Plan"):
    """A municipality with one measure needing ``engineering`` days of Technik in 1. Hj. 2027."""
    MeasureFactory(
        municipality=municipality,
        title=f"Schnittstellen {municipality.name}",
        duration=1,
        provider_days=engineering + 2,
        engineering_days=engineering,
        internal_days=5,
        benefit=9,
    )
    scenario = ScenarioFactory(
        municipality=municipality, name=name, start_year=2027, periods=4,
        provider_days_per_period=200,
    )  # fmt: skip
    with tenancy.activate(municipality):
        plan = plan_scenario(scenario, today=TODAY, time_limit=3)
        if baseline:
            logic.freeze_as_baseline(actor=None, scenario=scenario)
    return scenario, plan


def test_provider_days_are_split_by_skill_and_the_catalogue_says_which(in_home):
    measure = MeasureFactory(
        municipality=in_home, duration=2, provider_days=40, engineering_days=24, training_days=6
    )
    scenario = ScenarioFactory(municipality=in_home, start_year=2027, periods=4)
    task = next(t for t in build_problem(scenario, today=TODAY).problem.tasks)
    assert task.id == str(measure.pk)
    assert task.demands["provider"] == 20
    assert (task.demands["consulting"], task.demands["engineering"], task.demands["training"]) == (
        5,
        12,
        3,
    )
    from wandelwerk.measures.catalog import load_catalog
    from wandelwerk.measures.models import MeasureTemplate

    load_catalog()
    pilot = MeasureTemplate.objects.get(key="e-akte-pilot")
    assert pilot.engineering_days > 0 and pilot.provider_split()["consulting"] > 0


def test_the_measure_form_refuses_more_skill_days_than_provider_days(client, users, home):
    client.force_login(users["editor"])
    response = client.post(
        reverse("measures:measure_create", args=[home.slug]),
        {"title": "Zu viel", "area": "digital", "duration": 1, "internal_days": 1,
         "provider_days": 10, "engineering_days": 8, "training_days": 5, "budget_eur": 0,
         "benefit": 5},
    )  # fmt: skip
    assert response.status_code == 200
    assert (
        "Technik und Schulung zusammen sind mehr als die Beratertage" in response.content.decode()
    )


def test_a_plan_that_overbooks_the_team_names_the_half_year_the_skill_and_the_competitors(
    client, users, home, other
):
    _team(engineering=30)
    _planned(other, engineering=20, baseline=True)  # Anderdorf's council decided
    scenario, plan = _planned(home, engineering=20)
    (clash,) = team.clashes(plan, TODAY)
    assert (clash.half_year, clash.skill, clash.need, clash.capacity, clash.own) == (
        H1_2027,
        "engineering",
        40,
        30,
        20,
    )
    assert clash.others == ((other.pk, "Anderdorf"),)
    url = reverse("roadmap:scenario_detail", args=[home.slug, scenario.pk])
    client.force_login(users["editor"])  # the municipality's own people: no other names
    page = client.get(url).content.decode()
    assert "überbucht das Team" in page and "andere Kommunen" in page
    assert "Anderdorf" not in page
    assert "Beste machbare Alternative planen" in page
    assert "alle Pläne" not in page  # the total would give the others' days away
    client.force_login(users["consultant"])  # assigned to Heimstadt, not to Anderdorf
    page = client.get(url).content.decode()
    assert "Anderdorf" not in page and "andere Kommunen" in page and "alle Pläne" in page
    client.force_login(users["provider_admin"])
    assert "Anderdorf" in client.get(url).content.decode()


def test_the_best_feasible_alternative_plans_within_what_the_team_has_free(
    client, users, home, other
):
    _team(engineering=30)
    _planned(other, engineering=20, baseline=True)
    scenario, _plan = _planned(home, engineering=20)
    client.force_login(users["editor"])
    client.post(
        reverse("roadmap:scenario_action", args=[home.slug, scenario.pk]),
        {"action": "plan_within_team", "reference": "previous"},
    )
    job = Job.objects.unscoped().get(kind="roadmap.plan", municipality=home)
    assert job.params["within_team"] is True
    # What the job runs: the scenario with the team's free days as a limit.
    with tenancy.activate(home):
        parameters = Parameters.of(scenario)
        free = team.availability(home.pk, parameters.half_years)
        assert free.days["engineering"][:2] == [10, 30] and free.team_plan is None
        alternative = plan_scenario(
            scenario, today=TODAY, time_limit=3, parameters=replace(parameters, team=free.days)
        )
        (placed,) = [
            p for p in alternative.placements.all() if p.title.startswith("Schnittstellen")
        ]
    assert placed.start == H1_2027.shift(1).ordinal  # waits for the half-year with room
    assert team.clashes(alternative, TODAY) == []
    page = client.get(reverse("roadmap:scenario_detail", args=[home.slug, scenario.pk]))
    assert "mit den Tagen gerechnet, die das Team" in page.content.decode()
    assert "nach dieser Planung geändert" not in page.content.decode()


def test_work_under_way_keeps_its_team_days_when_planned_within_a_share(in_home):
    import datetime as _dt

    running = MeasureFactory(
        municipality=in_home, duration=2, provider_days=20, engineering_days=20,
        status="in_progress", started_on=_dt.date(2027, 2, 1),
    )  # fmt: skip
    scenario = ScenarioFactory(municipality=in_home, start_year=2027, periods=4)
    parameters = replace(Parameters.of(scenario), team={"engineering": [0, 0, 0, 0]})
    built = build_problem(scenario, today=_dt.date(2027, 3, 1), parameters=parameters)
    (task,) = [t for t in built.problem.tasks if t.id == str(running.pk)]
    assert task.fixed_start == 0
    assert built.problem.capacities["engineering"] == [10, 10, 0, 0]


def test_the_team_plan_keeps_decided_plans_shows_their_overbooking_and_who_gives_way(
    client, users, home, other
):
    _team(engineering=15)
    _planned(other, engineering=20, baseline=True)  # decided: overbooks Technik alone
    _planned(home, engineering=10)  # undecided: gives way
    result = logic.plan_team(actor=users["provider_admin"], today=TODAY, time_limit=5)
    shares = result.result["shares"]
    first = result.first_period
    offset = H1_2027.ordinal - first
    assert shares[str(other.pk)]["decided"]
    assert shares[str(other.pk)]["allocated"]["engineering"][offset] == 20
    assert shares[str(home.pk)]["allocated"]["engineering"][offset] == 0
    assert shares[str(home.pk)]["allocated"]["engineering"][offset + 1] == 10
    (over,) = result.result["overbooked"]
    assert over["period"] == H1_2027.ordinal and over["decided"] == [other.pk]
    assert over["waiting"] == [home.pk]
    # The municipality then plans within its share of the team plan.
    with tenancy.activate(home):
        free = team.availability(home.pk, [H1_2027, H1_2027.shift(1)])
    assert free.team_plan == result and free.days["engineering"] == [0, 10]
    client.force_login(users["provider_admin"])
    page = client.get(reverse("team")).content.decode()
    assert "offene Pläne, die weichen können" in page and "Heimstadt" in page


def test_a_consultant_sees_the_team_with_only_the_assigned_municipalities_named(
    client, users, home, other
):
    _team(engineering=15)
    _planned(other, engineering=20, baseline=True)
    _planned(home, engineering=10)
    logic.plan_team(actor=None, today=TODAY, time_limit=5)
    client.force_login(users["consultant"])  # assigned to Heimstadt only
    page = client.get(reverse("team")).content.decode()
    assert "Heimstadt" in page and "Anderdorf" not in page and "andere Kommunen" in page
    assert "Teamplan berechnen" not in page  # only provider admins run it
    assert client.post(reverse("team"), {"action": "plan"}).status_code == 403
    for user in ("editor", "municipality_admin", "viewer"):
        client.force_login(users[user])
        assert client.get(reverse("team")).status_code == 403


def test_the_team_days_are_saved_a_stale_save_is_refused_and_empty_means_not_recorded(
    client, users
):
    client.force_login(users["provider_admin"])
    page = client.get(reverse("team"))
    stand = page.context["stand"]
    now = HalfYear.of(dt.date.today())
    field = f"d_engineering_{now.ordinal}"
    response = client.post(reverse("team"), {"action": "capacity", "_stand": stand, field: "40"})
    assert response.status_code == 302
    assert TeamCapacity.objects.get(skill="engineering", period=now.ordinal).days == 40
    # Someone else saved meanwhile: the old fingerprint no longer matches.
    other_admin = UserFactory(username="zweite")
    MembershipFactory(user=other_admin, municipality=None, role="provider_admin")
    refused = client.post(reverse("team"), {"action": "capacity", "_stand": stand, field: "55"})
    assert refused.status_code == 200 and "inzwischen an anderer Stelle geändert" in (
        refused.content.decode()
    )
    assert TeamCapacity.objects.get(skill="engineering", period=now.ordinal).days == 40
    fresh = client.get(reverse("team")).context["stand"]
    client.post(reverse("team"), {"action": "capacity", "_stand": fresh, field: ""})
    assert not TeamCapacity.objects.filter(skill="engineering", period=now.ordinal).exists()
    bad = client.post(reverse("team"), {"action": "capacity", "_stand": fresh, field: "-3"})
    assert bad.status_code == 200 and "Bitte korrigieren" in bad.content.decode()
    assert TeamPlan.objects.count() == 0


def _team_page_queries(client) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(reverse("team")).status_code == 200
    return len(ctx.captured_queries)


def test_the_team_page_asks_a_fixed_number_of_queries_whatever_the_number_of_municipalities(
    client, users, home, other
):
    from wandelwerk.tenants.tests.factories import MunicipalityFactory

    _team(engineering=30)
    _planned(home, engineering=10)
    _planned(other, engineering=10, baseline=True)
    logic.plan_team(actor=None, today=TODAY, time_limit=2)
    client.force_login(users["provider_admin"])
    small = _team_page_queries(client)
    for n in range(4):
        _planned(MunicipalityFactory(slug=f"ort-{n}", name=f"Ort {n}"), engineering=5)
    logic.plan_team(actor=None, today=TODAY, time_limit=2)
    assert _team_page_queries(client) == small


def test_the_provider_replans_every_open_plan_within_its_share(client, users, home, other):
    _team(engineering=15)
    _planned(other, engineering=20, baseline=True)
    scenario, _plan = _planned(home, engineering=10)
    logic.plan_team(actor=None, today=TODAY, time_limit=5)
    client.force_login(users["provider_admin"])
    stale = client.post(reverse("team"), {"action": "replan", "team_plan": "0"}, follow=True)
    assert "neueren Teamplan" in stale.content.decode()
    latest = TeamPlan.objects.get()
    response = client.post(
        reverse("team"), {"action": "replan", "team_plan": str(latest.pk)}, follow=True
    )
    assert "1 Planungen gestartet" in response.content.decode()
    (job,) = Job.objects.unscoped().filter(kind="roadmap.plan")
    assert job.municipality == home  # the decided baseline is not re-planned
    assert job.params == {"scenario": scenario.pk, "reference": "previous", "within_team": True}


def test_each_municipality_shows_its_baseline_plan_else_its_newest_in_one_query(
    home, other, django_assert_num_queries
):
    from wandelwerk.roadmap.queries import shown_plans

    _basis, decided = _planned(home, engineering=5, baseline=True, name="Basis")
    _planned(home, engineering=5, name="Entwurf")  # newer, but not decided
    _planned(other, engineering=5, name="A")
    _b, newest = _planned(other, engineering=5, name="B")
    with django_assert_num_queries(1):
        shown = shown_plans([home.pk, other.pk])
    assert (shown[home.pk].plan_id, shown[home.pk].decided) == (decided.pk, True)
    assert (shown[other.pk].plan_id, shown[other.pk].decided) == (newest.pk, False)
    assert shown[other.pk].scenario == "B"
