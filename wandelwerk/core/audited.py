"""Saving and deleting a model instance with its audit event: the shared step of use cases."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models.deletion import ProtectedError, RestrictedError

from wandelwerk.audit.logic import record, snapshot
from wandelwerk.audit.models import Action


class InUseError(ValueError):
    """The object cannot be deleted because other records still refer to it."""


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
    before = snapshot(instance)
    event_kwargs = {"actor": actor, "action": Action.DELETE, "obj": instance, "before": before}
    try:
        instance.delete()
    except (ProtectedError, RestrictedError) as exc:
        raise InUseError(in_use_message) from exc
    record(**event_kwargs)
