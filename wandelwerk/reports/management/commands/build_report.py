"""Build a municipality's report from the shell, as the „Berichte“ page does.

python manage.py build_report --municipality musterstadt --kind strategy --format pdf --output bericht.pdf
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wandelwerk.reports import logic
from wandelwerk.reports.models import Format, Kind
from wandelwerk.tenants import tenancy
from wandelwerk.tenants.models import Municipality


class Command(BaseCommand):
    help = "Erstellt den Bericht einer Kommune als PDF, Word-Datei oder HTML."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--municipality", required=True, help="Kürzel (slug) der Kommune")
        parser.add_argument("--kind", choices=Kind.values, default=Kind.STRATEGY)
        parser.add_argument("--format", choices=Format.values, default=Format.PDF)
        parser.add_argument("--output", required=True, help="Datei, in die der Bericht geht")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            municipality = Municipality.objects.get(slug=options["municipality"])
        except Municipality.DoesNotExist as exc:
            raise CommandError(
                f"Keine Kommune mit dem Kürzel {options['municipality']!r}."
            ) from exc
        started = time.perf_counter()
        with tenancy.activate(municipality):
            try:
                data, _context = logic.render(options["kind"], options["format"])
            except ValueError as exc:
                raise CommandError(str(exc)) from exc
        output = Path(options["output"])
        output.write_bytes(data)
        self.stdout.write(
            f"{output}: {len(data):,} Bytes in {time.perf_counter() - started:.1f} s".replace(
                ",", "."
            )
        )
