"""The stand of a municipality's staff records, and what is computed from them kept per stand.

The overview, the organisation, the retirement wave and the risk list all start from the expected
exit of every employee: for a city, thousands of records read and converted on every request.
Those figures change only when the staff records do, so each process keeps them per
municipality and *stand*: a token on the municipality that every write to its staff or its
special age limits replaces, in the same transaction as the write:

- saving or deleting an employee or a special age limit (signals, connected in ``apps.py``;
  deleting through a queryset sends them too, since they are connected),
- ``update``, ``bulk_create`` and ``bulk_update`` on employees (``StaffQuerySet``),
- writes outside the ORM call :func:`changed` themselves (the staff import's row updates).

The token is random rather than counted, so a database restored from a backup does not bring
back a number that meanwhile named another state. The token is read from the database before
the records, so a reader never keeps older records under a newer token.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.db import models

from wandelwerk.tenants.models import Municipality
from wandelwerk.tenants.tenancy import TenantManager

T = TypeVar("T")

# Municipality id → (stand, Land, what was computed). A large city's records take about a
# megabyte; a provider's small municipalities are cheap to compute again when pushed out.
KEPT_MUNICIPALITIES = 64
_kept: dict[int, tuple[str, str, Any]] = {}
_lock = threading.Lock()


def changed(municipality_ids: Iterable[int]) -> None:
    """The staff of these municipalities changed: give each a new stand."""
    ids = {pk for pk in municipality_ids if pk is not None}
    if ids:
        Municipality.objects.filter(pk__in=ids).update(staff_version=uuid.uuid4().hex)


def kept(municipality: Any, compute: Callable[[], T]) -> T:
    """``compute()`` for the municipality's current staff stand, computed once per process."""
    stand = next(
        iter(
            Municipality.objects.filter(pk=municipality.pk)
            .order_by()
            .values_list("staff_version", flat=True)
        ),
        None,
    )
    entry = _kept.get(municipality.pk)
    if entry is not None and entry[0] == stand and entry[1] == municipality.land:
        result: T = entry[2]
        return result
    result = compute()
    if stand is not None:
        with _lock:  # a threaded server may keep two municipalities at once
            if municipality.pk not in _kept and len(_kept) >= KEPT_MUNICIPALITIES:
                _kept.pop(next(iter(_kept)), None)  # the municipality kept longest
            _kept[municipality.pk] = (stand, municipality.land, result)
    return result


class StaffQuerySet(models.QuerySet[Any]):
    """Employees' queryset: the writes that send no signals change the stand themselves."""

    def update(self, **kwargs: Any) -> int:
        ids = set(self.order_by().values_list("municipality_id", flat=True).distinct())
        rows = super().update(**kwargs)
        changed(ids)
        return rows

    def bulk_create(self, objs: Iterable[Any], *args: Any, **kwargs: Any) -> list[Any]:
        created = super().bulk_create(objs, *args, **kwargs)
        changed(o.municipality_id for o in created)
        return created

    def bulk_update(self, objs: Iterable[Any], fields: Any, *args: Any, **kwargs: Any) -> int:
        objs = list(objs)
        rows = super().bulk_update(objs, fields, *args, **kwargs)
        changed(o.municipality_id for o in objs)
        return rows


class StaffManager(TenantManager[Any]):
    _queryset_class = StaffQuerySet


class UnscopedStaffManager(models.Manager[Any]):
    _queryset_class = StaffQuerySet


def on_write(sender: Any, instance: Any, **kwargs: Any) -> None:
    """Signal receiver: a saved or deleted employee or special age limit."""
    changed([instance.municipality_id])
