"""``python manage.py run_worker``: the background worker that does not die of a database error
(see ``jobs/worker.py``); the same options as django-tasks-db's ``db_worker`` except ``--reload``."""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandError
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from wandelwerk.jobs.worker import RobustWorker


class Command(DbWorkerCommand):
    help = (
        "Startet den Hintergrund-Worker (Planungsläufe, Berichte), der Datenbankfehler übersteht."
    )

    def handle(
        self,
        *,
        verbosity: int,
        queue_name: str,
        interval: float,
        batch: bool,
        backend_name: str,
        startup_delay: bool,
        max_tasks: int | None,
        worker_id: str,
        exclude_queues: str,
        **options: Any,
    ) -> None:
        self.configure_logging(verbosity)
        queue_names = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues geht nur zusammen mit --queue-name=*")
        worker = RobustWorker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded,
        )
        worker.configure_signals()
        worker.run()
