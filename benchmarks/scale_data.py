"""The scale data set: a large municipality beside many small ones, built through the app's own
code paths (imports, DigiCheck answers and approval, recommendations, acceptance, planning).

    .venv/bin/python benchmarks/scale_data.py [--database var/scale.sqlite3]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/scale .venv/bin/python benchmarks/scale_data.py

Defaults: "Großstadt" (kreisfreie Stadt) with 300 org units, 5,000 employees, 60 IT systems,
400 services, 50 approved DigiChecks, 1,000 accepted measures and two planned scenarios ("Basis"
with capacities below the demand, "Ambitioniert" with twice as much), and 60
small municipalities with 8 units, 60 employees and one approved DigiCheck each. Without
DATABASE_URL it builds a fresh SQLite file. It logs in as ``skala`` / ``skala-benchmark``
(administration of Großstadt with the personal-data right). Prints the time of every step.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASSWORD = "skala-benchmark"


def step(label: str, work: Callable[[], Any]) -> Any:
    start = time.perf_counter()
    result = work()
    print(f"{label:<58} {time.perf_counter() - start:7.1f} s", flush=True)
    return result


def csv(rows: list[list[Any]]) -> bytes:
    return "\n".join(";".join(str(c) for c in row) for row in rows).encode("utf-8")


def imported(municipality: Any, kind: str, rows: list[list[Any]]) -> None:
    from wandelwerk.imports.logic import run_import

    result = run_import(
        actor=None,
        kind=kind,
        data=csv(rows),
        filename=f"{kind}.csv",
        municipality=municipality,
        allow_personal=True,
    )
    assert result.ok, result.report()


def units(count: int) -> list[list[Any]]:
    """Dezernate on top, Ämter below them, Abteilungen below the Ämter: ``count`` in all."""
    rows: list[list[Any]] = [["Kürzel", "Bezeichnung", "Übergeordnete Einheit", "Leitung"]]
    tops = max(1, count // 30)
    for d in range(tops):
        rows.append([f"D{d + 1}", f"Dezernat {d + 1}", "", ""])
    made, a = tops, 0
    while made < count:
        parent = f"D{a % tops + 1}"
        code = f"{a + 10}"
        rows.append([code, f"Amt {code}", parent, ""])
        made += 1
        for b in range(4):
            if made >= count:
                break
            rows.append([f"{code}.{b + 1}", f"Abteilung {code}.{b + 1}", code, ""])
            made += 1
        a += 1
    return rows


def employees(count: int, codes: list[str], rng: random.Random) -> list[list[Any]]:
    rows: list[list[Any]] = [
        [
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
    ]
    for i in range(count):
        rows.append(
            [
                str(100000 + i),
                rng.choice(codes),
                rng.choice(["Sachbearbeitung", "Teamleitung", "Fachkraft"]),
                rng.choice(["Tarif", "Tarif", "Beamte"]),
                rng.choice(["1", "1", "0,5", "75 %"]),
                str(rng.randint(1959, 2003)),
                str(rng.randint(1, 12)),
                "nein",
                "",
            ]
        )
    return rows


def systems(count: int, codes: list[str], rng: random.Random) -> list[list[Any]]:
    rows: list[list[Any]] = [
        ["Bezeichnung", "Hersteller", "Organisationseinheiten", "Betrieb", "Supportende"]
    ]
    for i in range(count):
        rows.append(
            [f"Fachverfahren {i + 1}", "Kommunalsoftware GmbH", ",".join(rng.sample(codes, 3)),
             "Rechenzentrum", ""]
        )  # fmt: skip
    return rows


def services(
    municipality: Any, count: int, codes: list[str], rng: random.Random
) -> list[list[Any]]:
    from wandelwerk.ozg.carriers import carried_filter
    from wandelwerk.ozg.models import LeikaEntry

    entries = list(
        LeikaEntry.objects.filter(carried_filter(municipality), leika_key__isnull=False)
        .exclude(ozg_service__isnull=True)
        .order_by("leika_key")[: count * 3]
    )
    chosen = rng.sample(entries, min(count, len(entries)))
    rows: list[list[Any]] = [
        ["LeiKa-Schlüssel", "Bezeichnung", "Organisationseinheit", "Zielgruppe",
         "Fallzahl pro Jahr", "Bearbeitungszeit (Minuten)", "Reifegrad", "Ziel-Reifegrad"]
    ]  # fmt: skip
    for entry in chosen:
        level = rng.choice([0, 1, 1, 2, 2, 3, 4])
        rows.append(
            [entry.leika_key, entry.name[:300], rng.choice(codes),
             rng.choice(["Bürger", "Bürger", "Unternehmen"]), rng.randint(10, 30000),
             rng.choice([10, 20, 30, 60]), level, max(3, level)]
        )  # fmt: skip
    return rows


def approved_check(municipality: Any, unit: Any, actor: Any, rng: random.Random) -> Any:
    import datetime as dt
    from decimal import Decimal

    from wandelwerk.assessments.checks import logic
    from wandelwerk.assessments.checks.queries import questions
    from wandelwerk.assessments.frameworks.loader import default_framework

    framework = default_framework()
    check = logic.create_assessment(
        actor=actor,
        framework=framework,
        org_unit=unit,
        date=dt.date(2026, 10, 1) - dt.timedelta(days=rng.randint(0, 400)),
    )
    shift = rng.uniform(-0.7, 0.7)
    for question in questions(check):
        level = max(0, min(4, round(rng.gauss(1.5 + shift, 0.9))))
        logic.save_answer(
            actor=actor, assessment=check, question=question, level=level,
            not_applicable=False, comment="", version=0,
        )  # fmt: skip
    logic.set_targets(
        actor=actor,
        assessment=check,
        targets={a: Decimal("3.0") for a in ("change", "knowledge", "process", "digital")},
    )
    logic.transition(actor=actor, assessment=check, to="in_review")
    return logic.transition(actor=actor, assessment=check, to="approved")


def build_large(args: argparse.Namespace, rng: random.Random) -> None:
    from wandelwerk.accounts.logic import create_municipality
    from wandelwerk.accounts.people import create_user
    from wandelwerk.measures.logic import add_from_template, decide_proposals, recommend
    from wandelwerk.measures.models import Measure, MeasureTemplate, Status
    from wandelwerk.organisation.models import OrgUnit
    from wandelwerk.ozg.models import AdministrativeService
    from wandelwerk.roadmap.logic import save_scenario
    from wandelwerk.roadmap.planning import plan_scenario
    from wandelwerk.tenants import tenancy
    from wandelwerk.tenants.roles import Role

    town = step(
        "Großstadt anlegen",
        lambda: create_municipality(
            actor=None,
            slug="grossstadt",
            name="Großstadt",
            population=300_000,
            tier="kreisfrei",
            ags="05999100",
        ),
    )
    user, _ = create_user(
        actor=None, username="skala", email="skala@example.org", name="Skala Bench",
        password=PASSWORD, municipality=town, role=Role.MUNICIPALITY_ADMIN,
        can_view_personal_data=True,
    )  # fmt: skip
    unit_rows = units(args.units)
    codes = [row[0] for row in unit_rows[1:]]
    step(
        f"{args.units} Organisationseinheiten (Import)",
        lambda: imported(town, "org_units", unit_rows),
    )
    step(
        f"{args.employees} Beschäftigte (Import)",
        lambda: imported(town, "employees", employees(args.employees, codes, rng)),
    )
    step("60 IT-Verfahren (Import)", lambda: imported(town, "it_systems", systems(60, codes, rng)))
    with tenancy.activate(town):
        step(
            f"{args.services} Leistungen (Import)",
            lambda: imported(town, "services", services(town, args.services, codes, rng)),
        )
        leaves = list(OrgUnit.objects.filter(children__isnull=True).order_by("code"))
        chosen = [None, *rng.sample(leaves, min(len(leaves), args.checks - 1))]
        checks = step(
            f"{args.checks} DigiChecks beantworten und freigeben",
            lambda: [approved_check(town, unit, user, rng) for unit in chosen],
        )
        step(
            "Empfehlungen aus allen DigiChecks",
            lambda: [recommend(actor=user, assessment=check) for check in checks],
        )

        def accept() -> int:
            proposed = list(Measure.objects.filter(status=Status.PROPOSED).order_by("pk"))
            rng.shuffle(proposed)
            for start in range(0, len(proposed), 20):
                if Measure.objects.filter(status=Status.ACCEPTED).count() >= args.measures:
                    break
                decide_proposals(actor=user, measures=proposed[start : start + 20], accept=True)
            return Measure.objects.filter(status=Status.ACCEPTED).count()

        def per_service() -> int:
            """More measures from the catalogue, one per service, up to ``--measures``."""
            template = MeasureTemplate.objects.get(key="serviceportal-anbindung")
            taken = set(
                Measure.objects.filter(template=template).values_list("service_id", flat=True)
            )
            for service in AdministrativeService.objects.order_by("pk"):
                if Measure.objects.filter(status=Status.ACCEPTED).count() >= args.measures:
                    break
                if service.pk not in taken:
                    add_from_template(actor=user, template=template, service=service)
            return Measure.objects.filter(status=Status.ACCEPTED).count()

        accepted = step(f"bis zu {args.measures} Empfehlungen annehmen", accept)
        if accepted < args.measures:
            accepted = step("weitere Maßnahmen je Leistung aus dem Katalog", per_service)
        print(f"  angenommen: {accepted} Maßnahmen")
        for name, factor in (("Basis", 1), ("Ambitioniert", 2)):
            scenario = save_scenario(
                actor=user,
                values={
                    "name": name, "start_year": 2027, "start_half": 1, "periods": 10,
                    "internal_days_per_period": 1200 * factor,
                    "provider_days_per_period": 300 * factor,
                    "budget_per_year": 1_000_000 * factor, "change_capacity": 3,
                },
            )  # fmt: skip
            step(
                f"Szenario „{name}“ planen ({args.plan_seconds} s)",
                lambda s=scenario: plan_scenario(s, actor=user, time_limit=args.plan_seconds),
            )


def build_small(args: argparse.Namespace, rng: random.Random) -> None:
    from wandelwerk.accounts.logic import create_municipality
    from wandelwerk.tenants import tenancy

    def one(i: int) -> None:
        town = create_municipality(
            actor=None, slug=f"gemeinde-{i + 1:02d}", name=f"Gemeinde {i + 1:02d}",
            population=rng.randint(3_000, 20_000), kreis="Kreis Skala",
        )  # fmt: skip
        rows = units(8)
        imported(town, "org_units", rows)
        imported(town, "employees", employees(60, [r[0] for r in rows[1:]], rng))
        with tenancy.activate(town):
            approved_check(town, None, None, rng)

    step(
        f"{args.small} kleine Kommunen mit je einem DigiCheck",
        lambda: [one(i) for i in range(args.small)],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default=str(ROOT / "var" / "scale.sqlite3"))
    parser.add_argument("--units", type=int, default=300)
    parser.add_argument("--employees", type=int, default=5000)
    parser.add_argument("--services", type=int, default=400)
    parser.add_argument("--checks", type=int, default=50)
    parser.add_argument("--measures", type=int, default=1000)
    parser.add_argument("--small", type=int, default=60)
    parser.add_argument("--plan-seconds", type=float, default=10.0)
    args = parser.parse_args()
    if "DATABASE_URL" not in os.environ:
        database = Path(args.database)
        database.unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wandelwerk.conf.local")
    import django

    django.setup()
    from django.core.management import call_command

    from wandelwerk.operations.bootstrap import load_catalogues

    print(f"Datenbank: {os.environ['DATABASE_URL']}")
    step("Migrationen", lambda: call_command("migrate", verbosity=0))
    step("Kataloge laden", lambda: load_catalogues(lambda _text: None))
    rng = random.Random(2026)
    total = time.perf_counter()
    build_large(args, rng)
    build_small(args, rng)
    print(f"{'Zusammen':<58} {time.perf_counter() - total:7.1f} s")
    step("Statistiken (PostgreSQL: wie nach dem Autovacuum)", settle_statistics)


def settle_statistics() -> None:
    """PostgreSQL: the statistics and visibility map autovacuum keeps on a running database
    (right after a bulk load the planner has neither: index-only scans read the table too).
    SQLite keeps none unless asked, and the application does not ask: left as it is."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


if __name__ == "__main__":
    main()
