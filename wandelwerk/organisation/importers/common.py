"""What the organisation's import kinds share."""

from __future__ import annotations

from typing import Any


def changes_of(obj: Any, values: dict[str, Any]) -> dict[str, Any]:
    """The ``values`` that differ from what ``obj`` holds."""
    return {k: v for k, v in values.items() if getattr(obj, k) != v}
