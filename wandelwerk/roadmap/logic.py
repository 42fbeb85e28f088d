"""Use cases of scenarios. A scenario frozen as the council's baseline never changes again."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from wandelwerk.audit.logic import delete_audited, record, save_audited, snapshot
from wandelwerk.audit.models import Action
from wandelwerk.jobs.logic import start_job
from wandelwerk.roadmap import team
from wandelwerk.roadmap.engine.allocation import Claim, TeamProblem
from wandelwerk.roadmap.engine.allocation_solver import allocate
from wandelwerk.roadmap.models import Scenario, TeamCapacity, TeamPlan
from wandelwerk.roadmap.problem import SKILLS
from wandelwerk.tenants import tenancy
from wandelwerk.tenants.models import Municipality
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


@transaction.atomic
def save_team_capacity(*, actor: Any, days: dict[tuple[str, int], int | None]) -> None:
    """Record the team's days per (skill, half-year ordinal), None: not recorded (not limited);
    one audit event for the change."""
    current = {
        (c.skill, c.period): c
        for c in TeamCapacity.objects.filter(period__in={p for _s, p in days}).select_for_update()
    }
    before = {f"{s} {p}": c.days for (s, p), c in current.items()}
    for (skill, period), value in days.items():
        row = current.get((skill, period))
        if value is None:
            if row is not None:
                row.delete()
        elif row is None:
            TeamCapacity.objects.create(skill=skill, period=period, days=value)
        elif row.days != value:
            row.days = value
            row.save(update_fields=["days", "updated_at"])
    after = {f"{s} {p}": v for (s, p), v in days.items()}
    if after != {k: before.get(k) for k in after}:
        record(
            actor=actor,
            action=Action.UPDATE,
            object_type="roadmap.TeamCapacity",
            object_repr="Team des IT-Dienstleisters",
            before=before,
            after=after,
        )


TEAM_PLAN_GAP = 0.02  # the page's run stops once it is proven within 2 % (or after 10 s)


def plan_team(*, actor: Any, today: dt.date, time_limit: float = 10.0) -> TeamPlan:
    """The provider-wide plan: the team's days shared over every municipality's plan as it
    stands (decided ones fixed), stored as a record of its moment."""
    half_years = team.window(today)
    first = half_years[0].ordinal
    cap = team.capacity(half_years)
    found = team.claims()
    periods = len(half_years)
    problem = TeamProblem(
        periods=periods,
        capacity={
            skill: [cap[skill].get(h.ordinal, team.UNLIMITED) for h in half_years]
            for skill in SKILLS
        },
        claims=[
            Claim(
                id=str(c.municipality_id),
                demand={s: [c.on(s, h.ordinal) for h in half_years] for s in SKILLS},
                fixed=c.decided,
                limit=[c.limit if c.first <= h.ordinal <= c.last else 0 for h in half_years],
                last=c.last - first,
            )
            for c in found
            if c.last >= first
        ],
    )
    result = allocate(problem, time_limit=time_limit, gap_limit=TEAM_PLAN_GAP)
    by_id = {str(c.municipality_id): c for c in found}
    return TeamPlan.objects.create(
        status=result.status.lower(),
        objective=result.objective,
        bound=result.bound,
        gap=result.gap,
        seconds=round(result.seconds, 2),
        first_period=first,
        periods=periods,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        result={
            "capacity": {s: [cap[s].get(h.ordinal) for h in half_years] for s in SKILLS},
            "first_seconds": round(result.first_seconds, 3),
            "shares": {
                key: {
                    "name": by_id[key].name,
                    "decided": by_id[key].decided,
                    "scenario": by_id[key].scenario,
                    "scenario_id": by_id[key].scenario_id,
                    "wished": share.wished,
                    "allocated": share.allocated,
                    "unserved": share.unserved,
                    "delay": share.delay,
                }
                for key, share in result.shares.items()
            },
            "overbooked": [
                {
                    "skill": o.skill,
                    "period": first + o.period,
                    "need": o.need,
                    "capacity": o.capacity,
                    "decided": [int(i) for i in o.decided],
                    "waiting": [int(i) for i in o.waiting],
                }
                for o in result.overbooked
            ],
        },
    )


def replan_within_team(*, actor: Any, team_plan: TeamPlan) -> int:
    """Queue a planning run for every undecided municipality of ``team_plan``: the scenario its
    claim came from, within its share of the team. Returns the number of runs queued."""
    queued = 0
    for key, share in team_plan.result.get("shares", {}).items():
        if share.get("decided") or not share.get("scenario_id"):
            continue
        municipality = Municipality.objects.filter(pk=int(key)).first()
        if municipality is None:
            continue
        with tenancy.activate(municipality):
            scenario = Scenario.objects.filter(pk=share["scenario_id"], frozen_at=None).first()
            if scenario is None:
                continue
            start_job(
                actor=actor,
                kind="roadmap.plan",
                title=f"Planung im Rahmen des Teamplans: {scenario.name}",
                params={"scenario": scenario.pk, "reference": "previous", "within_team": True},
                once=True,
            )
            queued += 1
    return queued
