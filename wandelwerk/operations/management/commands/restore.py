from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wandelwerk.operations.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Stellt eine Sicherung wieder her: restore QUELLE --ja. Ersetzt die Datenbank und die "
        "hochgeladenen Dateien; Web-Prozess und Worker vorher anhalten."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", type=Path)
        parser.add_argument(
            "--ja", action="store_true", help="Bestätigt, dass der jetzige Stand ersetzt wird."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["ja"]:
            raise CommandError(
                "Die Wiederherstellung ersetzt alle Daten. Zum Bestätigen mit --ja aufrufen."
            )
        try:
            restore(options["source"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                "Sicherung wiederhergestellt. Danach `manage.py bootstrap` ausführen, falls die "
                "Sicherung aus einer älteren Version stammt."
            )
        )
