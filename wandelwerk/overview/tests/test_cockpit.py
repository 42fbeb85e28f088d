"""The municipality's cockpit: where it stands in the method, read from the checks, the plan
shown (the council's baseline, else the latest), the measures, knowledge and reporting calendar;
the same figures for one municipality alone or among many."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from wandelwerk.assessments.tests.factories import AssessmentFactory
from wandelwerk.knowledge.models import HandOver
from wandelwerk.knowledge.tests.factories import ArticleFactory
from wandelwerk.measures.models import Source
from wandelwerk.measures.tests.factories import MeasureFactory
from wandelwerk.organisation.tests.factories import EmployeeFactory
from wandelwerk.overview.standing import standings
from wandelwerk.reports.models import ReportSettings
from wandelwerk.roadmap.periods import HalfYear
from wandelwerk.roadmap.tests.factories import PlacementFactory, PlanFactory, ScenarioFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date.today()
NOW = HalfYear.of(TODAY).ordinal
SCORES = {"change": 2.0, "knowledge": 1.0, "process": 1.5, "digital": 3.0}


def _checked_and_planned(municipality: Any, *, decided: bool = True) -> dict[str, Any]:
    AssessmentFactory(
        municipality=municipality, approved=True, scores={"areas": SCORES, "overall": 1.9}
    )
    AssessmentFactory(municipality=municipality, in_review=True)
    scenario = ScenarioFactory(municipality=municipality, name="Basis", baseline=decided)
    plan = PlanFactory(
        scenario=scenario,
        projection={"total": {"projected": {a: [v, v + 1] for a, v in SCORES.items()}}},
    )
    running = MeasureFactory(
        municipality=municipality, title="E-Akte einführen", in_progress=True, percent_done=50
    )
    finished = MeasureFactory(municipality=municipality, title="Leitbild", status="done")
    delayed = MeasureFactory(municipality=municipality, title="Portal anbinden", delayed=True)
    for measure, start, end in [(running, NOW, NOW + 1), (finished, NOW - 1, NOW)]:
        PlacementFactory(
            plan=plan, measure=measure, title=measure.title, start=start, end=end,
            demands={"provider": {str(NOW): 10, str(NOW + 1): 4}},
        )  # fmt: skip
    PlacementFactory(plan=plan, measure=delayed, title=delayed.title, start=NOW + 1, end=NOW + 1)
    MeasureFactory(
        municipality=municipality, title="Frist verpasst", deadline=TODAY - dt.timedelta(days=9)
    )
    MeasureFactory(
        municipality=municipality, title="Empfohlen", proposed=True, source=Source.RECOMMENDATION
    )
    handover = MeasureFactory(
        municipality=municipality, title="Übergabe Kasse", source=Source.HANDOVER,
        deadline=TODAY + dt.timedelta(days=60),
    )  # fmt: skip
    HandOver.objects.unscoped().create(
        municipality=municipality, employee=EmployeeFactory(municipality=municipality),
        measure=handover,
    )  # fmt: skip
    ArticleFactory(municipality=municipality, published=True, overdue=True)
    ReportSettings.objects.unscoped().create(
        municipality=municipality, progress_first_due=TODAY + dt.timedelta(days=30)
    )
    return {"plan": plan, "scenario": scenario}


def test_the_standing_reads_checks_plan_measures_knowledge_and_calendar(home):
    made = _checked_and_planned(home)
    s = standings([home.pk], TODAY)[home.pk]
    assert s.checks == {"approved": 1, "in_review": 1} and s.checks_open == 1
    assert s.recommendations_open == 1
    assert s.decided and s.baseline == "Basis" and s.plan_id == made["plan"].pk
    assert (s.bundle.measures, s.bundle.done, s.bundle.share) == (2, 1, 75.0)
    assert s.late == 1  # the passed deadline
    assert s.at_risk == 1  # reported delayed, in the plan
    assert (s.handovers_due, s.handovers_overdue, s.reviews_due) == (1, 0, 1)
    assert s.calendar.next_due == TODAY + dt.timedelta(days=30)
    assert s.promised == {NOW: 20, NOW + 1: 8}
    assert s.maturity == SCORES
    assert s.projected == {a: v + 1 for a, v in SCORES.items()}


def test_without_a_baseline_the_latest_plan_is_shown_as_not_decided(home):
    made = _checked_and_planned(home, decided=False)
    s = standings([home.pk], TODAY)[home.pk]
    assert not s.decided and s.plan_id == made["plan"].pk


def test_each_municipality_keeps_its_own_figures_when_read_together(home, other):
    _checked_and_planned(home)
    MeasureFactory(municipality=other, deadline=TODAY - dt.timedelta(days=1))
    both = standings([home.pk, other.pk], TODAY)
    assert both[home.pk] == standings([home.pk], TODAY)[home.pk]
    alone = standings([other.pk], TODAY)[other.pk]
    assert both[other.pk] == alone and alone.late == 1 and alone.plan_id is None
    assert alone.maturity == {} and alone.bundle.share is None


def test_the_cockpit_shows_where_the_municipality_stands_with_links_to_the_work(
    client, users, home
):
    _checked_and_planned(home)
    client.force_login(users["viewer"])
    page = client.get(reverse("overview:index", args=[home.slug])).content.decode()
    assert "Stand im Verfahren" in page
    assert "1 freigegeben, 1 in Arbeit oder Prüfung" in page
    assert "Basis „Basis“ vom Rat beschlossen" in page
    assert f"Digitalbündel {HalfYear.of(TODAY).label}" in page
    assert "75 % der Arbeit getan; 1 von 2 Maßnahmen erledigt." in page
    assert "E-Akte einführen" in page and "Frist verpasst" in page and "Portal anbinden" in page
    assert f"nächster Umsetzungsbericht fällig am {TODAY + dt.timedelta(days=30):%d.%m.%Y}" in page
    assert "?status=proposed&amp;source=recommendation" in page
    # maturity as a chart and as a table beside it
    assert "<svg" in page and "Wissensmanagement" in page and "2,0" in page and "3,0" in page


def test_an_empty_municipality_is_told_where_to_begin(client, users, home):
    client.force_login(users["viewer"])
    page = client.get(reverse("overview:index", args=[home.slug])).content.decode()
    assert "noch nicht begonnen" in page and "Noch kein Szenario geplant." in page
    assert "Noch kein DigiCheck freigegeben." in page
