"""Building the demo: Musterstadt and Beispieldorf with users, for trying Wandelwerk and for
screenshots.

``build_demo`` runs every step in ``STEPS`` in order. A step is a module with a function
``build_demo(stdout)`` that is idempotent on its own: it looks up what exists by natural keys
(slug, code, personnel number, name, username, catalogue key) and only adds what is missing, so
running ``load_demo`` again never duplicates or changes anything. A step may rely on the steps
before it (org units, users) and writes one or two summary lines to ``stdout``.

Each step lives beside its app (``<app>/demo.py``). To extend the demo, add such a module to
the app and its path to ``STEPS``.
``build_demo`` counts the rows of every Wandelwerk model before and after, so the command can say
whether anything was added without each step having to report it.
"""

from __future__ import annotations

import importlib
from typing import Any, TextIO

from django.apps import apps

# Modules with a ``build_demo(stdout)`` function, in the order they build on each other.
STEPS = [
    "wandelwerk.accounts.demo",
    "wandelwerk.organisation.demo",
    "wandelwerk.ozg.demo",
    "wandelwerk.assessments.demo",
    "wandelwerk.measures.demo",
    "wandelwerk.knowledge.demo",
    "wandelwerk.roadmap.demo",
]


def row_counts() -> dict[str, int]:
    """Rows per Wandelwerk model, across all municipalities."""
    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models(include_auto_created=True)
        if model.__module__.startswith("wandelwerk.")
    }


def build_demo(stdout: TextIO | Any) -> dict[str, int]:
    """Run every step; returns the number of rows added per model (empty: nothing was missing)."""
    before = row_counts()
    for path in STEPS:
        importlib.import_module(path).build_demo(stdout)
    after = row_counts()
    return {
        label: n - before.get(label, 0) for label, n in after.items() if n != before.get(label, 0)
    }
