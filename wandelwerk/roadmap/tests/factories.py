"""Factories of scenarios and plans.

``ScenarioFactory`` builds a scenario of six half-years from 2027 with the model's default
capacities; ``ScenarioFactory(baseline=True)`` one frozen as the council's baseline.
"""

from __future__ import annotations

import factory
from django.utils import timezone

from wandelwerk.roadmap.models import Placement, Plan, Scenario
from wandelwerk.tenants.tests.factories import MunicipalityFactory


class ScenarioFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Scenario

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Szenario {n}")
    start_year = 2027
    start_half = 1
    periods = 6

    class Params:
        baseline = factory.Trait(is_baseline=True, frozen_at=factory.LazyFunction(timezone.now))


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    municipality = factory.LazyAttribute(lambda o: o.scenario.municipality)
    scenario = factory.SubFactory(ScenarioFactory)
    status = Plan.Status.OPTIMAL

    class Params:
        infeasible = factory.Trait(status=Plan.Status.INFEASIBLE)


class PlacementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Placement

    municipality = factory.LazyAttribute(lambda o: o.plan.municipality)
    plan = factory.SubFactory(PlanFactory)
    measure = factory.SubFactory(
        "wandelwerk.measures.tests.factories.MeasureFactory",
        municipality=factory.SelfAttribute("..plan.municipality"),
    )
    start = 0
    end = 0
