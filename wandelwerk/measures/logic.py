"""Use cases of a municipality's measures. Each runs in one transaction with its audit rows."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from wandelwerk.audit.logic import delete_audited, record, save_audited, snapshot
from wandelwerk.audit.models import Action
from wandelwerk.measures.models import Measure, MeasureTemplate, Scope, Source, Status
from wandelwerk.organisation.models import OrgUnit
from wandelwerk.ozg.models import AdministrativeService
from wandelwerk.tenants.tenancy import require_municipality


class MeasureError(ValueError):
    pass


def _scope_for(
    template: MeasureTemplate, org_unit: OrgUnit | None, service: AdministrativeService | None
) -> tuple[OrgUnit | None, AdministrativeService | None]:
    if template.scope == Scope.ADMINISTRATION:
        return None, None
    if template.scope == Scope.UNIT:
        return (org_unit or (service.org_unit if service else None)), None
    return (service.org_unit if service else org_unit), service


@transaction.atomic
def add_from_template(
    *,
    actor: Any,
    template: MeasureTemplate,
    org_unit: OrgUnit | None = None,
    service: AdministrativeService | None = None,
    status: str = Status.ACCEPTED,
    source: str = Source.CATALOGUE,
    reason: str = "",
    assessment: Any = None,
) -> Measure:
    """Add a catalogue measure for its scope, and every prerequisite measure it needs (once).
    ``assessment``: the DigiCheck that recommends it (its triage page lists it)."""
    org_unit, service = _scope_for(template, org_unit, service)
    if template.scope == Scope.SERVICE and service is None:
        raise MeasureError("Diese Maßnahme gilt je Leistung: bitte eine Leistung wählen.")
    existing = Measure.objects.filter(template=template, org_unit=org_unit, service=service).first()
    if existing is not None:
        return existing
    municipality = require_municipality()
    title, description = template.text_for(municipality.land)
    if service is not None:  # a measure per service names it
        title = f"{title}: {service.name}"[:200]
    measure = Measure(
        municipality=municipality,
        template=template,
        title=title,
        area=template.area,
        description=description,
        org_unit=org_unit,
        service=service,
        duration=template.duration,
        internal_days=template.internal_days,
        provider_days=template.provider_days,
        engineering_days=template.engineering_days,
        training_days=template.training_days,
        budget_eur=template.budget_eur,
        benefit=template.benefit,
        status=status,
        source=source,
        reason=reason,
        assessment=assessment,
    )
    save_audited(actor=actor, instance=measure, before=None)
    needed = MeasureTemplate.objects.filter(key__in=template.prerequisite_keys)
    for prerequisite in needed:
        before = add_from_template(
            actor=actor,
            template=prerequisite,
            org_unit=org_unit,
            service=service,
            status=status if status != Status.PROPOSED else Status.PROPOSED,
            source=source,
            reason=f"Voraussetzung für „{title}“",
            assessment=assessment,
        )
        measure.prerequisites.add(before)
    return measure


@transaction.atomic
def save_measure(
    *,
    actor: Any,
    measure: Measure | None = None,
    values: dict[str, Any],
    prerequisites: list[Measure] | None = None,
) -> Measure:
    before = snapshot(measure) if measure is not None and measure.pk else None
    measure = measure or Measure(
        municipality=require_municipality(), source=Source.OWN, status=Status.ACCEPTED
    )
    for key, value in values.items():
        setattr(measure, key, value)
    save_audited(actor=actor, instance=measure, before=before)
    if prerequisites is not None:
        if measure in prerequisites or any(_depends_on(p, measure) for p in prerequisites):
            raise MeasureError(
                "Eine Maßnahme kann nicht (auch nicht über andere) von sich selbst abhängen."
            )
        measure.prerequisites.set(prerequisites)
    return measure


def _depends_on(measure: Measure, target: Measure) -> bool:
    """Whether ``measure`` needs ``target`` directly or through other measures."""
    if target.pk is None:
        return False
    seen: set[int] = set()
    stack = [measure]
    while stack:
        current = stack.pop()
        if current.pk == target.pk:
            return True
        if current.pk in seen:
            continue
        seen.add(current.pk)
        stack.extend(current.prerequisites.all())
    return False


@transaction.atomic
def set_status(*, actor: Any, measure: Measure, status: str) -> Measure:
    """Change the status; starting dates the start, finishing the end. Taking a start back
    (to accepted) forgets its dates and progress: the plan treats it as not begun again."""
    if status not in Status.values:
        raise MeasureError("Unbekannter Status.")
    before = snapshot(measure)
    today = timezone.localdate()
    measure.status = status
    if status == Status.IN_PROGRESS:
        measure.started_on = measure.started_on or today
        measure.finished_on = None
    if status == Status.DONE:
        measure.finished_on = measure.finished_on or today
        measure.started_on = measure.started_on or today
        measure.percent_done = 100
    if status in (Status.ACCEPTED, Status.PLANNED, Status.PROPOSED, Status.REJECTED):
        measure.started_on = measure.finished_on = None
        measure.percent_done = 0
    measure.save()
    record(
        actor=actor, action=Action.TRANSITION, obj=measure, before=before, after=snapshot(measure)
    )
    return measure


@transaction.atomic
def decide_proposals(
    *, actor: Any, measures: list[Measure], accept: bool
) -> tuple[list[Measure], list[Measure]]:
    """Accept or reject several proposals at once (each audited). Accepting one accepts the
    proposals it needs first. Returns (changed, skipped): a measure someone else decided
    meanwhile is skipped, never overwritten."""
    target = Status.ACCEPTED if accept else Status.REJECTED
    todo = list(Measure.objects.select_for_update().filter(pk__in=[m.pk for m in measures]))
    changed: list[Measure] = []
    skipped: list[Measure] = []
    seen: set[int] = set()
    while todo:
        measure = todo.pop(0)
        if measure.pk in seen:
            continue
        seen.add(measure.pk)
        if measure.status != Status.PROPOSED:
            if measure in measures:
                skipped.append(measure)
            continue
        changed.append(set_status(actor=actor, measure=measure, status=target))
        if accept:
            todo.extend(measure.prerequisites.filter(status=Status.PROPOSED))
    return changed, skipped


@transaction.atomic
def record_progress(
    *,
    actor: Any,
    measure: Measure,
    started_on: dt.date,
    percent_done: int,
    earliest_start: dt.date | None = None,
) -> Measure:
    """What is done of a measure under way or delayed: when it began, how much is done, and
    (when delayed) from when the rest can go on. The next plan plans only what is left."""
    if measure.status not in (Status.IN_PROGRESS, Status.DELAYED):
        raise MeasureError("Den Stand erfassen Sie für begonnene oder verzögerte Maßnahmen.")
    if not 0 <= percent_done <= 100:
        raise MeasureError("Der erledigte Anteil liegt zwischen 0 und 100 %.")
    before = snapshot(measure)
    measure.started_on = started_on
    measure.percent_done = percent_done
    if measure.status == Status.DELAYED:
        measure.earliest_start = earliest_start
    measure.full_clean()
    measure.save()
    record(actor=actor, action=Action.UPDATE, obj=measure, before=before, after=snapshot(measure))
    return measure


@transaction.atomic
def delete_measure(*, actor: Any, measure: Measure) -> None:
    if measure.dependents.exists():
        raise MeasureError("Andere Maßnahmen setzen diese voraus; bitte zuerst dort entfernen.")
    delete_audited(
        actor=actor, instance=measure, in_use_message="Die Maßnahme wird noch verwendet."
    )


@transaction.atomic
def recommend(*, actor: Any, assessment: Any) -> list[Measure]:
    """Propose catalogue measures for an approved DigiCheck, each with its reason in words.

    Every template's rule is evaluated for the assessed unit (its area scores and targets, the
    answers, the unit's services); a match becomes a proposed measure (with its prerequisites),
    which the user accepts, edits or rejects. Measures already there are left as they are.
    """
    from wandelwerk.assessments.applicability import not_applicable_because
    from wandelwerk.assessments.checks.queries import result
    from wandelwerk.assessments.checks.scope import unit_traits
    from wandelwerk.measures.recommend import ServiceFacts, UnitFacts, evaluate, reason_text
    from wandelwerk.organisation.queries import descendants_of
    from wandelwerk.ozg.queries import priority_rows

    if assessment.status != "approved":
        raise MeasureError("Empfehlungen gibt es nur für einen freigegebenen DigiCheck.")
    res = result(assessment)
    answers = {
        a.question.key: (None if a.not_applicable else a.level)
        for a in assessment.answers.select_related("question")
    }
    services = AdministrativeService.objects.all()
    if assessment.org_unit_id:
        services = services.filter(org_unit_id__in=descendants_of(assessment.org_unit))
    service_facts = {s.pk: s for s in services}
    ranks = {row.service.pk: row.rank for row in priority_rows(assessment.municipality)}
    unit = UnitFacts(
        name=assessment.org_unit.name if assessment.org_unit else "Verwaltung",
        area_scores={k: v for k, v in res.scores.areas.items() if v is not None},
        area_targets=res.targets,
        answers=answers,
        services=tuple(
            ServiceFacts(
                s.name,
                s.target_group,
                s.maturity_level,
                s.cases_per_year or 0,
                target_level=s.target_level,
                efa_reuse=s.efa_reuse,
                rank=ranks.get(s.pk),
            )
            for s in service_facts.values()
        ),
    )
    by_name = {s.name: s for s in service_facts.values()}
    traits = unit_traits(assessment.org_unit)
    created: list[Measure] = []
    for template in MeasureTemplate.objects.all():
        if not_applicable_because(
            traits, applies_to=template.applies_to, min_staff=template.min_staff
        ):
            continue
        for match in evaluate(template.rule, unit):
            service = by_name.get(match.service.name) if match.service else None
            if template.scope == Scope.SERVICE and service is None:
                continue
            existing = Measure.objects.filter(
                template=template,
                org_unit=assessment.org_unit if template.scope != Scope.ADMINISTRATION else None,
                service=service,
            ).exists()
            reason = reason_text(template.reason, match.values)
            measure = add_from_template(
                actor=actor,
                template=template,
                org_unit=assessment.org_unit,
                service=service,
                status=Status.PROPOSED,
                source=Source.RECOMMENDATION,
                reason=reason,
                assessment=assessment,
            )
            if measure.status == Status.PROPOSED and measure.reason.startswith("Voraussetzung für"):
                # First added as another's prerequisite: its own reason says more.
                measure.reason = f"{reason} ({measure.reason})"
                measure.save(update_fields=["reason"])
            if not existing:
                created.append(measure)
    return created
