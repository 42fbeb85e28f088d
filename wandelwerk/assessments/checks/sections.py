"""Sections other parts of the application add to the DigiCheck results page.

The results page sits below the roadmap: it cannot ask the plan itself. A higher layer registers
a provider at start-up (``register``); the page shows what each provider returns for the
municipality (a template and its context), in the order they were registered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Section:
    template: str
    context: dict[str, Any]


Provider = Callable[[Any], Section | None]
_providers: list[Provider] = []


def register(provider: Provider) -> None:
    if provider not in _providers:
        _providers.append(provider)


def sections(municipality: Any) -> list[Section]:
    return [s for provider in _providers if (s := provider(municipality)) is not None]
