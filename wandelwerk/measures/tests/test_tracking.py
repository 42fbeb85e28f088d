"""Tracking a measure: its state under way (begun, how much is done, from when delayed work goes
on), status changes that can be taken back, all audited."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from wandelwerk.audit.models import Action, AuditEvent
from wandelwerk.measures import logic
from wandelwerk.measures.models import Status
from wandelwerk.measures.tests.factories import MeasureFactory
from wandelwerk.tenants import tenancy

pytestmark = pytest.mark.django_db


def url(name, measure):
    return reverse(f"measures:{name}", args=[measure.municipality.slug, measure.pk])


def test_the_state_of_work_under_way_is_recorded_for_the_next_plan(client, users, home):
    measure = MeasureFactory(municipality=home, in_progress=True, started_on=dt.date(2026, 3, 1))
    client.force_login(users["editor"])
    page = client.get(url("measure_detail", measure)).content.decode()
    assert "Stand erfassen" in page and 'name="earliest_start"' not in page
    client.post(url("measure_progress", measure), {"started_on": "2026-02-15", "percent_done": 40})
    measure.refresh_from_db()
    assert (measure.started_on, measure.percent_done) == (dt.date(2026, 2, 15), 40)
    with tenancy.activate(home):
        event = AuditEvent.objects.get(action=Action.UPDATE)
    assert ("percent_done", 0, 40) in event.changes()


def test_delayed_work_gets_the_day_it_goes_on(client, users, home):
    measure = MeasureFactory(municipality=home, delayed=True, started_on=dt.date(2026, 3, 1))
    client.force_login(users["editor"])
    client.post(
        url("measure_progress", measure),
        {"started_on": "2026-03-01", "percent_done": 20, "earliest_start": "2027-07-01"},
    )
    measure.refresh_from_db()
    assert measure.earliest_start == dt.date(2027, 7, 1)
    page = client.get(url("measure_detail", measure)).content.decode()
    assert "geht weiter ab" in page and "01.07.2027" in page


def test_bad_progress_is_shown_at_the_field_and_nothing_changes(client, users, home):
    measure = MeasureFactory(municipality=home, in_progress=True, started_on=dt.date(2026, 3, 1))
    client.force_login(users["editor"])
    future = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    page = client.post(
        url("measure_progress", measure), {"started_on": future, "percent_done": 140}
    ).content.decode()
    assert "Der Beginn liegt in der Zukunft." in page and "Bitte korrigieren Sie 2 Angaben." in page
    measure.refresh_from_db()
    assert measure.percent_done == 0


def test_a_start_can_be_taken_back_and_it_is_audited(client, users, home):
    measure = MeasureFactory(municipality=home)
    client.force_login(users["editor"])
    client.post(url("measure_status", measure), {"status": "in_progress"})
    page = client.get(url("measure_detail", measure)).content.decode()
    assert "Beginn zurücknehmen" in page
    client.post(url("measure_status", measure), {"status": "accepted"})
    measure.refresh_from_db()
    assert (measure.status, measure.started_on, measure.percent_done) == ("accepted", None, 0)
    with tenancy.activate(home):
        transitions = list(AuditEvent.objects.filter(action=Action.TRANSITION).order_by("id"))
    assert [e.after["status"] for e in transitions] == ["in_progress", "accepted"]


def test_progress_is_only_for_work_under_way(home):
    measure = MeasureFactory(municipality=home)
    with tenancy.activate(home), pytest.raises(logic.MeasureError):
        logic.record_progress(
            actor=None, measure=measure, started_on=dt.date(2026, 1, 1), percent_done=10
        )
    with tenancy.activate(home):
        logic.set_status(actor=None, measure=measure, status=Status.DONE)
    measure.refresh_from_db()
    assert measure.percent_done == 100 and measure.finished_on is not None
