"""How fast the pages are with the scale data set (``benchmarks/scale_data.py``): every page
that matters, read ``--runs`` times in-process through Django's test client (middleware,
views, queries and templates; no network), beside a trivial view measured in the same run (the
login page: middleware and page layout, no data).

    .venv/bin/python benchmarks/pages.py [--database var/scale.sqlite3] [--runs 40]
    DATABASE_URL=postgres://… .venv/bin/python benchmarks/pages.py

The reads go round by round: each round reads every page once, the trivial views among them, so
a machine that is slower for a while slows every page alike instead of the few pages measured
in that while (speed drifted by ±30 % within minutes on the development machine).

Prints per page the queries, p50 and p95 in milliseconds and the p95 as a multiple of the
trivial view's; the aims are p95 under 300 ms and under 10× the trivial view.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def pages(big: Any, small: Any) -> list[tuple[str, str]]:
    from django.urls import reverse

    from wandelwerk.assessments.models import Assessment
    from wandelwerk.measures.models import Measure
    from wandelwerk.organisation.models import Employee, OrgUnit
    from wandelwerk.ozg.models import AdministrativeService
    from wandelwerk.roadmap.models import Scenario
    from wandelwerk.tenants import tenancy

    def url(name: str, municipality: Any = big, **kwargs: Any) -> str:
        return reverse(name, kwargs={"municipality_slug": municipality.slug, **kwargs})

    with tenancy.activate(big):
        unit = OrgUnit.objects.filter(children__isnull=False).order_by("code").first()
        check = Assessment.objects.filter(status="approved", org_unit__isnull=False).first()
        measure = Measure.objects.filter(status="accepted").order_by("pk").last()
        scenarios = list(Scenario.objects.order_by("pk"))
        employee = Employee.objects.order_by("pk").first()
        service = AdministrativeService.objects.order_by("pk").first()
    assert unit and check and measure and scenarios and employee and service
    return [
        ("Übersicht", url("overview:index")),
        ("Organisation", url("organisation:index")),
        ("Ruhestandswelle", url("organisation:wave")),
        ("Organisationseinheiten", url("organisation:orgunit_list")),
        ("Organisationseinheit", url("organisation:orgunit_detail", pk=unit.pk)),
        ("Beschäftigte", url("organisation:employee_list")),
        ("Beschäftigte/r", url("organisation:employee_detail", pk=employee.pk)),
        ("IT-Verfahren", url("organisation:itsystem_list")),
        ("Leistungsregister", url("ozg:index")),
        ("Leistung", url("ozg:service_detail", pk=service.pk)),
        ("Prioritäten", url("ozg:priorities")),
        ("OZG-Dashboard", url("ozg:dashboard")),
        ("DigiChecks", url("assessments:index")),
        ("DigiCheck-Ergebnisse", url("assessments:results")),
        ("DigiCheck", url("assessments:detail", pk=check.pk)),
        ("Workshop", url("assessments:workshop", pk=check.pk)),
        ("Maßnahmen", url("measures:index")),
        ("Abhängigkeiten", url("measures:graph")),
        ("Maßnahme", url("measures:measure_detail", pk=measure.pk)),
        ("Empfehlungen sichten", url("measures:triage", pk=check.pk)),
        ("Fahrplan", url("roadmap:index")),
        ("Szenarienvergleich", url("roadmap:compare")),
        *[(f"Szenario {s.name}", url("roadmap:scenario_detail", pk=s.pk)) for s in scenarios],
        ("Wissen", url("knowledge:index")),
        ("Wissensträger", url("knowledge:expertise")),
        ("Wissensrisiko", url("knowledge:risk")),
        ("Protokoll", url("audit:log")),
        ("kleine Kommune: Ergebnisse (Vergleich)", url("assessments:results", small)),
    ]


def count_queries(client: Any, url: str) -> int:
    """The page's queries, read once (which also warms what the page keeps)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(ctx.captured_queries)


def rounds(reads: list[tuple[Any, str]], runs: int) -> list[list[float]]:
    """Milliseconds of each read, ``runs`` rounds of every read in turn."""
    times: list[list[float]] = [[] for _ in reads]
    for _ in range(runs):
        for index, (client, url) in enumerate(reads):
            start = time.perf_counter()
            client.get(url)
            times[index].append(1000 * (time.perf_counter() - start))
    return times


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] if len(values) >= 20 else max(values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default=str(ROOT / "var" / "scale.sqlite3"))
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{args.database}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wandelwerk.conf.local")
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    from wandelwerk.accounts.logic import grant_membership
    from wandelwerk.core.runtime import settle
    from wandelwerk.tenants.models import Membership, Municipality
    from wandelwerk.tenants.roles import Role

    settings.ALLOWED_HOSTS = ["*"]
    big = Municipality.objects.get(slug="grossstadt")
    small = Municipality.objects.get(slug="gemeinde-01")
    user = get_user_model().objects.get(username="skala")
    if not Membership.objects.filter(user=user, municipality=small).exists():
        grant_membership(actor=None, user=user, municipality=small, role=Role.MUNICIPALITY_ADMIN)
    client = Client()
    client.force_login(user)
    anonymous = Client()
    listed = pages(big, small)
    # The trivial view: the login page, the whole middleware stack and the page layout with
    # one small form and no data (anonymous, so no session is written). A second yardstick:
    # a signed-in page with the layout and navigation and one small form (the password
    # change), i.e. what every page pays before its own data.
    reads = [(anonymous, "/anmelden/"), (client, "/konto/passwort/")]
    reads += [(client, url) for _name, url in listed]
    queries = [count_queries(c, url) for c, url in reads]
    settle()  # as wandelwerk/wsgi.py does after loading the application
    times = rounds(reads, max(20, args.runs))
    trivial, signed_in = times[0], times[1]
    base, base_signed_in = p95(trivial), p95(signed_in)
    print(f"Datenbank: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}, "
          f"{max(20, args.runs)} Runden, jede liest jede Seite einmal")  # fmt: skip
    print(
        f"{'Seite':<42} {'Abfragen':>8} {'p50 ms':>8} {'p95 ms':>8} {'× trivial':>10} {'× angem.':>9}"
    )
    print(
        f"{'trivial (Anmeldeseite)':<42} {'':>8} {statistics.median(trivial):8.1f} {base:8.1f} {1:10.1f}"
    )
    print(
        f"{'trivial angemeldet (Passwort ändern)':<42} {'':>8} {statistics.median(signed_in):8.1f} "
        f"{base_signed_in:8.1f} {base_signed_in / base:10.1f} {1:9.1f}"
    )
    slow = []
    for (name, _url), count, page_times in zip(listed, queries[2:], times[2:], strict=True):
        high = p95(page_times)
        print(
            f"{name:<42} {count:>8} {statistics.median(page_times):8.1f} {high:8.1f} "
            f"{high / base:10.1f} {high / base_signed_in:9.1f}"
        )
        if high >= 300 or high >= 10 * base:
            slow.append(name)
    print(f"über 300 ms oder 10× trivial: {', '.join(slow) if slow else 'keine'}")


if __name__ == "__main__":
    main()
