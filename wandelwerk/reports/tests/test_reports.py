"""The strategy report: built from the current data as a page, a PDF and a Word file, with no
personal data and no group below five people; handed over to the council it is archived and
never changes."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from typing import Any

import pytest
from django.urls import reverse

from wandelwerk.jobs.models import Job
from wandelwerk.measures.tests.factories import MeasureFactory
from wandelwerk.organisation.tests.factories import EmployeeFactory, OrgUnitFactory
from wandelwerk.reports import logic
from wandelwerk.reports.models import Format, Kind, ReportFile
from wandelwerk.reports.tests import pdfa
from wandelwerk.roadmap.planning import plan_scenario
from wandelwerk.roadmap.tests.factories import ScenarioFactory
from wandelwerk.tenants import tenancy

pytestmark = pytest.mark.django_db

TODAY = dt.date.today()
SOON, LATER = TODAY.year + 1, TODAY.year + 3
SECRET = ("PN-4711-QX", "Kassenverwalterin Einzelstück")  # a personnel number and position


@pytest.fixture
def town(home: Any) -> Any:
    unit = OrgUnitFactory(municipality=home, code="FB1", name="Zentrale Dienste")
    for _ in range(6):  # six leave next year
        EmployeeFactory(org_unit=unit, planned_exit_date=dt.date(SOON, 6, 30))
    for _ in range(3):  # three leave later: a group below five
        EmployeeFactory(org_unit=unit, planned_exit_date=dt.date(LATER, 3, 31))
    EmployeeFactory(org_unit=unit, personnel_number=SECRET[0], position=SECRET[1], birth_year=1961)
    pilot = MeasureFactory(municipality=home, area="digital", title="E-Akte-Pilot", duration=2)
    MeasureFactory(municipality=home, area="digital", title="E-Akte-Rollout", prerequisites=[pilot])
    scenario = ScenarioFactory(municipality=home, name="Basis", start_year=TODAY.year + 1)
    with tenancy.activate(home):
        plan_scenario(scenario, time_limit=5)
    return home


def _pdf_text(data: bytes) -> tuple[int, str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.pdf
def test_the_pdf_has_a_title_page_contents_with_page_numbers_and_no_personal_data(town):
    with tenancy.activate(town):
        data, _context = logic.render(Kind.STRATEGY, Format.PDF)
    pages, text = _pdf_text(data)
    assert data.startswith(b"%PDF") and pages >= 4
    first = text.split("Inhalt")[0]
    assert "Digitalisierungsstrategie" in first and "Haupt- und Finanzausschuss" in first
    assert f"Seite 2 von {pages}" in text
    assert "6. Fahrplan in Halbjahresschritten" in text and "Digitalbündel" in text
    assert "E-Akte-Pilot" in text
    assert not any(secret in text for secret in SECRET)


@pytest.mark.pdf
@pytest.mark.parametrize("kind", [Kind.STRATEGY, Kind.PROGRESS])
def test_the_pdf_is_a_pdfa_2b_file_for_the_archive(town, kind):
    with tenancy.activate(town):
        data, _context = logic.render(kind, Format.PDF)
    assert pdfa.problems(data) == []
    assert {name.split("+")[-1] for name in pdfa.typefaces(data)} <= {
        "Fira-Sans", "Fira-Sans-Bold", "Fira-Sans-Semi-Bold"
    }  # one typeface throughout, hyphens included  # fmt: skip
    # the checker finds what breaks the standard: here the colour profile taken out
    from pypdf import PdfWriter

    broken, out = PdfWriter(clone_from=io.BytesIO(data)), io.BytesIO()
    del broken.root_object["/OutputIntents"]
    broken.write(out)
    assert "kein PDF/A-Ausgabeprofil mit ICC-Profil" in pdfa.problems(out.getvalue())


def _table_with(doc: Any, heading: str) -> list[list[str]]:
    for table in doc.tables:
        rows = [[c.text for c in row.cells] for row in table.rows]
        if rows and rows[0][0] == heading:
            return rows
    raise AssertionError(heading)


@pytest.mark.pdf
def test_the_word_file_has_real_headings_tables_and_no_group_below_five(town):
    from docx import Document

    with tenancy.activate(town):
        data, context = logic.render(Kind.STRATEGY, Format.DOCX)
    doc = Document(io.BytesIO(data))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert [h for h in headings if h[0].isdigit()] == [
        f"{n}. {s.title}" for n, s in enumerate(context["sections"], start=1)
    ]
    # Staff figures pass the disclosure control (DESIGN §4): none below five, small groups "< 5".
    exits = {row[0]: row[1] for row in _table_with(doc, "Jahr")[1:]}
    wave = [cell for row in _table_with(doc, "Fachbereich")[1:] for cell in row[1:]]
    ages = [row[1] for row in _table_with(doc, "Alter")[1:]]
    risks = [cell for row in _table_with(doc, "Position ↓ / Austritt →")[1:] for cell in row[1:]]
    shown = [*exits.values(), *wave, *ages, *risks]
    assert {str(SOON), str(LATER)} <= set(exits) and "< 5" in shown
    assert all(v in ("< 5", "0") or int(v) >= 5 for v in shown), shown
    everything = "\n".join(
        [p.text for p in doc.paragraphs]
        + [c.text for t in doc.tables for row in t.rows for c in row.cells]
    )
    assert not any(secret in everything for secret in SECRET)
    assert doc.inline_shapes, "die Diagramme fehlen als Bilder"


def test_sections_can_be_left_out_and_a_preface_written(client, users, town):
    client.force_login(users["editor"])
    url = reverse("reports:settings", args=[town.slug])
    form = client.get(url).context["form"]
    response = client.post(
        url,
        {
            "preface": "Sehr geehrte Damen und Herren,\n\nder Bericht zeigt den Weg.",
            "sections": ["summary", "roadmap", "method"],
            "scenario": "",
            "progress_every_months": 6,
            "_stand": form.data.get("_stand", "") or client.get(url).context["stand"],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = client.get(reverse("reports:document", args=[town.slug])).content.decode()
    assert "Sehr geehrte Damen und Herren," in page
    assert "1. Zusammenfassung" in page and "2. Fahrplan in Halbjahresschritten" in page
    assert "Ergebnisse des DigiChecks" not in page


def test_an_archived_report_never_changes_and_cannot_be_deleted(
    client, users, town, django_capture_on_commit_callbacks
):
    client.force_login(users["municipality_admin"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:build", args=[town.slug]), {"format": "html"})
    job = Job.objects.unscoped().get(kind="reports.build")
    assert response["Location"] == reverse("jobs:detail", args=[town.slug, job.pk])
    assert job.status == "done", job.message
    report = ReportFile.objects.unscoped().get()
    original = bytes(report.content)
    assert report.sha256 == hashlib.sha256(original).hexdigest() and report.plan is not None

    on = TODAY - dt.timedelta(days=1)
    hand_over = reverse("reports:hand_over", args=[town.slug, report.pk])
    client.post(hand_over, {"on": on.isoformat(), "recipient": "Haupt- und Finanzausschuss"})
    report.refresh_from_db()
    assert report.archived and report.handed_over_on == on
    assert report.handed_over_by == users["municipality_admin"]

    town.name = "Neustadt an der Wandel"  # the data change; the archived report does not
    town.save()
    with tenancy.activate(town):
        logic.build_file(actor=users["editor"], kind=Kind.STRATEGY, fmt=Format.HTML)
    client.post(reverse("reports:file_delete", args=[town.slug, report.pk]))
    client.post(hand_over, {"on": TODAY.isoformat(), "recipient": "Rat"})
    report.refresh_from_db()
    assert bytes(report.content) == original and report.intact()
    assert report.handed_over_on == on and report.recipient == "Haupt- und Finanzausschuss"
    download = client.get(reverse("reports:file", args=[town.slug, report.pk]))
    assert b"".join(download.streaming_content) == original
    live = client.get(reverse("reports:document", args=[town.slug])).content.decode()
    assert "Neustadt an der Wandel" in live and "Neustadt" not in original.decode()
    index = client.get(reverse("reports:index", args=[town.slug])).content.decode()
    assert report.sha256 in index and "Archiv: dem Ausschuss übergeben" in index


def test_the_command_builds_the_report_into_a_file(town, tmp_path):
    from django.core.management import call_command

    out = tmp_path / "bericht.html"
    call_command("build_report", municipality=town.slug, format="html", output=str(out))
    assert "Digitalisierungsstrategie" in out.read_text(encoding="utf-8")


@pytest.mark.pdf
def test_a_council_paper_is_drafted_from_the_plan_and_its_decision_freezes_the_baseline(
    client, users, town
):
    from wandelwerk.reports.models import CouncilPaper
    from wandelwerk.roadmap.models import Scenario

    client.force_login(users["municipality_admin"])
    create = reverse("reports:paper_create", args=[town.slug])
    form = client.get(create).context["form"]
    assert form.initial["subject"].endswith("Fahrplan „Basis“")
    with tenancy.activate(town):
        report = logic.build_file(actor=users["editor"], kind=Kind.STRATEGY, fmt=Format.PDF)
    values = {**{k: v for k, v in form.initial.items() if isinstance(v, str)}}
    values |= {"body": "Haupt- und Finanzausschuss", "number": "DS 12/2026",
               "scenario": form.initial["scenario"].pk, "report": report.pk}  # fmt: skip
    client.post(create, values)
    paper = CouncilPaper.objects.unscoped().get()
    page = client.get(paper.get_absolute_url()).content.decode()
    with tenancy.activate(town):
        plan = paper.scenario.plans.latest("created_at")
        from wandelwerk.roadmap import queries

        years = queries.capacity_use(plan, queries.placements(plan)).years
    assert "Finanzielle Auswirkungen" in page and "DS 12/2026" in page
    for year in (y for y in years if y.used):
        assert f'<th scope="row" class="kern-table__cell">{year.year}</th>' in page

    decided_on = TODAY - dt.timedelta(days=2)
    client.post(paper.get_absolute_url(), {"decided_on": decided_on.isoformat(),
                                            "result": "adopted_changed", "changes": ""})  # fmt: skip
    paper.refresh_from_db()
    assert not paper.decided  # "with changes" needs the changes
    client.post(paper.get_absolute_url(), {"decided_on": decided_on.isoformat(),
                                            "result": "adopted_changed",
                                            "changes": "Beginn ein Halbjahr später."})  # fmt: skip
    paper.refresh_from_db()
    scenario = Scenario.objects.unscoped().get(pk=paper.scenario_id)
    assert paper.decided and scenario.is_baseline and scenario.frozen_at is not None
    assert paper.archived.archived and paper.archived.kind == Kind.PAPER
    archived = bytes(paper.archived.content)
    _pages, text = _pdf_text(archived)
    assert "Beschlussvorschlag" in text and "Beginn ein Halbjahr später." in text
    assert pdfa.problems(archived) == []
    report.refresh_from_db()
    assert report.archived and report.handed_over_on == decided_on

    edit = reverse("reports:paper_update", args=[town.slug, paper.pk])
    stand = client.get(edit).context["form"]
    client.post(edit, {**values, "subject": "Anders"})
    client.post(paper.get_absolute_url(), {"decided_on": TODAY.isoformat(), "result": "rejected"})
    paper.refresh_from_db()
    assert paper.subject != "Anders" and paper.result == "adopted_changed"
    assert bytes(paper.archived.content) == archived and stand is not None
