"""Exceptions that use cases raise and the generic views turn into messages."""

from __future__ import annotations


class InUseError(ValueError):
    """The object cannot be deleted because other records still refer to it."""
