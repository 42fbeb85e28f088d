"""Plans made before plans were records: their placements get calendar half-years and the
measure as it is now (the best that is known of it), their plans the scenario's parameters."""

import math

from django.db import migrations


def _ordinal(year, half):
    return year * 2 + half - 1


def forward(apps, schema_editor):
    Plan = apps.get_model("roadmap", "Plan")
    Placement = apps.get_model("roadmap", "Placement")
    for plan in Plan.objects.select_related("scenario", "scenario__municipality"):
        scenario = plan.scenario
        first = _ordinal(scenario.start_year, scenario.start_half)
        start_month = scenario.municipality.fiscal_year_start_month
        plan.first_period = first
        plan.periods = scenario.periods
        plan.planned_on = plan.created_at.date()
        plan.parameters = {
            "internal_days_per_period": scenario.internal_days_per_period,
            "provider_days_per_period": scenario.provider_days_per_period,
            "budget_per_year": scenario.budget_per_year,
            "change_capacity": scenario.change_capacity,
            "weight_benefit": scenario.weight_benefit,
            "weight_deadlines": scenario.weight_deadlines,
            "weight_focus": scenario.weight_focus,
            "fiscal_year_start_month": start_month,
            "now": first,
        }
        plan.diagnosis = [
            {"kind": "text", "text": d.get("message", "")} for d in plan.diagnosis or []
        ]
        plan.save()
        for placement in Placement.objects.filter(plan=plan).select_related(
            "measure", "measure__org_unit"
        ):
            m = placement.measure
            duration = max(1, m.duration)
            placement.title = m.title[:200]
            placement.area = m.area
            placement.org_unit = m.org_unit.code if m.org_unit else ""
            placement.org_unit_name = m.org_unit.name if m.org_unit else ""
            placement.status = m.status
            placement.duration = duration
            placement.benefit = m.benefit
            placement.deadline = m.deadline
            placement.deadline_hard = m.deadline_is_hard
            placement.prerequisites = list(m.prerequisites.values_list("pk", flat=True))
            placement.why = {"kind": "text", "text": placement.reason}
            if placement.start is not None:
                placement.start = first + placement.start
                placement.end = placement.start + duration - 1
                internal = math.ceil(m.internal_days / duration)
                provider = math.ceil(m.provider_days / duration)
                halves = [str(placement.start + offset) for offset in range(duration)]
                placement.demands = {
                    key: dict.fromkeys(halves, need)
                    for key, need in (("internal", internal), ("provider", provider))
                    if need
                }
                share = m.budget_eur // duration
                placement.costs = {
                    str(placement.start + offset): share
                    + (m.budget_eur - share * duration if offset == 0 else 0)
                    for offset in range(duration)
                }
            placement.save()


class Migration(migrations.Migration):
    dependencies = [("roadmap", "0002_plans_as_records")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
