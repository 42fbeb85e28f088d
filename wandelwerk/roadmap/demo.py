"""Demo step: Musterstadt's scenarios "Basis" (frozen as the council's baseline) and "Ambitioniert"."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from wandelwerk.roadmap.logic import freeze_as_baseline, save_scenario
from wandelwerk.roadmap.models import Scenario
from wandelwerk.roadmap.planning import plan_scenario
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


def build_demo(stdout: Any) -> None:
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
