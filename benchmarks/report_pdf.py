"""How long the strategy report takes for the demo town Musterstadt, per format.

    rm -f var/report-bench.sqlite3
    .venv/bin/python benchmarks/report_pdf.py [--runs 3]

Loads the demo into its own SQLite file (var/report-bench.sqlite3) once, then builds the report
as HTML, PDF and Word ``--runs`` times each, in-process as the background job does, and prints
the seconds (gathering the data included), the size and the PDF's page count.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    database = ROOT / "var" / "report-bench.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wandelwerk.conf.dev")
    import django

    django.setup()
    from django.core.management import call_command

    from wandelwerk.reports import logic
    from wandelwerk.reports.models import Format, Kind
    from wandelwerk.tenants import tenancy
    from wandelwerk.tenants.models import Municipality

    if not database.exists():
        quiet = io.StringIO()
        call_command("migrate", verbosity=0)
        call_command("bootstrap", no_admin=True, verbosity=0, stdout=quiet)
        call_command("load_demo", verbosity=0, stdout=quiet)
    town = Municipality.objects.get(slug="musterstadt")
    with tenancy.activate(town):
        for fmt in (Format.HTML, Format.PDF, Format.DOCX):
            seconds = []
            for _ in range(args.runs):
                started = time.perf_counter()
                data, _context = logic.render(Kind.STRATEGY, fmt)
                seconds.append(time.perf_counter() - started)
            extra = ""
            if fmt == Format.PDF:
                from pypdf import PdfReader

                extra = f", {len(PdfReader(io.BytesIO(data)).pages)} Seiten"
            print(
                f"{fmt.label:<12} Median {statistics.median(seconds):5.1f} s, "
                f"höchstens {max(seconds):5.1f} s, {len(data) / 1024:,.0f} KiB{extra}"
            )


if __name__ == "__main__":
    main()
