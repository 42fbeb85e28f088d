"""When no plan is possible, the page names the measures and the rule that collide, in a CDO's
words, and says what to change: one test per kind of conflict."""

from __future__ import annotations

import datetime as dt

import pytest

from wandelwerk.measures.tests.factories import MeasureFactory
from wandelwerk.organisation.tests.factories import OrgUnitFactory
from wandelwerk.roadmap.planning import plan_scenario
from wandelwerk.roadmap.tests.factories import ScenarioFactory

pytestmark = pytest.mark.django_db

MARCH_2027 = dt.date(2027, 3, 1)


def under_way(municipality, title, **values):
    return MeasureFactory(
        municipality=municipality,
        title=title,
        in_progress=True,
        started_on=dt.date(2027, 1, 15),
        duration=1,
        **values,
    )


def planned_page(client, users, scenario, today=MARCH_2027):
    plan = plan_scenario(scenario, today=today, time_limit=5)
    client.force_login(users["viewer"])
    return plan, client.get(scenario.get_absolute_url()).content.decode()


def test_budget(client, users, in_home):
    under_way(in_home, "A", budget_eur=60_000)
    under_way(in_home, "B", budget_eur=35_000)
    scenario = ScenarioFactory(municipality=in_home, budget_per_year=80_000)
    plan, page = planned_page(client, users, scenario)
    assert plan.status == "infeasible"
    assert (
        "Budget 2027: Die laufenden Maßnahmen „A“ und „B“ brauchen 95.000 €, vorhanden sind 80.000 €."
        in page
    )
    assert "Erhöhen Sie das Budget 2027 im Szenario" in page


def test_capacity(client, users, in_home):
    under_way(in_home, "A", internal_days=150)
    under_way(in_home, "B", internal_days=100)
    scenario = ScenarioFactory(municipality=in_home, internal_days_per_period=200)
    plan, page = planned_page(client, users, scenario)
    assert plan.status == "infeasible"
    assert (
        "Eigene Personentage im 1. Hj. 2027: Die laufenden Maßnahmen „A“ und „B“ brauchen 250, vorhanden sind 200."
        in page
    )
    assert "Erhöhen Sie die Kapazität im Szenario" in page


def test_fixed_starts_beyond_the_change_capacity_of_a_unit(client, users, in_home):
    unit = OrgUnitFactory(municipality=in_home, code="3.1")
    under_way(in_home, "A", org_unit=unit)
    under_way(in_home, "B", org_unit=unit)
    scenario = ScenarioFactory(municipality=in_home, change_capacity=1)
    plan, page = planned_page(client, users, scenario)
    assert plan.status == "infeasible"
    assert (
        "Einheit 3.1 im 1. Hj. 2027: 2 laufende Maßnahmen („A (3.1)“ und „B (3.1)“), verkraftbar sind 1."
        in page
    )
    assert "Erhöhen Sie die Veränderungskapazität" in page


def test_a_hard_deadline_that_cannot_hold(client, users, in_home):
    MeasureFactory(
        municipality=in_home,
        title="Portal",
        duration=3,
        deadline=dt.date(2027, 12, 31),
        deadline_is_hard=True,
    )
    scenario = ScenarioFactory(municipality=in_home)
    plan, page = planned_page(client, users, scenario)
    assert plan.status == "infeasible"
    assert "Die feste Frist von „Portal“ ist nicht zu halten: bis 2. Hj. 2027" in page
    assert "Verschieben Sie die Frist oder führen Sie sie als weiche Frist." in page


def test_hard_deadlines_that_cannot_hold_together(client, users, in_home):
    for title in ("A", "B"):
        MeasureFactory(
            municipality=in_home,
            title=title,
            internal_days=150,
            deadline=dt.date(2027, 6, 30),
            deadline_is_hard=True,
        )
    scenario = ScenarioFactory(municipality=in_home, internal_days_per_period=200)
    plan, page = planned_page(client, users, scenario)
    assert plan.status == "infeasible"
    assert "Die festen Fristen von „A“ und „B“ sind nicht zugleich zu halten." in page


def test_a_circle_of_prerequisites(client, users, in_home):
    a = MeasureFactory(municipality=in_home, title="A")
    b = MeasureFactory(municipality=in_home, title="B", prerequisites=[a])
    a.prerequisites.add(b)
    scenario = ScenarioFactory(municipality=in_home)
    plan, page = planned_page(client, users, scenario)
    assert plan.status == "infeasible"
    assert "Die Voraussetzungen bilden einen Kreis: „A“ → „B“ → „A“." in page
    assert "Entfernen Sie bei einer dieser Maßnahmen eine der Voraussetzungen." in page
