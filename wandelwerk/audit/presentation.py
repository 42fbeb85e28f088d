"""The audit trail in the user's words: object types and fields as the pages name them, values
as they are shown (choices by their label, yes/no, German dates, linked records by name), and
personal data hidden from those without the right to see it.

Models are found by their label through Django's app registry, so the audit app needs to import
none of the apps whose records it keeps. A model names its personal fields in
``PERSONAL_FIELDS``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import models
from django.utils.translation import gettext as _

from wandelwerk.audit.models import AuditEvent

HIDDEN = "verborgen"


def model_of(object_type: str) -> type[models.Model] | None:
    try:
        return apps.get_model(object_type)
    except (LookupError, ValueError):
        return None


def type_label(object_type: str) -> str:
    model = model_of(object_type)
    return str(model._meta.verbose_name) if model else object_type


def personal_fields(object_type: str) -> frozenset[str]:
    model = model_of(object_type)
    return frozenset(getattr(model, "PERSONAL_FIELDS", ())) if model else frozenset()


@dataclass(frozen=True)
class Change:
    field: str
    before: str
    after: str


@dataclass(frozen=True)
class Entry:
    event: AuditEvent
    type_label: str
    changes: list[Change]


def _field(model: type[models.Model] | None, name: str) -> Any:
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except Exception:  # a field that has since gone, or a key of our own (e.g. "kopiert aus")
        return None


def _date(value: str) -> str:
    try:
        if "T" in value:
            return dt.datetime.fromisoformat(value).strftime("%d.%m.%Y %H:%M")
        return dt.date.fromisoformat(value).strftime("%d.%m.%Y")
    except ValueError:
        return value


def _show(field: Any, value: Any, names: dict[tuple[Any, Any], str]) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return _("ja") if value else _("nein")
    if field is not None:
        if getattr(field, "choices", None):
            return str(dict(field.flatchoices).get(value, value))
        if field.is_relation and field.related_model is not None:
            return names.get((field.related_model, value), f"Nr. {value}")
        if isinstance(field, models.DateField | models.DateTimeField):
            return _date(str(value))
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "–"
    return str(value)


def _names(events: Sequence[AuditEvent]) -> dict[tuple[Any, Any], str]:
    """Names of the records the events link to, one query per linked model."""
    wanted: dict[Any, set[Any]] = defaultdict(set)
    for event in events:
        model = model_of(event.object_type)
        for snapshot in (event.before or {}, event.after or {}):
            for name, value in snapshot.items():
                field = _field(model, name)
                if field is not None and field.many_to_one and value is not None:
                    wanted[field.related_model].add(value)
    names: dict[tuple[Any, Any], str] = {}
    for model, ids in wanted.items():
        manager = getattr(model, "unscoped_manager", model._base_manager)
        for obj in manager.filter(pk__in=ids):
            names[(model, obj.pk)] = str(obj)
    return names


def present(events: Iterable[AuditEvent], *, sees_personal: bool) -> list[Entry]:
    """The events as the audit log shows them; personal fields hidden unless ``sees_personal``."""
    events = list(events)
    names = _names(events)
    entries = []
    for event in events:
        model = model_of(event.object_type)
        hidden = frozenset() if sees_personal else personal_fields(event.object_type)
        changes = []
        for name, before, after in event.changes():
            field = _field(model, name)
            label = str(field.verbose_name) if field is not None else name
            if name in hidden:
                changes.append(Change(label, HIDDEN, HIDDEN))
            else:
                changes.append(
                    Change(label, _show(field, before, names), _show(field, after, names))
                )
        entries.append(Entry(event, type_label(event.object_type), changes))
    return entries
