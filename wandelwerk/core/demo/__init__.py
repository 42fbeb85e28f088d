"""Demo data: Musterstadt and Beispieldorf with users, for trying Wandelwerk and for screenshots.

``build_demo`` runs every step in order. Each step is idempotent: it looks up what exists by natural
keys (slug, code, personnel number, name, username) and only adds what is missing, so running
``load_demo`` again never duplicates anything. Later sections add their step to ``STEPS``.
"""

from __future__ import annotations

import importlib
from typing import Any, TextIO

# Modules with a ``build_demo(stdout)`` function, in the order they build on each other.
STEPS = [
    "wandelwerk.core.demo.organisation",
    "wandelwerk.ozg.demo",
    "wandelwerk.measures.demo",
]


def build_demo(stdout: TextIO | Any) -> None:
    for path in STEPS:
        importlib.import_module(path).build_demo(stdout)
