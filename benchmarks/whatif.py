"""How fast a what-if answers on the scenario page of a typical municipality.

    .venv/bin/python benchmarks/whatif.py [--measures 200] [--runs 20] [--seed 1]

A fresh SQLite database with one municipality: ``--measures`` accepted measures in 25 org units
(one to three half-years each, staff days, provider days, budget, benefit, a quarter of them
waiting for an earlier one, some with a deadline), a scenario of ten half-years whose capacity
and budget cover about nine tenths of the demand, planned once in the background way. Then
``--runs`` what-if requests through Django's test client, exactly as the page sends them (htmx),
each with another budget, capacity or weight; printed: the time of each request and its p50,
p95 and max, and how many measures would move.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--measures", type=int, default=200)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    database = Path(tempfile.mkdtemp()) / "bench.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wandelwerk.conf.test")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    from wandelwerk.accounts.logic import create_municipality, grant_membership
    from wandelwerk.measures.models import Measure
    from wandelwerk.organisation.models import OrgUnit
    from wandelwerk.roadmap.models import Scenario
    from wandelwerk.roadmap.planning import plan_scenario
    from wandelwerk.tenants import tenancy
    from wandelwerk.tenants.roles import Role

    rng = random.Random(args.seed)
    municipality = create_municipality(actor=None, slug="bench", name="Benchstadt")
    with tenancy.activate(municipality):
        units = [
            OrgUnit.objects.create(municipality=municipality, code=f"{i}", name=f"Amt {i}")
            for i in range(25)
        ]
        measures: list[Measure] = []
        for i in range(args.measures):
            duration = rng.choice([1, 1, 2, 2, 3])
            measure = Measure.objects.create(
                municipality=municipality,
                title=f"Maßnahme {i}",
                area=rng.choice(["change", "knowledge", "process", "digital"]),
                org_unit=rng.choice(units),
                status="accepted",
                duration=duration,
                internal_days=rng.randint(5, 60) * duration,
                provider_days=rng.randint(0, 15) * duration,
                budget_eur=rng.choice([0, 0, 5_000, 20_000, 60_000]),
                benefit=rng.randint(1, 10),
                deadline=dt.date(2029, 12, 31) if rng.random() < 0.1 else None,
            )
            if measures and rng.random() < 0.25:
                measure.prerequisites.add(rng.choice(measures[-30:]))
            measures.append(measure)
        internal = sum(m.internal_days for m in measures)
        provider = sum(m.provider_days for m in measures)
        budget = sum(m.budget_eur for m in measures)
        scenario = Scenario.objects.create(
            municipality=municipality,
            name="Basis",
            start_year=2027,
            periods=10,
            internal_days_per_period=int(internal / 10 * 0.9),
            provider_days_per_period=int(provider / 10 * 0.9),
            budget_per_year=int(budget / 5 * 0.9),
            change_capacity=3,
        )
        started = time.perf_counter()
        plan = plan_scenario(scenario, time_limit=60)
        print(
            f"{args.measures} measures, planned in {time.perf_counter() - started:.1f} s "
            f"({plan.get_status_display()}, gap {100 * (plan.gap or 0):.2f} %)"
        )
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("bench", password="x")
    grant_membership(actor=None, user=user, municipality=municipality, role=Role.EDITOR)
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    url = f"/k/bench/fahrplan/szenarien/{scenario.pk}/was-waere-wenn/"
    base = {
        "budget_per_year": scenario.budget_per_year,
        "internal_days_per_period": scenario.internal_days_per_period,
        "provider_days_per_period": scenario.provider_days_per_period,
        "change_capacity": scenario.change_capacity,
        "weight_benefit": 3,
        "weight_deadlines": 5,
        "weight_focus": 1,
    }
    seconds = []
    for run in range(args.runs):
        data = dict(base)
        key = rng.choice(list(base))
        data[key] = max(1, int(base[key] * rng.choice([0.7, 0.85, 1.15, 1.4])))
        started = time.perf_counter()
        response = client.post(url, data, HTTP_HX_REQUEST="true")
        took = time.perf_counter() - started
        assert response.status_code == 200, response.status_code
        page = response.content.decode()
        moved = page.count("</li>")
        seconds.append(took)
        print(f"run {run + 1:>2}: {key:<26} {data[key]:>9}  {took:5.2f} s  ~{moved} lines")
    seconds.sort()
    p95 = seconds[min(len(seconds) - 1, round(0.95 * len(seconds)) - 1)]
    print(
        f"what-if over {len(seconds)} runs: p50 {statistics.median(seconds):.2f} s, "
        f"p95 {p95:.2f} s, max {seconds[-1]:.2f} s"
    )


if __name__ == "__main__":
    main()
