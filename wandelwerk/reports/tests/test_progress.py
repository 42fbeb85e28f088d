"""The half-yearly progress report: the baseline against what happened (status, deadlines,
actual cost recorded on the measures), due by the municipality's reporting calendar."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from wandelwerk.core.dates import add_months
from wandelwerk.measures.models import MeasureActual
from wandelwerk.measures.tests.factories import MeasureFactory
from wandelwerk.reports import logic
from wandelwerk.reports.models import Format, Kind
from wandelwerk.roadmap import logic as roadmap_logic
from wandelwerk.roadmap.planning import plan_scenario
from wandelwerk.roadmap.tests.factories import ScenarioFactory
from wandelwerk.tenants import tenancy

pytestmark = pytest.mark.django_db

TODAY = dt.date.today()


@pytest.fixture
def decided(home: Any, users: Any) -> dict[str, Any]:
    pilot = MeasureFactory(municipality=home, area="digital", title="E-Akte-Pilot")
    rollout = MeasureFactory(
        municipality=home, area="digital", title="E-Akte-Rollout", prerequisites=[pilot]
    )
    scenario = ScenarioFactory(municipality=home, name="Basis", start_year=TODAY.year)
    with tenancy.activate(home):
        plan = plan_scenario(scenario, time_limit=5)
        roadmap_logic.freeze_as_baseline(actor=users["consultant"], scenario=scenario)
    pilot.status, pilot.finished_on = "done", TODAY
    pilot.save()
    return {"pilot": pilot, "rollout": rollout, "plan": plan}


def test_actuals_are_recorded_per_fiscal_year_once(client, users, home, decided):
    pilot = decided["pilot"]
    client.force_login(users["editor"])
    url = reverse("measures:actual_create", args=[home.slug, pilot.pk])
    values = {"fiscal_year": TODAY.year, "euro": 12345, "internal_days": 20, "provider_days": 4}
    assert client.post(url, values).status_code == 302
    again = client.post(url, {**values, "euro": 1})
    assert "Für dieses Haushaltsjahr gibt es schon Ist-Werte" in again.content.decode()
    assert MeasureActual.objects.unscoped().get().euro == 12345
    page = client.get(pilot.get_absolute_url()).content.decode()
    assert "Ist-Kosten und Personentage" in page and "12.345" in page


def test_the_progress_report_sets_the_baseline_against_what_happened(client, users, home, decided):
    MeasureActual.objects.create(
        municipality=home, measure=decided["pilot"], fiscal_year=TODAY.year, euro=12345,
        internal_days=321,
    )  # fmt: skip
    client.force_login(users["viewer"])
    page = client.get(reverse("reports:document", args=[home.slug]), {"art": "progress"})
    text = page.content.decode()
    assert "Umsetzungsbericht" in text and "Plan und Stand je Digitalbündel" in text
    assert "E-Akte-Pilot" in text and "erledigt" in text and "E-Akte-Rollout" in text
    assert "12.345" in text and "321" in text  # actuals against the baseline per fiscal year
    with tenancy.activate(home):
        _data, context = logic.render(Kind.PROGRESS, Format.HTML)
    assert context["base"] == decided["plan"] and context["states"]


def test_the_reporting_calendar_says_when_a_progress_report_is_due(client, users, home, decided):
    from wandelwerk.reports.content import report_settings

    with tenancy.activate(home):
        config = report_settings()
        config.progress_first_due = TODAY - dt.timedelta(days=10)
        config.save()
    client.force_login(users["municipality_admin"])
    index = reverse("reports:index", args=[home.slug])
    page = client.get(index).content.decode()
    due = add_months(TODAY - dt.timedelta(days=10), 6)
    assert "war am" in page and f"Nächster Termin: {due:%d.%m.%Y}." in page
    with tenancy.activate(home):
        report = logic.build_file(actor=users["editor"], kind=Kind.PROGRESS, fmt=Format.HTML)
        logic.hand_over(actor=users["municipality_admin"], report=report, on=TODAY, recipient="HFA")
    assert "war am" not in client.get(index).content.decode()
