"""Use cases of the service register. Each runs in one transaction with its audit rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from wandelwerk.audit.logic import (
    build_event,
    delete_audited,
    record,
    record_many,
    save_audited,
    snapshot,
)
from wandelwerk.audit.models import Action
from wandelwerk.ozg.carriers import carries
from wandelwerk.ozg.models import (
    AdministrativeService,
    LeikaEntry,
    MaturityChange,
    Milestone,
    PriorityWeights,
    TargetGroup,
)
from wandelwerk.tenants.tenancy import require_municipality


def _today() -> dt.date:
    return timezone.localdate()


def service_from_entry(entry: LeikaEntry, municipality: Any) -> AdministrativeService:
    ozg = entry.ozg_service
    return AdministrativeService(
        municipality=municipality,
        name=entry.name[:300],
        leika_key=entry.leika_key or "",
        leika_entry=entry,
        ozg_service=ozg,
        topic_id=ozg.topic_id if ozg else None,
        life_situation_id=ozg.life_situation_id if ozg else None,
        target_group=TargetGroup.CITIZENS,
    )


@transaction.atomic
def adopt_entries(*, actor: Any, entries: Iterable[LeikaEntry]) -> list[AdministrativeService]:
    """Add catalogue entries to the register; entries already there, and entries another body
    carries out (the Kreis, the Land, a chamber: see ``carriers``), are skipped."""
    municipality = require_municipality()
    entries = [e for e in entries if carries(municipality, e.carrier, e.leika_type)]
    present = set(
        AdministrativeService.objects.exclude(leika_key="").values_list("leika_key", flat=True)
    )
    present_ids = set(
        AdministrativeService.objects.filter(leika_entry__isnull=False).values_list(
            "leika_entry_id", flat=True
        )
    )
    new = []
    for entry in entries:
        if (entry.leika_key and entry.leika_key in present) or entry.pk in present_ids:
            continue
        new.append(service_from_entry(entry, municipality))
        present_ids.add(entry.pk)
    AdministrativeService.objects.bulk_create(new, batch_size=1000)
    if new:
        created = list(
            AdministrativeService.objects.filter(leika_entry_id__in=[s.leika_entry_id for s in new])
        )
        record_many(
            [
                build_event(actor=actor, action=Action.CREATE, obj=s, after=snapshot(s))
                for s in created
            ]
        )
        return created
    return []


def standard_entries(
    *, topic_ids: Iterable[int] = (), object_level_only: bool = False
) -> list[LeikaEntry]:
    """The standard set of the current municipality: the LeiKa entries it carries out itself
    (in NRW by its tier in the task model; elsewhere Typ 2/3, 4 and 5)."""
    municipality = require_municipality()
    queryset = LeikaEntry.objects.select_related("ozg_service").order_by("name")
    topics = list(topic_ids)
    if topics:
        queryset = queryset.filter(ozg_service__topic_id__in=topics)
    if object_level_only:
        queryset = queryset.filter(leika_key__endswith="000000")
    return [e for e in queryset if carries(municipality, e.carrier, e.leika_type)]


@transaction.atomic
def save_service(
    *, actor: Any, service: AdministrativeService | None = None, values: dict[str, Any]
) -> AdministrativeService:
    """Create or update a service; a change of level (or model) is kept in its history."""
    before = snapshot(service) if service is not None and service.pk else None
    old_level = (
        (service.maturity_level, service.rgm_version)
        if before is not None and service is not None
        else None
    )
    service = service or AdministrativeService(municipality=require_municipality())
    for key, value in values.items():
        setattr(service, key, value)
    if service.leika_key and not service.is_own:
        service.leika_entry = LeikaEntry.objects.filter(leika_key=service.leika_key).first()
    save_audited(actor=actor, instance=service, before=before)
    if old_level != (service.maturity_level, service.rgm_version):
        MaturityChange.objects.create(
            municipality=service.municipality,
            service=service,
            date=_today(),
            rgm_version=service.rgm_version,
            level=service.maturity_level,
            previous_level=old_level[0] if old_level else None,
            actor=actor if getattr(actor, "is_authenticated", False) else None,
        )
    return service


@transaction.atomic
def delete_service(*, actor: Any, service: AdministrativeService) -> None:
    delete_audited(
        actor=actor, instance=service, in_use_message="Die Leistung wird noch verwendet."
    )


@transaction.atomic
def save_milestones(
    *,
    actor: Any,
    service: AdministrativeService,
    dates: dict[str, tuple[dt.date | None, dt.date | None]],
) -> None:
    """Set planned and reached dates per milestone kind; empty pairs remove the milestone."""
    existing = {m.kind: m for m in service.milestones.all()}
    before = {k: [str(m.planned or ""), str(m.done or "")] for k, m in existing.items()}
    for kind, (planned, done) in dates.items():
        milestone = existing.get(kind)
        if planned is None and done is None:
            if milestone is not None:
                milestone.delete()
            continue
        if milestone is None:
            milestone = Milestone(municipality=service.municipality, service=service, kind=kind)
        milestone.planned, milestone.done = planned, done
        milestone.save()
    after = {m.kind: [str(m.planned or ""), str(m.done or "")] for m in service.milestones.all()}
    if before != after:
        record(
            actor=actor,
            action=Action.UPDATE,
            obj=service,
            object_repr=f"Meilensteine: {service}",
            before=before,
            after=after,
        )


def weights_for(municipality: Any) -> PriorityWeights:
    weights = PriorityWeights.objects.filter(municipality=municipality).first()
    return weights or PriorityWeights(municipality=municipality)


@transaction.atomic
def save_weights(*, actor: Any, values: dict[str, Decimal]) -> PriorityWeights:
    municipality = require_municipality()
    weights = weights_for(municipality)
    before = snapshot(weights) if weights.pk else None
    for key, value in values.items():
        setattr(weights, key, value)
    save_audited(actor=actor, instance=weights, before=before)
    return weights
