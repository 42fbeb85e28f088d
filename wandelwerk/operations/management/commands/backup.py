from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wandelwerk.operations.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Sichert Datenbank und hochgeladene Dateien in ein neues Verzeichnis: backup ZIEL "
        "(PostgreSQL mit pg_dump, SQLite mit der eingebauten Sicherung)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("target", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            target = backup(options["target"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"Sicherung geschrieben: {target}"))
