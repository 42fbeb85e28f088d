"""Imports a generated 5,000-row employee file into a fresh SQLite database and prints timings.

    .venv/bin/python benchmarks/import_employees.py [--rows 5000] [--format csv|xlsx]

The code path of the browser and of ``import_inventory``: ``check_import`` (read the file,
parse and validate every cell and row against the database, plan) and ``apply_import`` (the
bulk writes and the audit events), in one transaction as ``run_import`` does. Three runs: the
first import (every row new), the same file again (nothing changes, nothing is written), and a
file in which every row changed (every row an update with its audit event).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

HEADER = [
    "Personalnummer",
    "Organisationseinheit",
    "Funktion",
    "Beschäftigungsart",
    "Stellenanteil",
    "Geburtsjahr",
    "Geburtsmonat",
    "Am Monatsersten geboren",
    "Geplantes Austrittsdatum",
]
UNITS = 40


def employee_rows(count: int, position: str) -> list[list[str]]:
    rng = random.Random(7)  # same people in every file; only the position differs
    rows = []
    for i in range(count):
        exit_date = f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{rng.randint(2026, 2040)}"
        rows.append(
            [
                str(100000 + i),
                f"{rng.randrange(UNITS)}.1",
                position,
                rng.choice(["Tarif", "Beamte"]),
                rng.choice(["1", "0,5", "75 %"]),
                str(rng.randint(1958, 2003)),
                str(rng.randint(1, 12)),
                rng.choice(["ja", "nein"]),
                exit_date if rng.random() < 0.2 else "",
            ]
        )
    return rows


def as_file(rows: list[list[str]], fmt: str) -> bytes:
    if fmt == "xlsx":
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet()
        sheet.append(HEADER)
        for row in rows:
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()
    # German Excel's "CSV (Trennzeichen-getrennt)": Windows-1252, semicolons.
    return "\r\n".join(";".join(r) for r in [HEADER, *rows]).encode("cp1252")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--format", choices=["csv", "xlsx"], default="csv")
    args = parser.parse_args()
    database = Path(tempfile.mkdtemp()) / "bench.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wandelwerk.conf.dev")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import transaction

    call_command("migrate", verbosity=0)
    from wandelwerk.accounts.logic import create_municipality
    from wandelwerk.imports.logic import apply_import, check_import, run_import

    municipality = create_municipality(actor=None, slug="bench", name="Benchstadt")
    units = ["Kürzel;Bezeichnung;Übergeordnete Einheit"]
    for i in range(UNITS):
        units += [f"{i};Fachbereich {i};", f"{i}.1;Abteilung {i}.1;{i}"]
    result = run_import(
        actor=None,
        kind="org_units",
        data="\n".join(units).encode(),
        filename="einheiten.csv",
        municipality=municipality,
        allow_personal=True,
    )
    assert result.ok, result.report()

    filename = f"beschaeftigte.{args.format}"
    first = as_file(employee_rows(args.rows, "Sachbearbeitung"), args.format)
    changed = as_file(employee_rows(args.rows, "Teamleitung"), args.format)
    print(
        f"{args.rows} employees, {args.format.upper()} of {len(first) / 1024:.0f} KiB, "
        f"{2 * UNITS} org units, SQLite at {database}"
    )

    def timed(label: str, data: bytes) -> None:
        with transaction.atomic():  # as run_import does
            start = time.perf_counter()
            result, plan, importer = check_import(
                kind="employees",
                data=data,
                filename=filename,
                municipality=municipality,
                allow_personal=True,
            )
            checked = time.perf_counter()
            assert plan is not None, result.report()
            apply_import(actor=None, importer=importer, plan=plan, result=result, filename=filename)
        done = time.perf_counter()
        print(
            f"{label:<20} created={result.created:>5} updated={result.updated:>5} "
            f"unchanged={result.unchanged:>5}   parse+validate {checked - start:5.2f} s   "
            f"write {done - checked:5.2f} s   total {done - start:5.2f} s"
        )

    timed("first import", first)
    timed("same file again", first)
    timed("every row changed", changed)


if __name__ == "__main__":
    main()
