"""Walking the URL configuration in tests: every page must be covered by the isolation tests."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name"
    pattern: str  # the joined route string, e.g. "k/<slug:municipality_slug>/organisation/einheiten/<int:pk>/"
    params: tuple[str, ...]


def iter_routes() -> Iterator[Route]:
    def walk(
        patterns: list[URLPattern | URLResolver], prefix: str, namespace: str
    ) -> Iterator[Route]:
        for entry in patterns:
            route = prefix + str(entry.pattern)
            if isinstance(entry, URLResolver):
                ns = entry.namespace or ""
                full_ns = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
                yield from walk(entry.url_patterns, route, full_ns)
            elif entry.name:
                name = f"{namespace}:{entry.name}" if namespace else entry.name
                yield Route(
                    name, route, tuple(entry.pattern.converters.keys()) + _resolver_params(prefix)
                )

    yield from walk(get_resolver().url_patterns, "", "")


def _resolver_params(prefix: str) -> tuple[str, ...]:
    import re

    return tuple(re.findall(r"<(?:\w+:)?(\w+)>", prefix))


def tenant_routes() -> list[Route]:
    return [r for r in iter_routes() if "municipality_slug" in r.params]
