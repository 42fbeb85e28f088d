"""How fast the provider's portfolio (the start page) is with many municipalities: builds
``--municipalities`` towns through the app's own code paths (org units and staff imported, one
approved DigiCheck, its recommendations accepted up to ``--measures``, a scenario planned, two
of three frozen as the council's baseline, a consultant for every third; the provider's team
and a team plan), then reads the page as the provider's admin and as a consultant, the team
page, Meine Aufgaben and an open scenario with its team check, beside the login page as a
trivial view.

    .venv/bin/python benchmarks/portfolio.py [--municipalities 100] [--measures 30]
    .venv/bin/python benchmarks/portfolio.py --reuse        # measure again, do not rebuild
    DATABASE_URL=postgres://… .venv/bin/python benchmarks/portfolio.py

Prints the queries, p50 and p95 in milliseconds per page.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.pages import measure, p95  # noqa: E402
from benchmarks.scale_data import approved_check, employees, imported, step, units  # noqa: E402

KREISE = ["Kreis Nord", "Kreis Süd", "Kreis Ost", "Kreis West", "Kreis Mitte"]


def build(args: argparse.Namespace) -> None:
    from django.contrib.auth import get_user_model

    from wandelwerk.accounts.logic import create_municipality, grant_membership
    from wandelwerk.measures.logic import decide_proposals, recommend
    from wandelwerk.measures.models import Measure, Status
    from wandelwerk.roadmap.logic import freeze_as_baseline, save_scenario
    from wandelwerk.roadmap.planning import plan_scenario
    from wandelwerk.tenants import tenancy
    from wandelwerk.tenants.models import Membership
    from wandelwerk.tenants.roles import Role

    rng = random.Random(2026)
    users = get_user_model().objects
    admin = users.create_user("portfolio-admin", "admin@example.org", "portfolio-benchmark")
    Membership.objects.create(user=admin, municipality=None, role=Role.PROVIDER_ADMIN)
    consultant = users.create_user("portfolio-berater", "b@example.org", "portfolio-benchmark")

    def one(i: int) -> None:
        town = create_municipality(
            actor=None, slug=f"kommune-{i + 1:03d}", name=f"Kommune {i + 1:03d}",
            population=rng.randint(3_000, 120_000), kreis=KREISE[i % len(KREISE)],
        )  # fmt: skip
        if i % 3 == 0:
            grant_membership(actor=None, user=consultant, municipality=town, role=Role.CONSULTANT)
        rows = units(8)
        imported(town, "org_units", rows)
        imported(town, "employees", employees(60, [r[0] for r in rows[1:]], rng))
        with tenancy.activate(town):
            check = approved_check(town, None, None, rng)
            recommend(actor=None, assessment=check)
            proposed = list(Measure.objects.filter(status=Status.PROPOSED).order_by("pk"))
            decide_proposals(actor=None, measures=proposed[: args.measures], accept=True)
            scenario = save_scenario(
                actor=None,
                values={
                    "name": "Basis", "start_year": 2026, "start_half": 2, "periods": 10,
                    "internal_days_per_period": 300, "provider_days_per_period": 60,
                    "budget_per_year": 300_000, "change_capacity": 2,
                },
            )  # fmt: skip
            plan_scenario(scenario, actor=None, time_limit=args.plan_seconds)
            if i % 3 != 2:
                freeze_as_baseline(actor=None, scenario=scenario)

    step(
        f"{args.municipalities} Kommunen mit DigiCheck, {args.measures} Maßnahmen und Plan",
        lambda: [one(i) for i in range(args.municipalities)],
    )
    # The provider's team, tight enough that the plans overbook it, and a team plan.
    from django.utils import timezone

    from wandelwerk.roadmap.logic import plan_team, save_team_capacity
    from wandelwerk.roadmap.team import window

    team = {"consulting": 20 * args.municipalities, "engineering": 4 * args.municipalities}
    half_years = window(timezone.localdate())
    save_team_capacity(
        actor=None, days={(s, h.ordinal): d for s, d in team.items() for h in half_years}
    )
    step("Teamplan", lambda: plan_team(actor=None, today=timezone.localdate()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default=str(ROOT / "var" / "portfolio.sqlite3"))
    parser.add_argument("--municipalities", type=int, default=100)
    parser.add_argument("--measures", type=int, default=30)
    parser.add_argument("--plan-seconds", type=float, default=0.5)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--reuse", action="store_true", help="measure the data already built")
    args = parser.parse_args()
    if "DATABASE_URL" not in os.environ:
        database = Path(args.database)
        if not args.reuse:
            database.unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wandelwerk.conf.local")
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client

    from wandelwerk.operations.bootstrap import load_catalogues

    settings.ALLOWED_HOSTS = ["*"]
    step("Migrationen", lambda: call_command("migrate", verbosity=0))
    if not args.reuse:
        started = time.perf_counter()
        step("Kataloge laden", lambda: load_catalogues(lambda _text: None))
        build(args)
        print(f"{'Aufbau zusammen':<58} {time.perf_counter() - started:7.1f} s")
    users = get_user_model().objects
    # Measured without the second factor the provider's people confirm each sign-in with.
    users.filter(username__startswith="portfolio-").update(second_factor_exempt=True)
    from wandelwerk.roadmap.models import Scenario

    open_one = Scenario.objects.unscoped().filter(is_baseline=False).order_by("pk").first()
    scenario_url = f"/k/{open_one.municipality.slug}/fahrplan/szenarien/{open_one.pk}/"
    _q, trivial = measure(Client(), "/anmelden/", max(100, args.runs))
    print(f"Datenbank: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}, "
          f"{args.runs} Abrufe je Seite; Anmeldeseite p95 {p95(trivial):.1f} ms")  # fmt: skip
    print(f"{'Seite':<48} {'Abfragen':>8} {'p50 ms':>8} {'p95 ms':>8}")
    for username, label, url in [
        ("portfolio-admin", "Portfolio (alle Kommunen), Administration", "/"),
        ("portfolio-admin", "Portfolio nach Verspätung sortiert", "/?sort=-late"),
        ("portfolio-admin", "Portfolio, ein Kreis", "/?kreis=Kreis+Nord"),
        ("portfolio-admin", "Portfolio als XLSX", "/?export=xlsx"),
        ("portfolio-berater", "Portfolio einer Beraterin (jede dritte)", "/"),
        ("portfolio-admin", "Cockpit einer Kommune", "/k/kommune-001/"),
        ("portfolio-admin", "Team und Auslastung (Teamplan)", "/team/"),
        ("portfolio-admin", "Meine Aufgaben, Administration", "/aufgaben/"),
        ("portfolio-admin", "Szenario mit Teamprüfung", scenario_url),
    ]:
        client = Client()
        client.force_login(users.get(username=username))
        queries, times = measure(client, url, args.runs)
        times.sort()
        print(f"{label:<48} {queries:>8} {times[len(times) // 2]:>8.1f} {p95(times):>8.1f}")


if __name__ == "__main__":
    main()
