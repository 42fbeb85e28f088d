"""Demo step: the provider's team and Musterstadt's scenarios "Basis" (frozen as the council's baseline) and "Ambitioniert"."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from wandelwerk.measures.logic import add_from_template
from wandelwerk.measures.models import MeasureTemplate
from wandelwerk.roadmap.logic import freeze_as_baseline, save_scenario, save_team_capacity
from wandelwerk.roadmap.models import Scenario, TeamCapacity
from wandelwerk.roadmap.planning import plan_scenario
from wandelwerk.roadmap.team import window
from wandelwerk.tenants import tenancy
from wandelwerk.tenants.models import Municipality

SCENARIOS = [
    ("Basis", "Heutige Kapazitäten und Haushaltsansätze.", 160, 40, 120_000, 2),
    (
        "Ambitioniert",
        "Mehr Budget und Beratertage, zwei Digitallotsen zusätzlich.",
        220,
        70,
        220_000,
        3,
    ),
]


# The provider's team: days per half-year for Beratung, Technik and Schulung.
TEAM = {"consulting": 120, "engineering": 20, "training": 20}


def build_team(stdout: Any) -> None:
    if TeamCapacity.objects.exists():
        return
    half_years = window(timezone.localdate())
    save_team_capacity(
        actor=None,
        days={(skill, h.ordinal): days for skill, days in TEAM.items() for h in half_years},
    )
    stdout.write("  Team des IT-Dienstleisters: Tage je Fähigkeit und Halbjahr\n")


# Beispieldorf's first draft, not yet decided: it competes with Musterstadt for Technik.
DRAFT = [
    "e-akte-grobkonzept",
    "xrechnung-workflow",
    "website-relaunch-bitv",
    "epayment-epaybl",
    "it-bestandsaufnahme",
]


def build_draft(stdout: Any) -> None:
    municipality = Municipality.objects.filter(slug="beispieldorf").first()
    if municipality is None:
        return
    today = timezone.localdate()
    with tenancy.activate(municipality):
        if Scenario.objects.exists():
            return
        for template in MeasureTemplate.objects.filter(key__in=DRAFT):
            add_from_template(actor=None, template=template)
        scenario = save_scenario(
            actor=None,
            values={
                "name": "Entwurf",
                "description": "Erster Entwurf mit den Vorhaben der Verwaltungsspitze.",
                "start_year": today.year,
                "start_half": 1 if today.month <= 6 else 2,
                "periods": 8,
                "internal_days_per_period": 60,
                "provider_days_per_period": 40,
                "budget_per_year": 80_000,
                "change_capacity": 3,
            },
        )
        plan_scenario(scenario, time_limit=5)
        stdout.write(f"  {municipality.name}: Szenario „Entwurf“ (nicht beschlossen)\n")


def build_demo(stdout: Any) -> None:
    build_team(stdout)
    build_draft(stdout)
    municipality = Municipality.objects.filter(slug="musterstadt").first()
    if municipality is None:
        return
    today = timezone.localdate()
    with tenancy.activate(municipality):
        if Scenario.objects.exists():
            return
        created = []
        for name, description, internal, provider, budget, change in SCENARIOS:
            scenario = save_scenario(
                actor=None,
                values={
                    "name": name,
                    "description": description,
                    "start_year": today.year,
                    "start_half": 1 if today.month <= 6 else 2,
                    "periods": 10,
                    "internal_days_per_period": internal,
                    "provider_days_per_period": provider,
                    "budget_per_year": budget,
                    "change_capacity": change,
                },
            )
            plan_scenario(scenario, time_limit=10)
            created.append(scenario)
        freeze_as_baseline(actor=None, scenario=created[0])
        stdout.write(
            f"  {municipality.name}: Szenarien {', '.join(s.name for s in created)}; „Basis“ als Ratsbeschluss festgeschrieben\n"
        )
