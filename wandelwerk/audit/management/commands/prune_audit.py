from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from wandelwerk.audit.logic import redact_personal_data


class Command(BaseCommand):
    help = (
        "Löscht Personaldaten (Geburtsjahr, -monat, Austrittsdatum …) aus Protokolleinträgen, "
        "die älter sind als WANDELWERK_AUDIT_PERSONAL_DAYS Tage; die Einträge selbst bleiben. "
        "Täglich ausführen (z. B. per cron)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=None, help="statt der Einstellung")

    def handle(self, *args: Any, **options: Any) -> None:
        days = (
            options["days"]
            if options["days"] is not None
            else settings.WANDELWERK_AUDIT_PERSONAL_DAYS
        )
        changed = redact_personal_data(older_than=timezone.now() - dt.timedelta(days=days))
        self.stdout.write(
            self.style.SUCCESS(
                f"Personaldaten in {changed} Protokolleinträgen gelöscht (älter als {days} Tage)."
            )
        )
