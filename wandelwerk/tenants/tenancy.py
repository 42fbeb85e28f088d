"""Tenancy that fails closed.

Every tenant-owned model carries a ``municipality`` foreign key and uses :class:`TenantManager`
as its default manager. The manager filters by the *current* municipality and raises
:class:`NoCurrentMunicipality` when none is set, so a query that forgot about tenancy fails
loudly instead of leaking another municipality's rows. Crossing tenants is explicit:
``Model.objects.unscoped()``.

The current municipality lives in a context variable. :func:`activate` sets it for a block
(management commands, tasks, tests); the base view sets it for a request and
``TenantContextMiddleware`` clears it when the response is done.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from django.db import models
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable

if TYPE_CHECKING:
    from wandelwerk.tenants.models import Municipality

_current: ContextVar[Municipality | None] = ContextVar("current_municipality", default=None)

M = TypeVar("M", bound=models.Model)


class NoCurrentMunicipality(RuntimeError):
    """A tenant-owned model was queried without a current municipality."""


def current_municipality() -> Municipality | None:
    return _current.get()


def require_municipality() -> Municipality:
    municipality = _current.get()
    if municipality is None:
        raise NoCurrentMunicipality(
            "Keine aktuelle Kommune gesetzt: mandantenbezogene Daten werden nur im Kontext "
            "einer Kommune gelesen (activate() oder objects.unscoped())."
        )
    return municipality


def set_current(municipality: Municipality | None) -> Any:
    """Set the current municipality; returns a token for :func:`reset`."""
    return _current.set(municipality)


def reset(token: Any) -> None:
    _current.reset(token)


@contextlib.contextmanager
def activate(municipality: Municipality) -> Iterator[Municipality]:
    token = _current.set(municipality)
    try:
        yield municipality
    finally:
        _current.reset(token)


class CurrentMunicipalityId(models.Expression):
    """The current municipality's id, read when the SQL is compiled, not when it is built.

    Querysets can therefore be built anywhere (form fields at import time, class attributes)
    and still fail closed: running one without a current municipality raises.
    """

    output_field = models.BigIntegerField()

    def as_sql(self, compiler: Any, connection: Any) -> Any:
        return "%s", (require_municipality().pk,)


class TenantManager(models.Manager[M], Generic[M]):
    """Default manager of tenant-owned models: scoped to the current municipality."""

    def get_queryset(self) -> models.QuerySet[M]:
        return super().get_queryset().filter(municipality=CurrentMunicipalityId())

    def unscoped(self) -> models.QuerySet[M]:
        """All rows of every municipality. Use only where crossing tenants is the point."""
        return super().get_queryset()


# Field → its choices as a dict (the labels stay lazy, so each call speaks the active language).
_CHOICE_LABELS: dict[Any, dict[Any, Any]] = {}


class TenantModel(models.Model):
    """Abstract base of every model that belongs to one municipality."""

    municipality = models.ForeignKey(
        "tenants.Municipality", on_delete=models.CASCADE, related_name="+", editable=False
    )

    objects: TenantManager[Any] = TenantManager()
    # Django's base manager (used for related-object access) must not depend on the context.
    unscoped_manager = models.Manager()

    class Meta:
        abstract = True
        base_manager_name = "unscoped_manager"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.municipality_id is None:
            self.municipality = require_municipality()
        super().save(*args, **kwargs)

    def _get_FIELD_display(self, field: Any) -> Any:
        """``get_<field>_display()`` with the field's choices as a dict built once per field
        (Django builds it on every call; a list of fifty measures asked for a hundred)."""
        labels = _CHOICE_LABELS.get(field)
        if labels is None:
            labels = _CHOICE_LABELS[field] = dict(make_hashable(field.flatchoices))
        value = getattr(self, field.attname)
        return force_str(labels.get(make_hashable(value), value), strings_only=True)
