from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wandelwerk.imports.logic import run_import
from wandelwerk.imports.registry import REGISTRY
from wandelwerk.tenants.models import Municipality


class Command(BaseCommand):
    help = (
        "Importiert eine CSV- oder XLSX-Datei in eine Kommune, ganz oder gar nicht: "
        "import_inventory --municipality SLUG --kind ART DATEI [--dry-run]"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="CSV- oder XLSX-Datei")
        parser.add_argument("--municipality", required=True, help="Kurzname der Kommune")
        parser.add_argument("--kind", required=True, help=f"Art: {', '.join(sorted(REGISTRY))}")
        parser.add_argument("--dry-run", action="store_true", help="nur prüfen, nichts schreiben")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["kind"] not in REGISTRY:
            raise CommandError(
                f"Unbekannte Art „{options['kind']}“. Möglich: {', '.join(sorted(REGISTRY))}."
            )
        municipality = Municipality.objects.filter(slug=options["municipality"]).first()
        if municipality is None:
            raise CommandError(f"Keine Kommune mit dem Kurznamen „{options['municipality']}“.")
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Datei „{path}“ nicht gefunden.")
        result = run_import(
            actor=None,
            kind=options["kind"],
            data=path.read_bytes(),
            filename=path.name,
            municipality=municipality,
            allow_personal=True,
            dry_run=options["dry_run"],
        )
        if not result.ok:
            raise CommandError(
                f"Import abgelehnt, nichts wurde geändert. {len(result.issues)} Fehler:\n{result.report()}"
            )
        verb = "Würde anlegen" if options["dry_run"] else "Angelegt"
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.rows} Zeilen geprüft. {verb}: {result.created}, geändert: {result.updated}, "
                f"unverändert: {result.unchanged}."
                + (" (Probelauf, nichts gespeichert)" if options["dry_run"] else "")
            )
        )
