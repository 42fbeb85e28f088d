"""Times catalogue searches on the full OZG catalogue (5,249 LeiKa entries, 557 OZG services).

    .venv/bin/python benchmarks/ozg_search.py

On a fresh SQLite database: loads the shipped catalogue (``load_ozg_catalog``, first load and an
idempotent second one), then times each search twice, 20 runs each after one warm-up request, and prints the median and the
slowest run:

- "query": what the catalogue page asks the database (``ozg.queries.search_catalog``, evaluated
  as the page does: the first 25 OZG services, the first 50 LeiKa entries and both counts);
- "page": the whole request through Django's test client, logged in as an editor of a
  municipality with 400 services in its register: middleware, session, tenant and permission
  checks, the queries and the rendered HTML.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SEARCHES = [
    ("Name", "genehmigung"),
    ("Name, selten", "Hundesteuer"),
    ("LeiKa-Schlüssel", "99012001001000"),
    ("Schlüssel-Anfang", "990120"),
    ("OZG-ID", "10123"),
]
RUNS = 20


def timed(run: Callable[[], object]) -> tuple[float, float]:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def main() -> None:
    database = Path(tempfile.mkdtemp()) / "bench.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wandelwerk.conf.dev")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    call_command("migrate", verbosity=0)
    from wandelwerk.ozg.catalog import load_catalog
    from wandelwerk.ozg.logic import adopt_entries, standard_entries
    from wandelwerk.ozg.queries import search_catalog
    from wandelwerk.tenants import tenancy
    from wandelwerk.tenants.tests.factories import (
        MembershipFactory,
        MunicipalityFactory,
        UserFactory,
    )

    for label in ("first load", "second load (nothing changes)"):
        start = time.perf_counter()
        counts = load_catalog()
        print(f"catalogue {label}: {time.perf_counter() - start:.2f} s")
    print(
        f"catalogue: {counts.topics} Themenfelder, {counts.life_situations} Lagen, "
        f"{counts.services} OZG services, {counts.entries} LeiKa entries"
    )

    settings.ALLOWED_HOSTS = ["*"]
    municipality = MunicipalityFactory(slug="bench")
    user = UserFactory(username="bench-editor")
    MembershipFactory(user=user, municipality=municipality, role="editor")
    with tenancy.activate(municipality):
        adopt_entries(actor=None, entries=standard_entries()[:400])
    client = Client()
    client.force_login(user)
    page = reverse("ozg:catalog", args=[municipality.slug])
    client.get(page, {"q": "warm-up"})  # the first request loads templates and URL patterns

    print(
        f"{'search':<18} {'q':<18} {'query median':>13} {'max':>7} {'page median':>12} {'max':>7}"
    )
    for label, q in SEARCHES:

        def query(q: str = q) -> None:
            services, entries = search_catalog(q)
            list(services[:25])
            list(entries[:50])
            services.count()
            entries.count()

        def request(q: str = q) -> None:
            response = client.get(page, {"q": q})
            assert response.status_code == 200, response.status_code

        q_median, q_max = timed(query)
        p_median, p_max = timed(request)
        print(
            f"{label:<18} {q!r:<18} {q_median:10.1f} ms {q_max:5.1f} ms"
            f" {p_median:9.1f} ms {p_max:5.1f} ms"
        )


if __name__ == "__main__":
    main()
