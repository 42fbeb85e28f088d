from __future__ import annotations

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
