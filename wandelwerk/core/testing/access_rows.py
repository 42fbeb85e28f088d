"""Rows of the permission matrix added by later sections (see core/tests/test_access.py).

Each row: URL name -> (kwargs builder(municipality) -> dict, roles that may GET, roles that may
POST or None). Roles: provider_admin, consultant, municipality_admin, editor, viewer, hr.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Row = tuple[Callable[[Any], dict[str, Any]], set[str], "set[str] | None"]

ROWS: dict[str, Any] = {}


def register(
    name: str,
    build: Callable[[Any], dict[str, Any]],
    get_roles: set[str],
    post_roles: set[str] | None,
) -> None:
    ROWS[name] = (build, get_roles, post_roles)
