"""Reads about the background worker: is one alive, and why a job is still waiting."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format

from wandelwerk.jobs.models import Job, WorkerBeat

ALIVE_SECONDS = 60  # a worker beats every 10 s; a minute of silence means it is gone
WAIT_SECONDS = 60  # a job waiting longer than this gets an explanation on its page


@dataclass(frozen=True)
class WorkerState:
    alive: bool
    last_seen: dt.datetime | None
    last_error: str
    last_error_at: dt.datetime | None


def worker_state(now: dt.datetime | None = None) -> WorkerState:
    now = now or timezone.now()
    beat = WorkerBeat.objects.order_by("-seen_at").first()
    if beat is None:
        return WorkerState(False, None, "", None)
    return WorkerState(
        beat.seen_at >= now - dt.timedelta(seconds=ALIVE_SECONDS),
        beat.seen_at,
        beat.last_error,
        beat.last_error_at,
    )


def _when(moment: dt.datetime) -> str:
    return date_format(timezone.localtime(moment), "d.m.Y H:i:s")


def waiting_reason(job: Job, now: dt.datetime | None = None) -> str | None:
    """Why a job no worker has picked up within a minute is still waiting; None otherwise."""
    now = now or timezone.now()
    if job.status != Job.Status.QUEUED or job.created_at > now - dt.timedelta(seconds=WAIT_SECONDS):
        return None
    state = worker_state(now)
    if state.last_seen is None:
        return (
            "Kein Hintergrund-Worker hat je ein Lebenszeichen gegeben: er ist nicht gestartet. "
            "Starten Sie ihn mit „python manage.py run_worker“ (scripts/start startet ihn mit)."
        )
    if not state.alive:
        text = (
            f"Der Hintergrund-Worker gibt seit {_when(state.last_seen)} kein Lebenszeichen mehr; "
            "er muss neu gestartet werden."
        )
    else:
        text = "Der Hintergrund-Worker läuft, ist aber noch mit anderen Aufträgen beschäftigt."
    if state.last_error and state.last_error_at:
        text += f" Letzter Fehler ({_when(state.last_error_at)}): {state.last_error}"
    return text


def open_job(kind: str, **params: object) -> Job | None:
    """The queued or running job of ``kind`` with these parameters (of the current
    municipality), if there is one."""
    lookups = {f"params__{key}": value for key, value in params.items()}
    return (
        Job.objects.filter(kind=kind, status__in=(Job.Status.QUEUED, Job.Status.RUNNING), **lookups)
        .order_by("-created_at")
        .first()
    )
