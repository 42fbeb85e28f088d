"""The background worker, kept alive: django-tasks-db's worker loop, with every database error
(a locked SQLite database past its timeout, a lost connection) logged and retried instead of
ending the process, and a heartbeat the job pages and ``/readyz`` read.

Run it with ``python manage.py run_worker``; ``scripts/start`` and ``scripts/worker`` also
restart it should it ever exit.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from typing import Any

from django.db import DatabaseError, close_old_connections, connections
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker

from wandelwerk.jobs.models import WorkerBeat

logger = logging.getLogger("wandelwerk.worker")

BEAT_SECONDS = 10.0
MAX_BACKOFF_SECONDS = 30.0


class Heartbeat:
    """Writes the worker's sign of life from its own thread (a busy or waiting main loop still
    beats); a failed write is tried again at the next beat."""

    def __init__(self, worker_id: str, every: float = BEAT_SECONDS) -> None:
        self.worker_id = worker_id
        self.every = every
        self.started = timezone.now()
        self._stop = threading.Event()
        self._error: tuple[str, Any] | None = None
        self._thread = threading.Thread(target=self._loop, name="heartbeat", daemon=True)

    def start(self) -> None:
        self.beat()
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def error(self, message: str) -> None:
        self._error = (message[:300], timezone.now())

    def beat(self) -> None:
        values: dict[str, Any] = {
            "pid": os.getpid(),
            "host": socket.gethostname()[:200],
            "started_at": self.started,
            "seen_at": timezone.now(),
        }
        if self._error is not None:
            values["last_error"], values["last_error_at"] = self._error
        try:
            WorkerBeat.objects.update_or_create(worker_id=self.worker_id, defaults=values)
        except DatabaseError as exc:  # locked or gone: the next beat tries again
            logger.debug("Lebenszeichen nicht geschrieben: %s", exc)

    def _loop(self) -> None:
        while not self._stop.wait(self.every):
            self.beat()
            connections.close_all()  # this thread's own connections


class RobustWorker(Worker):
    """``db_worker``'s loop that a database error does not end: it is logged, recorded in the
    heartbeat, and the loop starts again after a pause that grows up to 30 seconds."""

    def __init__(self, *args: Any, beat_every: float = BEAT_SECONDS, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.heartbeat = Heartbeat(self.worker_id, beat_every)

    def run(self) -> None:
        self.heartbeat.start()
        pause = 1.0
        try:
            while self.running:
                try:
                    super().run()
                    return  # --batch or --max-tasks: done
                except DatabaseError as exc:
                    logger.warning(
                        "Datenbankfehler im Worker, neuer Versuch in %.0f s: %s", pause, exc
                    )
                    self.heartbeat.error(f"Datenbankfehler: {exc}")
                    close_old_connections()
                    connections.close_all()
                    time.sleep(pause)
                    pause = min(MAX_BACKOFF_SECONDS, pause * 2)
                    self.startup_delay = False
        finally:
            self.heartbeat.stop()
