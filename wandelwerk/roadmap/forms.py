from __future__ import annotations

from typing import Any

from wandelwerk.core.forms import KernModelForm
from wandelwerk.roadmap.models import Scenario


class ScenarioForm(KernModelForm):
    class Meta:
        model = Scenario
        fields = [
            "name",
            "description",
            "start_year",
            "start_half",
            "periods",
            "internal_days_per_period",
            "provider_days_per_period",
            "budget_per_year",
            "change_capacity",
            "weight_benefit",
            "weight_deadlines",
            "weight_focus",
        ]


WHAT_IF_FIELDS = list(Scenario.TUNABLE)


class WhatIfForm(KernModelForm):
    """The scenario's capacities, budget and weights to try out, starting from its own."""

    class Meta:
        model = Scenario
        fields = WHAT_IF_FIELDS

    def __init__(self, *args: Any, scenario: Scenario, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {name: getattr(scenario, name) for name in WHAT_IF_FIELDS})
        kwargs["auto_id"] = "wasw-%s"
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.help_text = ""
