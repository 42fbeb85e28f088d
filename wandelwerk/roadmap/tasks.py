"""The planning run as a background job, with its progress on the job's page."""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Any

from wandelwerk.jobs.logic import stop_requested
from wandelwerk.jobs.models import Job
from wandelwerk.jobs.registry import Progress, runner
from wandelwerk.roadmap.engine.model import Solution, gap_of
from wandelwerk.roadmap.interim import interim
from wandelwerk.roadmap.models import Plan, Scenario
from wandelwerk.roadmap.planning import plan_scenario
from wandelwerk.roadmap.problem import Built, Parameters
from wandelwerk.roadmap.team import availability


@runner("roadmap.plan", interim_template="roadmap/_plan_interim.html")
def run_planning(job: Job, progress: Progress) -> dict[str, Any]:
    scenario = Scenario.objects.get(pk=job.params["scenario"])
    progress(5, "Planung wird vorbereitet")
    found = {"n": 0}
    began = time.monotonic()

    def on_solution(solution: Solution, built: Built) -> None:
        found["n"] += 1
        gap = gap_of(solution.objective, solution.bound)
        distance = (
            f"höchstens {gap:.1%} vom bestmöglichen".replace(".", ",") if gap is not None else ""
        )
        progress(
            min(95, 10 + 8 * found["n"]),
            f"{found['n']}. gültiger Plan gefunden ({distance}); die Suche nach einem besseren "
            "läuft, „Suche beenden“ übernimmt ihn",
            interim(built, solution, number=found["n"], seconds=time.monotonic() - began),
        )

    parameters = None
    if job.params.get("within_team"):  # the best plan the provider's team can carry
        parameters = Parameters.of(scenario)
        free = availability(scenario.municipality_id, parameters.half_years)
        parameters = replace(parameters, team=free.days)
    plan = plan_scenario(
        scenario,
        parameters=parameters,
        actor=job.created_by,
        reference=job.params.get("reference", Plan.Reference.PREVIOUS),
        on_solution=on_solution,
        should_stop=lambda: stop_requested(job.pk),
    )
    job.result_url = scenario.get_absolute_url()
    return {"plan": plan.pk, "status": plan.status}
