"""The baseline the council adopted never changes: whatever happens to its measures or its
scenario afterwards, its page and its figures stay exactly as they were."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from wandelwerk.measures import logic as measure_logic
from wandelwerk.measures.models import Measure
from wandelwerk.roadmap import logic
from wandelwerk.roadmap.planning import plan_scenario
from wandelwerk.roadmap.tests.conftest import TODAY
from wandelwerk.tenants import tenancy

pytestmark = pytest.mark.django_db


def page_of(client, url):
    html = client.get(url).content.decode()
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    return re.sub(r'"X-CSRFToken": "[^"]+"', "", html)


def test_no_change_to_measures_or_scenario_reaches_the_baseline(
    client, users, home, measures, scenario
):
    with tenancy.activate(home):
        plan_scenario(scenario, today=TODAY, time_limit=5)
        logic.freeze_as_baseline(actor=users["consultant"], scenario=scenario)
    client.force_login(users["consultant"])
    before = page_of(client, scenario.get_absolute_url())
    compare = page_of(client, f"/k/{home.slug}/fahrplan/vergleich/")
    with tenancy.activate(home):
        for measure in Measure.objects.all():
            measure_logic.save_measure(
                actor=users["editor"],
                measure=measure,
                values={
                    "title": f"{measure.title} (umbenannt)",
                    "area": "change",
                    "description": "neu",
                    "org_unit": None,
                    "duration": 4,
                    "internal_days": 999,
                    "provider_days": 99,
                    "budget_eur": 999_999,
                    "benefit": 1,
                    "deadline": dt.date(2027, 6, 30),
                    "deadline_is_hard": True,
                    "earliest_start": dt.date(2029, 1, 1),
                    "owner_name": "jemand",
                },
            )
            measure_logic.set_status(actor=None, measure=measure, status="in_progress")
        rollout = next(m for m in Measure.objects.all() if m.title.startswith("E-Akte-Rollout"))
        measure_logic.delete_measure(actor=None, measure=rollout)
        for attempt in (
            lambda: logic.save_scenario(actor=None, scenario=scenario, values={"name": "Neu"}),
            lambda: logic.save_scenario(
                actor=None, scenario=scenario, values={"budget_per_year": 1, "start_year": 2030}
            ),
            lambda: logic.delete_scenario(actor=None, scenario=scenario),
        ):
            with pytest.raises(logic.ScenarioFrozen):
                attempt()
    assert page_of(client, scenario.get_absolute_url()) == before
    assert page_of(client, f"/k/{home.slug}/fahrplan/vergleich/") == compare
