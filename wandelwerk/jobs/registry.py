"""The kinds of background job, by name.

A kind is a function registered with ``@runner("kind")``. It takes the job and a
``progress(percent, message, interim=None)`` callback, runs with the job's municipality as the
current one and returns a JSON-able result (it may set ``job.result_url``). ``interim`` is a
JSON-able intermediate result (a plan found while the search goes on); the job's page shows it
with the template registered as ``@runner("kind", interim_template=…)``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from wandelwerk.jobs.models import Job


class Progress(Protocol):
    def __call__(self, percent: int, message: str = "", interim: Any = None) -> None: ...


Runner = Callable[[Job, Progress], Any]

RUNNERS: dict[str, Runner] = {}
INTERIM_TEMPLATES: dict[str, str] = {}


def runner(kind: str, *, interim_template: str = "") -> Callable[[Runner], Runner]:
    def register(function: Runner) -> Runner:
        RUNNERS[kind] = function
        if interim_template:
            INTERIM_TEMPLATES[kind] = interim_template
        return function

    return register
