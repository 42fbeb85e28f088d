"""``manage.py send_reminders``: the weekly e-mail of due work; run it daily (cron)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from wandelwerk.overview.reminders import send_reminders


class Command(BaseCommand):
    help = "Erinnert per E-Mail an fällige Aufgaben (höchstens einmal je Woche und Person)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--base-url", default="", help="Adresse der Anwendung in den Links (WANDELWERK_URL)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_reminders(timezone.localdate(), options["base_url"])
        self.stdout.write(f"{sent} Erinnerungen verschickt.")
