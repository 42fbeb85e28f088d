from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from wandelwerk.measures.catalog import CatalogError, load_catalog


class Command(BaseCommand):
    help = "Lädt den Maßnahmenkatalog aus wandelwerk/catalogs/measures (Schema wird geprüft). Mehrfach ausführbar."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            count = load_catalog()
        except CatalogError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"Maßnahmenkatalog geladen: {count} Vorlagen."))
