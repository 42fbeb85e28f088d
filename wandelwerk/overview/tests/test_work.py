"""Meine Aufgaben: each person's open work across their municipalities, owners of measures as
people, and the weekly e-mail reminder they can switch off."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wandelwerk.assessments.tests.factories import AssessmentFactory
from wandelwerk.knowledge.models import ArticleStatus
from wandelwerk.knowledge.tests.factories import ArticleFactory
from wandelwerk.measures.models import Measure, Source
from wandelwerk.measures.tests.factories import MeasureFactory
from wandelwerk.organisation.tests.factories import OrgUnitFactory
from wandelwerk.overview.reminders import send_reminders
from wandelwerk.overview.work import my_work
from wandelwerk.reports.models import ReportSettings
from wandelwerk.tenants.tests.factories import MembershipFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date.today()


def _work_for(home, other, users):
    """The editor's work in Heimstadt, and things that are not theirs."""
    editor = users["editor"]
    unit = OrgUnitFactory(municipality=home, head_user=editor, name="Bürgeramt")
    AssessmentFactory(municipality=home, org_unit=unit)  # a draft of the unit the editor leads
    AssessmentFactory(municipality=home, org_unit=unit, in_review=True)  # editors don't approve
    AssessmentFactory(municipality=other)  # another municipality's draft
    MeasureFactory(
        municipality=home, title="E-Akte einführen", owner=editor, status="planned",
        deadline=TODAY - dt.timedelta(days=3),
    )  # fmt: skip
    MeasureFactory(
        municipality=home, title="Übergabe Bauaufsicht", owner=editor, status="accepted",
        source=Source.HANDOVER, deadline=TODAY + dt.timedelta(days=40),
    )  # fmt: skip
    MeasureFactory(municipality=home, title="Erledigt", owner=editor, status="done")
    MeasureFactory(municipality=home, title="Fremde Maßnahme", status="planned")
    ArticleFactory(
        municipality=home, title="Wohngeld prüfen", owner=editor, status=ArticleStatus.PUBLISHED,
        next_review=TODAY + dt.timedelta(days=5),
    )  # fmt: skip
    ArticleFactory(
        municipality=home, title="Später", owner=editor, status=ArticleStatus.PUBLISHED,
        next_review=TODAY + dt.timedelta(days=200),
    )  # fmt: skip
    return editor


def test_a_persons_open_work_in_one_list(home, other, users):
    editor = _work_for(home, other, users)
    work = my_work(editor, TODAY)
    titles = {kind: [i.title for i in items] for kind, items in work.items.items()}
    assert len(titles["answer"]) == 1 and "Bürgeramt" in titles["answer"][0]
    assert titles["approve"] == []
    assert titles["measure"] == ["E-Akte einführen"]
    assert work.items["measure"][0].overdue
    assert titles["handover"] == ["Übergabe Bauaufsicht"]
    assert titles["review"] == ["Wohngeld prüfen"]
    assert titles["report"] == []
    # Due within a week or overdue, and the waiting check: what a reminder lists.
    assert {i.title for i in work.due_soon()} == {
        titles["answer"][0],
        "E-Akte einführen",
        "Wohngeld prüfen",
    }


def test_approvers_see_checks_in_review_but_not_their_own_under_four_eyes_and_reports_due(
    home, users
):
    admin = users["municipality_admin"]
    AssessmentFactory(municipality=home, in_review=True)
    home.check_four_eyes = True
    home.save()
    AssessmentFactory(municipality=home, in_review=True, submitted_by=admin)
    ReportSettings.objects.create(
        municipality=home, progress_first_due=TODAY - dt.timedelta(days=10), progress_every_months=6
    )
    work = my_work(admin, TODAY)
    assert len(work.items["approve"]) == 1
    (report,) = work.items["report"]
    assert report.overdue and report.due == TODAY - dt.timedelta(days=10)
    assert my_work(users["viewer"], TODAY).total == 0


def test_the_page_lists_the_work_and_asks_a_fixed_number_of_queries(client, home, other, users):
    editor = _work_for(home, other, users)
    client.force_login(editor)
    page = client.get(reverse("overview:work"))
    html = page.content.decode()
    assert "E-Akte einführen" in html and "überfällig seit" in html
    assert "Fremde Maßnahme" not in html and "Erledigt" not in html
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("overview:work"))
    for n in range(5):  # more municipalities, more work in each
        town = MunicipalityFactory(slug=f"ort-{n}", name=f"Ort {n}")
        MembershipFactory(user=editor, municipality=town, role="editor")
        MeasureFactory(municipality=town, owner=editor, status="planned")
        AssessmentFactory(municipality=town, created_by=editor)
    with CaptureQueriesContext(connection) as large:
        page = client.get(reverse("overview:work"))
    assert page.content.decode().count("Ort ") >= 10
    assert len(large.captured_queries) == len(small.captured_queries)


def test_owners_are_people_with_access_and_old_free_text_is_kept(client, home, other, users):
    client.force_login(users["editor"])
    values = {
        "title": "Neue Maßnahme", "area": "digital", "duration": 1, "internal_days": 1,
        "provider_days": 0, "budget_eur": 0, "benefit": 5,
    }  # fmt: skip
    stranger = users["other_admin"]  # Anderdorf's: no access to Heimstadt
    refused = client.post(
        reverse("measures:measure_create", args=[home.slug]), {**values, "owner": stranger.pk}
    )
    assert refused.status_code == 200 and "Auswahl" in refused.content.decode()
    client.post(
        reverse("measures:measure_create", args=[home.slug]),
        {**values, "owner": users["viewer"].pk},
    )
    assert Measure.objects.unscoped().get(title="Neue Maßnahme").owner == users["viewer"]
    legacy = MeasureFactory(municipality=home, owner_name="Frau Alt (Kämmerei)")
    page = client.get(reverse("measures:measure_detail", args=[home.slug, legacy.pk]))
    assert "Frau Alt (Kämmerei)" in page.content.decode()
    assert "bisherige Angabe" in page.content.decode()


def test_weekly_reminders_only_when_something_is_due_and_never_after_switching_off(
    client, home, other, users
):
    editor = _work_for(home, other, users)
    editor.email = "editor@heimstadt.example"
    editor.save()
    assert send_reminders(TODAY, "https://wandelwerk.example") == 1
    (message,) = mail.outbox
    assert message.to == ["editor@heimstadt.example"]
    assert "E-Akte einführen (Heimstadt)" in message.body
    assert "https://wandelwerk.example/aufgaben/" in message.body
    assert "Übergabe Bauaufsicht" not in message.body  # due in 40 days: not yet
    assert send_reminders(TODAY + dt.timedelta(days=3)) == 0  # not twice in a week
    client.force_login(editor)
    client.post(reverse("overview:work"), {"_gezeigt": "1"})  # the box unticked
    editor.refresh_from_db()
    assert not editor.reminders
    call_command("send_reminders")
    assert send_reminders(TODAY + dt.timedelta(days=8)) == 0 and len(mail.outbox) == 1
    # A stale form (shown as off, now on again) is refused.
    editor.reminders = True
    editor.save()
    client.post(reverse("overview:work"), {"_gezeigt": "0", "reminders": "1"})
    client.post(reverse("overview:work"), {"_gezeigt": "0"})
    editor.refresh_from_db()
    assert editor.reminders
