"""Collects the permission-matrix rows of every app (see core/tests/test_access.py).

An app with pages below ``/k/<slug>/`` keeps its rows in ``wandelwerk/<app>/tests/access.py`` as

    ROWS = {"ozg:service_detail": (build, ALL, None), ...}

where ``build(municipality) -> dict`` (or ``build(municipality, user)`` for objects that belong to
the requesting user) returns the URL kwargs besides the slug, creating what it needs, followed by the roles that may GET (None: the action takes POST only) and the roles that may POST
(None: the page takes no POST). Roles: provider_admin, consultant, municipality_admin, editor,
viewer, hr (an editor with the personal-data permission).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from django.apps import apps

Build = Callable[[Any], dict[str, Any]]
Row = tuple[Build, "set[str] | None", "set[str] | None"]

ALL = frozenset({"provider_admin", "consultant", "municipality_admin", "editor", "viewer", "hr"})
EDIT = frozenset({"provider_admin", "consultant", "municipality_admin", "editor", "hr"})
CONSULT = frozenset({"provider_admin", "consultant", "municipality_admin"})
ADMIN = frozenset({"provider_admin", "municipality_admin"})


def no_kwargs(municipality: Any) -> dict[str, Any]:
    return {}


def build_kwargs(build: Build, municipality: Any, user: Any) -> dict[str, Any]:
    import inspect

    if len(inspect.signature(build).parameters) == 2:
        return build(municipality, user)  # type: ignore[call-arg]
    return build(municipality)


def collect() -> dict[str, Row]:
    rows: dict[str, Row] = {}
    for config in apps.get_app_configs():
        if not config.name.startswith("wandelwerk."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.tests.access")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.tests.access":
                raise
            continue
        for name, row in module.ROWS.items():
            if name in rows:
                raise AssertionError(f"Zeile {name} doppelt in der Rechte-Matrix")
            rows[name] = row
    return rows
