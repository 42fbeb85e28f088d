"""Times catalogue searches on the full OZG catalogue (5,249 LeiKa entries, 557 OZG services).

    .venv/bin/python benchmarks/ozg_search.py

Each search is the query the catalogue page runs (``ozg.queries.search_catalog``), evaluated as
the page does: the first 25 OZG services, the first 50 LeiKa entries and both counts. Prints the
median and the slowest of 20 runs per search, on a fresh SQLite database.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SEARCHES = [
    ("Name", "genehmigung"),
    ("Name, selten", "Hundesteuer"),
    ("LeiKa-Schlüssel", "99012001001000"),
    ("Schlüssel-Anfang", "990120"),
    ("OZG-ID", "10123"),
]


def main() -> None:
    database = Path(tempfile.mkdtemp()) / "bench.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wandelwerk.conf.dev")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from wandelwerk.ozg.catalog import load_catalog
    from wandelwerk.ozg.queries import search_catalog

    counts = load_catalog()
    print(f"catalogue: {counts.services} OZG services, {counts.entries} LeiKa entries")
    for label, q in SEARCHES:
        times = []
        for _ in range(20):
            start = time.perf_counter()
            services, entries = search_catalog(q)
            list(services[:25])
            list(entries[:50])
            services.count()
            entries.count()
            times.append((time.perf_counter() - start) * 1000)
        print(
            f"{label:<18} {q!r:<18} median {statistics.median(times):6.1f} ms   max {max(times):6.1f} ms"
        )


if __name__ == "__main__":
    main()
