"""The background worker does not die of a database error: a write lock held past SQLite's
timeout is logged and retried, and the job queued meanwhile still runs. Its heartbeat tells the
job page and ``/readyz`` whether a worker is alive."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from wandelwerk.jobs import queries
from wandelwerk.jobs.models import WorkerBeat
from wandelwerk.jobs.tests.factories import JobFactory

ROOT = Path(__file__).resolve().parents[3]


def manage(env: dict[str, str], *args: str, **kwargs: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        **kwargs,  # type: ignore[call-overload]
    )


def test_a_write_lock_past_the_timeout_does_not_stop_the_worker(tmp_path):
    database = tmp_path / "wandelwerk.sqlite3"
    marker = tmp_path / "gelaufen.txt"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wandelwerk.conf.dev",
        "DATABASE_URL": f"sqlite:///{database}",
        "SQLITE_TIMEOUT": "1",
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
    }
    assert manage(env, "migrate", "-v0").wait(timeout=120) == 0
    enqueue = manage(
        env,
        "shell",
        "-c",
        f"from wandelwerk.jobs.tests.lock_task import touch; touch.enqueue({str(marker)!r})",
    )
    assert enqueue.wait(timeout=60) == 0
    holder = sqlite3.connect(database, timeout=5, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another writer holds the lock, longer than the timeout
    worker = manage(env, "run_worker", "--batch", "--no-startup-delay", "--interval", "0.2")
    lines: list[str] = []
    deadline = time.monotonic() + 90  # the worker starts slowly on a busy machine
    while time.monotonic() < deadline:
        line = worker.stdout.readline()  # type: ignore[union-attr]
        if not line:
            break
        lines.append(line)
        if "Datenbankfehler im Worker" in line:  # it met the lock, logged it and goes on
            break
    output = "".join(lines)
    assert "Datenbankfehler im Worker" in output and "locked" in output, output
    time.sleep(1)
    assert worker.poll() is None, "der Worker hat aufgegeben"
    holder.execute("COMMIT")
    holder.close()
    rest, _ = worker.communicate(timeout=90)
    assert worker.returncode == 0, output + rest
    assert marker.read_text(encoding="utf-8") == "gelaufen"


@pytest.mark.django_db
def test_the_job_page_and_readyz_say_when_no_worker_is_alive(client, users, home):
    client.force_login(users["editor"])
    job = JobFactory(municipality=home, created_by=users["editor"])
    type(job).objects.unscoped().filter(pk=job.pk).update(
        created_at=timezone.now() - dt.timedelta(minutes=3)
    )
    url = reverse("jobs:detail", args=[home.slug, job.pk])
    assert "nicht gestartet" in client.get(url).content.decode()
    assert client.get("/readyz").status_code == 503
    now = timezone.now()
    beat = WorkerBeat.objects.create(
        worker_id="w1",
        started_at=now - dt.timedelta(hours=1),
        seen_at=now - dt.timedelta(minutes=5),
        last_error="database is locked",
        last_error_at=now - dt.timedelta(minutes=6),
    )
    page = client.get(url).content.decode()
    assert "kein Lebenszeichen mehr" in page and "database is locked" in page
    beat.seen_at = timezone.now()
    beat.save()
    assert "noch mit anderen Aufträgen beschäftigt" in client.get(url).content.decode()
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["worker"] == "alive"
    fresh = JobFactory(municipality=home, created_by=users["editor"])  # just queued: no warning
    assert queries.waiting_reason(fresh) is None


@pytest.mark.django_db
def test_a_running_planning_job_can_be_asked_to_stop(client, users, home):
    from wandelwerk.jobs.logic import stop_requested

    client.force_login(users["editor"])
    job = JobFactory(
        municipality=home, created_by=users["editor"], running=True, kind="roadmap.plan"
    )
    url = reverse("jobs:detail", args=[home.slug, job.pk])
    assert "Suche beenden und besten Plan übernehmen" in client.get(url).content.decode()
    client.post(reverse("jobs:stop", args=[home.slug, job.pk]))
    assert stop_requested(job.pk)
    assert "Die Suche wird beendet" in client.get(url).content.decode()
    done = JobFactory(municipality=home, created_by=users["editor"], done=True)
    client.post(reverse("jobs:stop", args=[home.slug, done.pk]))
    assert not stop_requested(done.pk)  # an ended job stays as it ended
