"""The kinds of background job, by name.

A kind is a function registered with ``@runner("kind")``. It takes the job and a
``progress(percent, message)`` callback, runs with the job's municipality as the current one and
returns a JSON-able result (it may set ``job.result_url``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wandelwerk.jobs.models import Job

Progress = Callable[[int, str], None]
Runner = Callable[[Job, Progress], Any]

RUNNERS: dict[str, Runner] = {}


def runner(kind: str) -> Callable[[Runner], Runner]:
    def register(function: Runner) -> Runner:
        RUNNERS[kind] = function
        return function

    return register
