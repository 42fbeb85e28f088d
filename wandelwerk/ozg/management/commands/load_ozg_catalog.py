from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from wandelwerk.ozg.catalog import load_catalog


class Command(BaseCommand):
    help = "Lädt den OZG-Katalog (Themenfelder, Lebenslagen, OZG-Leistungen, LeiKa) aus wandelwerk/catalogs/ozg. Mehrfach ausführbar."

    def handle(self, *args: Any, **options: Any) -> None:
        c = load_catalog()
        self.stdout.write(
            self.style.SUCCESS(
                f"OZG-Katalog geladen: {c.topics} Themenfelder, {c.life_situations} Lebens- und Unternehmenslagen, "
                f"{c.services} OZG-Leistungen, {c.entries} LeiKa-Leistungen."
            )
        )
