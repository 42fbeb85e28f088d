"""Use cases of the knowledge-loss risk: rating, hand-over measures, HR's grants to unit heads.
Each runs in one transaction with its audit row."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from wandelwerk.audit.logic import record, snapshot
from wandelwerk.audit.models import Action
from wandelwerk.knowledge.models import ExitDataGrant, HandOver, RiskRating
from wandelwerk.knowledge.queries import knowledge_settings
from wandelwerk.knowledge.risk import queries, scales
from wandelwerk.measures.logic import save_measure
from wandelwerk.measures.models import Area, Source, Status
from wandelwerk.organisation.exits import employee_exit_date
from wandelwerk.organisation.models import Employee, OrgUnit
from wandelwerk.tenants.tenancy import require_municipality

HANDOVER_DAYS = 8  # internal staff days of a hand-over: tandem, debriefing, documentation


@transaction.atomic
def rate(
    *,
    actor: Any,
    employee: Employee,
    position_factor: int,
    note: str = "",
    today: dt.date | None = None,
) -> RiskRating:
    """A new rating (the old ones stay as history): the position factor as given, the
    attrition factor from the exit expected now."""
    today = today or timezone.localdate()
    municipality = require_municipality()
    if position_factor not in range(1, 6):
        raise ValueError(position_factor)
    exit_date = employee_exit_date(employee, municipality.land)
    attrition = scales.attrition_factor(
        exit_date, today, scales.bounds(knowledge_settings().attrition_months)
    )
    rating = RiskRating.objects.create(
        municipality=municipality,
        employee=employee,
        position_factor=position_factor,
        note=note.strip(),
        attrition_factor=attrition,
        exit_date=exit_date,
        total=attrition * position_factor,
        rated_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    record(actor=actor, action=Action.CREATE, obj=rating, after=snapshot(rating))
    return rating


def _title(unit: OrgUnit, topics: list[str]) -> str:
    named = ", ".join(topics[:3]) if topics else "Wissen der Einheit"
    more = f" und {len(topics) - 3} weitere" if len(topics) > 3 else ""
    return f"Wissensübergabe {unit.code}: {named}{more}"[:200]


@transaction.atomic
def create_handovers(*, actor: Any, today: dt.date | None = None) -> list[HandOver]:
    """A hand-over measure for every current high risk that has none yet. The measure names the
    unit and the topics, never the person; its deadline is the last half-year end
    ``handover_lead_months`` before the exit, or the earliest half-year when the exit is nearer
    (a soft deadline: the plan never becomes infeasible for it)."""
    today = today or timezone.localdate()
    municipality = require_municipality()
    config = knowledge_settings()
    made = []
    for row in queries.rows(municipality, today, None):
        total = row.total
        if row.handover is not None or total is None or row.exit_date is None:
            continue
        if scales.level(total, config.risk_high, config.risk_medium) != scales.HIGH:
            continue
        deadline, compressed = scales.handover_deadline(
            row.exit_date, today, config.handover_lead_months
        )
        unit = row.employee.org_unit
        topics = queries.topics_of(row.employee)
        measure = save_measure(
            actor=actor,
            values={
                "title": _title(unit, topics),
                "area": Area.KNOWLEDGE,
                "org_unit": unit,
                "description": (
                    "Tandem mit der Nachfolge, Übergabegespräch (Debriefing) mit der "
                    "Führungskraft und Dokumentation der Themen als Übergabedokument in der "
                    "Wissensdatenbank: " + (", ".join(topics) or "Aufgaben der Stelle") + "."
                ),
                "duration": 1,
                "internal_days": HANDOVER_DAYS,
                "benefit": 9,
                "source": Source.HANDOVER,
                "status": Status.ACCEPTED,
                # The reason states no lead time: deadline plus lead would date the exit.
                "reason": (
                    f"Hohes Wissensverlustrisiko nach TVA/IAEA in {unit}; die Frist folgt der "
                    "Übergaberegel der Kommune."
                ),
                "deadline": deadline,
                "deadline_is_hard": False,
            },
        )
        handover = HandOver.objects.create(
            municipality=municipality, employee=row.employee, measure=measure,
            rating=row.rating, compressed=compressed,
        )  # fmt: skip
        record(actor=actor, action=Action.CREATE, obj=handover, after=snapshot(handover))
        made.append(handover)
    return made


@transaction.atomic
def grant(*, actor: Any, unit: OrgUnit, user: Any) -> ExitDataGrant:
    """HR lets ``user`` (usually the unit head) see who leaves when in ``unit``."""
    found, created = ExitDataGrant.objects.get_or_create(
        org_unit=unit,
        user=user,
        defaults={"municipality": require_municipality(), "granted_by": actor},
    )
    if created:
        record(actor=actor, action=Action.CREATE, obj=found, after=snapshot(found))
    return found


@transaction.atomic
def revoke(*, actor: Any, grant: ExitDataGrant) -> None:
    before = snapshot(grant)
    pk = grant.pk
    grant.delete()
    record(actor=actor, action=Action.DELETE, obj=grant, object_id=str(pk), before=before)
