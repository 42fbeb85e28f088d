"""Reads of the audit trail (current municipality only)."""

from __future__ import annotations

from django.db.models import QuerySet

from wandelwerk.audit.models import AuditEvent


def events() -> QuerySet[AuditEvent]:
    return AuditEvent.objects.all()


def object_types() -> list[str]:
    return list(AuditEvent.objects.order_by().values_list("object_type", flat=True).distinct())
