"""The kinds of import, by name.

An app registers its importers when it starts, usually from ``AppConfig.ready()``::

    from wandelwerk.imports.registry import register

    @register
    class ServiceImporter(Importer):
        kind = "services"
        ...

The command ``import_inventory --kind …`` and the import pages find them here.
"""

from __future__ import annotations

from wandelwerk.imports.base import Importer

REGISTRY: dict[str, type[Importer]] = {}


def register(importer: type[Importer]) -> type[Importer]:
    """Register an importer class under its ``kind`` (usable as a class decorator)."""
    existing = REGISTRY.get(importer.kind)
    if existing is not None and existing.__qualname__ != importer.__qualname__:
        raise ValueError(
            f"Import kind {importer.kind!r} is already registered by {existing.__module__}."
        )
    REGISTRY[importer.kind] = importer
    return importer


def get_importer(kind: str) -> type[Importer]:
    try:
        return REGISTRY[kind]
    except KeyError as exc:
        raise KeyError(
            f"Unbekannte Importart „{kind}“. Möglich: {', '.join(sorted(REGISTRY))}."
        ) from exc


def kinds() -> list[str]:
    return sorted(REGISTRY)
