"""The shape of the code that the next sections stand on: flat views and small modules.

The floors themselves (which package may import which, no circles) are import-linter contracts
in pyproject.toml, checked by ``./scripts/test``.
"""

from __future__ import annotations

from pathlib import Path

from django.urls import URLPattern, URLResolver, get_resolver

PACKAGE = Path(__file__).resolve().parents[1]
MAX_OWN_CLASSES = 4
MAX_LINES = 400


def _views() -> set[type]:
    found: set[type] = set()

    def walk(patterns: list[URLPattern | URLResolver]) -> None:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns)
            elif (view := getattr(entry.callback, "view_class", None)) is not None:
                found.add(view)

    walk(get_resolver().url_patterns)
    return found


def test_no_view_stands_on_a_tower_of_our_own_classes():
    towers = {}
    for view in _views():
        own = [c.__qualname__ for c in view.__mro__ if c.__module__.startswith("wandelwerk.")]
        if len(own) > MAX_OWN_CLASSES:
            towers[f"{view.__module__}.{view.__qualname__}"] = " › ".join(own)
    assert len(_views()) > 50
    assert towers == {}


def test_no_module_is_longer_than_400_lines():
    long = {
        str(path.relative_to(PACKAGE)): lines
        for path in PACKAGE.rglob("*.py")
        if "migrations" not in path.parts
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}
