"""Background jobs with progress: ``start_job`` queues work on the django-tasks backend; the job's
page polls its progress with htmx until it is done.

A kind of job is a function registered with ``@runner("kind")`` that takes the job and a
``progress(percent, message)`` callback and returns a JSON-able result (and may set
``job.result_url``). It runs with the job's municipality as the current one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from django.db import DatabaseError, connections, transaction
from django.utils import timezone
from django_tasks import task

from wandelwerk.core.models import Job
from wandelwerk.tenants import tenancy

Progress = Callable[[int, str], None]
Runner = Callable[[Job, Progress], Any]

RUNNERS: dict[str, Runner] = {}


def runner(kind: str) -> Callable[[Runner], Runner]:
    def register(function: Runner) -> Runner:
        RUNNERS[kind] = function
        return function

    return register


def start_job(*, actor: Any, kind: str, title: str, params: dict[str, Any] | None = None) -> Job:
    """Create the job and queue it once the surrounding transaction has committed."""
    if kind not in RUNNERS:
        raise KeyError(f"Unbekannte Auftragsart „{kind}“.")
    job = Job.objects.create(
        municipality=tenancy.require_municipality(),
        kind=kind,
        title=title,
        params=params or {},
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    transaction.on_commit(lambda: run_job.enqueue(job.pk))
    return job


def _update(job_id: int, **fields: Any) -> None:
    Job.objects.unscoped().filter(pk=job_id).update(**fields)


@task()
def run_job(job_id: int) -> None:
    job = Job.objects.unscoped().select_related("municipality").get(pk=job_id)
    if job.status != Job.Status.QUEUED:
        return

    owner = threading.get_ident()

    def progress(percent: int, message: str = "") -> None:
        # Best effort: solvers report from their own threads, which get their own connection.
        try:
            _update(job_id, progress=max(0, min(100, int(percent))), message=message[:300])
        except DatabaseError:
            pass
        finally:
            if threading.get_ident() != owner:
                connections.close_all()

    _update(job_id, status=Job.Status.RUNNING, message="läuft …")
    with tenancy.activate(job.municipality):
        try:
            result = RUNNERS[job.kind](job, progress)
        except Exception as exc:  # the page must say what went wrong, whatever it was
            _update(
                job_id,
                status=Job.Status.FAILED,
                message=f"Fehler: {exc}"[:300],
                finished_at=timezone.now(),
            )
            raise
    _update(
        job_id,
        status=Job.Status.DONE,
        progress=100,
        result=result,
        result_url=job.result_url,
        message="fertig",
        finished_at=timezone.now(),
    )
