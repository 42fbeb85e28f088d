"""Use cases of scenarios. A scenario frozen as the council's baseline never changes again."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from wandelwerk.audit.logic import delete_audited, record, save_audited, snapshot
from wandelwerk.audit.models import Action
from wandelwerk.roadmap.models import Scenario
from wandelwerk.tenants.tenancy import require_municipality


class ScenarioFrozen(ValueError):
    """The scenario is the council's baseline and cannot change."""


def _check_open(scenario: Scenario) -> None:
    if scenario.frozen:
        raise ScenarioFrozen(
            "Das Szenario ist als Basis festgeschrieben und kann nicht mehr geändert werden."
        )


@transaction.atomic
def save_scenario(
    *, actor: Any, scenario: Scenario | None = None, values: dict[str, Any]
) -> Scenario:
    if scenario is not None and scenario.pk:
        _check_open(Scenario.objects.get(pk=scenario.pk))
    before = snapshot(scenario) if scenario is not None and scenario.pk else None
    scenario = scenario or Scenario(municipality=require_municipality())
    for key, value in values.items():
        setattr(scenario, key, value)
    save_audited(actor=actor, instance=scenario, before=before)
    return scenario


@transaction.atomic
def freeze_as_baseline(*, actor: Any, scenario: Scenario) -> Scenario:
    """Freeze the scenario as the version the council adopted; earlier baselines stay frozen."""
    _check_open(scenario)
    if not scenario.plans.exists():
        raise ValueError(
            "Bitte das Szenario zuerst planen: festgeschrieben wird der aktuelle Plan."
        )
    before = snapshot(scenario)
    Scenario.objects.filter(is_baseline=True).update(is_baseline=False)
    scenario.is_baseline = True
    scenario.frozen_at = timezone.now()
    scenario.save(update_fields=["is_baseline", "frozen_at"])
    record(
        actor=actor, action=Action.TRANSITION, obj=scenario, before=before, after=snapshot(scenario)
    )
    return scenario


@transaction.atomic
def copy_scenario(*, actor: Any, scenario: Scenario, name: str) -> Scenario:
    values = {
        f.name: getattr(scenario, f.name)
        for f in Scenario._meta.concrete_fields
        if f.name not in {"id", "municipality", "name", "is_baseline", "frozen_at", "created_at"}
    }
    values["name"] = name
    return save_scenario(actor=actor, values=values)


@transaction.atomic
def delete_scenario(*, actor: Any, scenario: Scenario) -> None:
    _check_open(scenario)
    delete_audited(
        actor=actor, instance=scenario, in_use_message="Das Szenario wird noch verwendet."
    )
