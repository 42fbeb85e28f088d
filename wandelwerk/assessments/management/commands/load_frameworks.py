from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from wandelwerk.assessments.frameworks.loader import FrameworkError, load_all


class Command(BaseCommand):
    help = "Lädt die DigiCheck-Fragebögen aus wandelwerk/catalogs/frameworks (Schema wird geprüft)."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            frameworks = load_all()
        except FrameworkError as exc:
            raise CommandError(str(exc)) from exc
        for framework in frameworks:
            self.stdout.write(
                self.style.SUCCESS(
                    f"{framework}: {framework.areas.count()} Handlungsfelder geladen."
                )
            )
