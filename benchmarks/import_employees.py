"""Imports a generated 5,000-row employee file into a fresh SQLite database and prints timings.

    .venv/bin/python benchmarks/import_employees.py [--rows 5000]

The same code path as the browser and the command (``run_import``): parse + validate, then the
write in one transaction; then the same file again (nothing changes) and a file with every row
changed.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=5000)
    args = parser.parse_args()
    database = Path(tempfile.mkdtemp()) / "bench.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wandelwerk.conf.dev")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from wandelwerk.core.importing.logic import check_import, run_import
    from wandelwerk.tenants.logic import create_municipality

    municipality = create_municipality(actor=None, slug="bench", name="Benchstadt")
    units = ["Kürzel;Bezeichnung;Übergeordnete Einheit"] + [f"U{i};Einheit {i};" for i in range(40)]
    run_import(
        actor=None,
        kind="org_units",
        data="\n".join(units).encode(),
        filename="u.csv",
        municipality=municipality,
        allow_personal=True,
    )

    rng = random.Random(7)
    header = "Personalnummer;Organisationseinheit;Funktion;Beschäftigungsart;Stellenanteil;Geburtsjahr;Geburtsmonat;Am Monatsersten geboren;Geplantes Austrittsdatum"

    def file(position: str) -> bytes:
        lines = [header]
        for i in range(args.rows):
            lines.append(
                f"{100000 + i};U{rng.randrange(40)};{position};{rng.choice(['Tarif', 'Beamte'])};"
                f"{rng.choice(['1', '0,5', '75 %'])};{rng.randint(1958, 2003)};{rng.randint(1, 12)};"
                f"{rng.choice(['ja', 'nein'])};"
            )
        return "\n".join(lines).encode("cp1252")

    first = file("Sachbearbeitung")
    changed = file("Teamleitung")

    def timed(label: str, data: bytes) -> None:
        start = time.perf_counter()
        result, _plan, _imp = check_import(
            kind="employees",
            data=data,
            filename="b.csv",
            municipality=municipality,
            allow_personal=True,
        )
        checked = time.perf_counter()
        result = run_import(
            actor=None,
            kind="employees",
            data=data,
            filename="b.csv",
            municipality=municipality,
            allow_personal=True,
        )
        done = time.perf_counter()
        assert result.ok, result.report()
        print(
            f"{label:<28} rows={result.rows} created={result.created} updated={result.updated} "
            f"unchanged={result.unchanged}  parse+validate={checked - start:.2f}s  "
            f"full import (validate+write)={done - checked:.2f}s"
        )

    timed("first import", first)
    timed("same file again", first)
    timed("every row changed", changed)


if __name__ == "__main__":
    main()
