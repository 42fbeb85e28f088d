"""A task for the worker tests: writes a file, so the test sees it ran (in another process)."""

from __future__ import annotations

from pathlib import Path

from django_tasks import task


@task()
def touch(path: str) -> None:
    Path(path).write_text("gelaufen", encoding="utf-8")
