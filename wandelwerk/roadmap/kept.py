"""What is read of a plan, kept per process: a plan never changes once made, so a value computed
from it stays right for as long as the plan exists. Keyed by the plan's id and the moment it was
made (an id can come back on SQLite after the newest plan was deleted)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import TypeVar

from django.core.cache import caches

T = TypeVar("T")


def per_plan(
    kind: str, plans: Mapping[int, dt.datetime], read: Callable[[list[int]], dict[int, T]]
) -> dict[int, T]:
    """``read(ids)`` for the ``plans`` (id → when made) not kept yet, the rest from the cache
    ``plan_days`` (small values: a few per plan; rendered pages have a cache of their own)."""
    keys = {pk: f"roadmap:{kind}:{pk}:{made.timestamp()}" for pk, made in plans.items()}
    kept = caches["plan_days"].get_many(list(keys.values()))
    found = {pk: kept[key] for pk, key in keys.items() if key in kept}
    missing = [pk for pk in plans if pk not in found]
    if missing:
        read_now = read(missing)
        caches["plan_days"].set_many({keys[pk]: value for pk, value in read_now.items()})
        found |= read_now
    return found
