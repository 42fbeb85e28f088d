"""Starting background work: ``start_job`` records the job and queues it on the django-tasks
backend; the job's page polls its progress with htmx until it is done."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from wandelwerk.jobs.models import Job
from wandelwerk.jobs.registry import RUNNERS
from wandelwerk.jobs.tasks import run_job
from wandelwerk.tenants import tenancy


def start_job(
    *,
    actor: Any,
    kind: str,
    title: str,
    params: dict[str, Any] | None = None,
    once: bool = False,
) -> Job:
    """Create the job in the current municipality and queue it once the surrounding
    transaction has committed. With ``once``, the same job (kind and parameters) that is still
    waiting or running is returned instead of queuing it twice."""
    if kind not in RUNNERS:
        raise KeyError(f"Unbekannte Auftragsart „{kind}“.")
    if once:
        pending = Job.objects.filter(
            kind=kind, status__in=(Job.Status.QUEUED, Job.Status.RUNNING)
        ).order_by("created_at")
        for job in pending:
            if job.params == (params or {}):
                return job
    job = Job.objects.create(
        municipality=tenancy.require_municipality(),
        kind=kind,
        title=title,
        params=params or {},
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    transaction.on_commit(lambda: run_job.enqueue(job.pk))
    return job


def request_stop(*, job: Job) -> bool:
    """Ask a running job to end early; False when it has already ended."""
    return bool(
        Job.objects.filter(pk=job.pk, status__in=(Job.Status.QUEUED, Job.Status.RUNNING)).update(
            stop_requested=True
        )
    )


def stop_requested(job_id: int) -> bool:
    """Whether the job was asked to end early (read from the job's own thread)."""
    return Job.objects.unscoped().filter(pk=job_id, stop_requested=True).exists()
