"""Disclosure control for staff figures shown to people without the personal-data right.

The rule (documented for the data-protection officer in docs/data-protection.md):

1. Every published count is the true count plus a whole number from −2 to +2, and every
   published FTE figure the true one plus a number between −2 and +2, rounded to whole
   posts. The noise is drawn from a keyed hash (the installation's secret key) of the cell and
   of the state of *all* staff records of the municipality: the same data always give the same
   figures (reloading the page teaches nothing), and any change to any record draws new noise
   for every cell. So when one employee is added or deleted, all figures move, and the
   difference between before and after does not point at that person's year or unit.
2. A published count below 5 is shown as „weniger als 5“, whatever the true count (empty cells
   included), and its FTE figure is hidden with it. Whether a cell is hidden therefore does not
   tell whether anyone is in it.
3. Totals get noise of their own; they are not the sum of the published cells, so they cannot
   be used to recover a hidden cell (no secondary disclosure through margins).

This follows the cell-key method of the statistical offices (Zensus 2022) with a key that
changes with every change of the data, and their rule of not publishing groups below 5.
"""

from __future__ import annotations

import functools
import hashlib
import pickle
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.crypto import salted_hmac

MIN_GROUP = 5
SPREAD = 2


@dataclass(frozen=True)
class Cell:
    """A figure as shown: ``people`` None means „weniger als 5“ (and then ``fte`` is None)."""

    people: int | None
    fte: float | None


def state_key(records: Iterable[tuple[object, ...]]) -> str:
    """A digest of every record the figures are made from (sorted, so order does not count;
    the records start with the employee's id, so sorting compares ids)."""
    return hashlib.sha256(pickle.dumps(sorted(records), protocol=4)).hexdigest()


@functools.lru_cache(maxsize=20_000)  # a city's wave has 3,300 cells; the same on each view
def _draw(state: str, cell: str) -> int:
    return int(salted_hmac("wandelwerk.disclosure", f"{state}|{cell}").hexdigest()[:12], 16)


def protect(state: str, cell: str, people: int, fte: float) -> Cell:
    """The published form of a true cell (``cell`` names it, e.g. ``"3.1/2031"``)."""
    draw = _draw(state, cell)
    noisy = people + draw % (2 * SPREAD + 1) - SPREAD
    if people < MIN_GROUP or noisy < MIN_GROUP:  # fewer than 5 people are never shown
        return Cell(None, None)
    fraction = (draw >> 8) % 10_001 / 10_000  # 0 … 1
    posts = round(fte + (fraction * 2 - 1) * SPREAD)
    return Cell(noisy, float(min(noisy, max(1, posts))))  # never more posts than people


def exact(people: int, fte: float) -> Cell:
    """The figure for those with the right to see it."""
    return Cell(people, round(fte, 1))
