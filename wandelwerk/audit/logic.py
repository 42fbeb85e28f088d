"""Writing audit events, and saving or deleting a record with its event: called by every other
app's ``logic.py`` inside its transaction."""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Iterable
from typing import Any

from django.db import models
from django.db.models.deletion import ProtectedError, RestrictedError

from wandelwerk.audit.models import Action, AuditEvent
from wandelwerk.audit.presentation import personal_fields
from wandelwerk.core.exceptions import InUseError


def snapshot(instance: models.Model, *, exclude: Iterable[str] = ()) -> dict[str, Any]:
    """A JSON-ready dict of the concrete fields of ``instance`` (foreign keys as ids)."""
    skip = set(exclude)
    data: dict[str, Any] = {}
    for field in instance._meta.concrete_fields:
        if field.name in skip or field.name == "municipality":
            continue
        value = getattr(instance, field.attname)
        data[field.name] = _jsonable(value)
    return data


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


def build_event(
    *,
    actor: Any,
    action: Action | str,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    object_repr: str = "",
    municipality: Any = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEvent:
    if obj is not None:
        object_type = object_type or obj._meta.label
        object_id = object_id or str(obj.pk or "")
        object_repr = object_repr or str(obj)[:300]
        if municipality is None:
            municipality = getattr(obj, "municipality", None)
    actor_obj = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEvent(
        municipality=municipality,
        actor=actor_obj,
        actor_name=str(actor_obj.get_username()) if actor_obj else "System",
        action=action,
        object_type=object_type,
        object_id=object_id,
        object_repr=object_repr[:300],
        before=before,
        after=after,
    )


def record(**kwargs: Any) -> AuditEvent:
    """Write one audit event (inside the caller's transaction)."""
    event = build_event(**kwargs)
    event.save()
    return event


def record_many(events: list[AuditEvent]) -> None:
    AuditEvent.unscoped_manager.bulk_create(events, batch_size=1000)


def save_audited(
    *, actor: Any, instance: models.Model, before: dict[str, Any] | None
) -> models.Model:
    """Validate, save and audit ``instance``; ``before`` is its snapshot (None when new)."""
    instance.full_clean(validate_unique=True)
    instance.save()
    record(
        actor=actor,
        action=Action.CREATE if before is None else Action.UPDATE,
        obj=instance,
        before=before,
        after=snapshot(instance),
    )
    return instance


def delete_audited(*, actor: Any, instance: models.Model, in_use_message: str) -> None:
    """Delete and audit ``instance``; raises :class:`InUseError` while others refer to it."""
    before = snapshot(instance)
    event_kwargs = {"actor": actor, "action": Action.DELETE, "obj": instance, "before": before}
    try:
        instance.delete()
    except (ProtectedError, RestrictedError) as exc:
        raise InUseError(in_use_message) from exc
    record(**event_kwargs)


def redact_personal_data(
    *, older_than: dt.datetime | None = None, objects: dict[str, list[str]] | None = None
) -> int:
    """Blank the personal fields in the snapshots of events written before ``older_than``
    (the retention rule, ``WANDELWERK_AUDIT_PERSONAL_DAYS``), or of the events about
    ``objects`` (object type → ids: records whose retention ended); the events themselves
    stay. Returns the number of events changed."""
    changed = 0
    types = (
        set(objects)
        if objects is not None
        else {t for t in AuditEvent.unscoped_manager.values_list("object_type", flat=True)}
    )
    for object_type in types:
        fields = personal_fields(object_type)
        if not fields:
            continue
        events = AuditEvent.unscoped_manager.filter(object_type=object_type)
        if older_than is not None:
            events = events.filter(created_at__lt=older_than)
        if objects is not None:
            events = events.filter(object_id__in=objects[object_type])
        for event in events.iterator():
            dirty = False
            for snapshot_ in (event.before or {}, event.after or {}):
                for name in fields & set(snapshot_):
                    if snapshot_[name] is not None:
                        snapshot_[name] = None
                        dirty = True
            if dirty:
                event.save(update_fields=["before", "after"])
                changed += 1
    return changed
