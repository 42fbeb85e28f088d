"""Whole numbers from query strings and form posts. A value no form of ours would send (text,
a fraction, a negative or a number beyond what the database stores) is a bad request (400),
not a server error."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import BadRequest

# The largest id a record can have (a 64-bit ``bigint``, as both databases store ids).
LARGEST = 2**63 - 1


def whole_number(raw: str | None, default: int = 0) -> int:
    """``raw`` as a number from 0 to LARGEST; ``default`` when it is missing or empty."""
    if raw is None or raw == "":
        return default
    if not (raw.isascii() and raw.isdigit()) or int(raw) > LARGEST:
        raise BadRequest(f"Keine gültige Zahl: {raw[:20]!r}")
    return int(raw)


def ids(raws: Iterable[str]) -> list[int]:
    """The record ids among ``raws``; anything else is left out (a stale or hand-made link
    shows what it can instead of failing)."""
    return [int(r) for r in raws if r.isascii() and r.isdigit() and 0 < int(r) <= LARGEST]
