"""The task that runs a job on the worker, recording its progress, result or failure."""

from __future__ import annotations

import threading
from typing import Any

from django.db import DatabaseError, connections
from django.utils import timezone
from django_tasks import task

from wandelwerk.jobs.models import Job
from wandelwerk.jobs.registry import RUNNERS
from wandelwerk.tenants import tenancy


def _update(job_id: int, **fields: Any) -> None:
    Job.objects.unscoped().filter(pk=job_id).update(**fields)


@task()
def run_job(job_id: int) -> None:
    job = Job.objects.unscoped().select_related("municipality").get(pk=job_id)
    if job.status != Job.Status.QUEUED:
        return

    owner = threading.get_ident()

    def progress(percent: int, message: str = "", interim: Any = None) -> None:
        # Best effort: solvers report from their own threads, which get their own connection.
        fields: dict[str, Any] = {
            "progress": max(0, min(100, int(percent))),
            "message": message[:300],
        }
        if interim is not None:
            fields["interim"] = interim
        try:
            _update(job_id, **fields)
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
