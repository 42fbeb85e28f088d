"""The XLSX export of one DigiCheck: metadata, every answer, and the results of the page."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from wandelwerk.assessments.checks import logic, queries
from wandelwerk.assessments.evidence import logic as evidence_logic
from wandelwerk.assessments.models import Answer, Question
from wandelwerk.assessments.tests.factories import AssessmentFactory
from wandelwerk.organisation.tests.factories import OrgUnitFactory
from wandelwerk.tenants import tenancy


@pytest.fixture
def checked(home, users, settings, tmp_path, framework):
    settings.MEDIA_ROOT = tmp_path
    unit = OrgUnitFactory(municipality=home, code="FB3", name="Bürgerdienste")
    assessment = AssessmentFactory(
        municipality=home,
        framework=framework,
        org_unit=unit,
        participants="Frau Beispiel (Amtsleitung)\nHerr Muster (Digitallotse)",
    )
    questions = list(
        Question.objects.filter(criterion__area__framework=framework).order_by("order")
    )
    with tenancy.activate(home):
        for i, q in enumerate(questions[:-1]):
            logic.save_answer(
                actor=users["editor"],
                assessment=assessment,
                question=q,
                level=None if i == 1 else i % 5,
                not_applicable=i == 1,
                comment="Leitbild fehlt" if i == 0 else "",
                version=0,
            )
        logic.set_targets(
            actor=users["editor"],
            assessment=assessment,
            targets={"change": Decimal("3"), "digital": Decimal("3.5")},
        )
        for name in ("Leitbild.pdf", "Protokoll.txt"):
            content = b"%PDF-1.4\n" if name.endswith(".pdf") else b"Protokoll\n"
            evidence_logic.add_evidence(
                actor=users["editor"],
                assessment=assessment,
                question=questions[0],
                upload=SimpleUploadedFile(name, content),
            )
    return assessment, questions


@pytest.mark.django_db
def test_the_workbook_holds_metadata_answers_and_results(client, users, home, checked):
    assessment, questions = checked
    client.force_login(users["viewer"])  # viewers may export
    response = client.get(reverse("assessments:export", args=[home.slug, assessment.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"] == (
        'attachment; filename="digicheck-fb3-2026-05-01.xlsx"'
    )
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["DigiCheck", "Antworten", "Ergebnisse"]

    meta = {row[0]: row[1] for row in book["DigiCheck"].iter_rows(min_row=2, values_only=True)}
    framework = assessment.framework
    assert meta["Kommune"] == "Heimstadt"
    assert meta["Einheit"] == "FB3 Bürgerdienste"
    assert meta["Datum"].date() == dt.date(2026, 5, 1)
    assert meta["Status"] == "Entwurf"
    assert (meta["Fragebogen"], meta["Version des Fragebogens"]) == (
        framework.name,
        framework.version,
    )
    assert "Digitallotse" in meta["Teilnehmende"]
    assert meta["Fragen beantwortet"] == f"{len(questions) - 1} / {len(questions)}"

    sheet = list(book["Antworten"].iter_rows(values_only=True))
    assert sheet[0] == (
        "Handlungsfeld",
        "Kriterium",
        "Schlüssel",
        "Frage",
        "Stufe",
        "nicht zutreffend",
        "Kommentar",
        "Nachweise",
        "zuletzt geändert von",
        "zuletzt geändert am",
    )
    rows = {row[2]: row for row in sheet[1:]}
    assert len(rows) == len(questions)
    first, second, last = questions[0], questions[1], questions[-1]
    assert rows[first.key][:8] == (
        first.criterion.area.name,
        first.criterion.name,
        first.key,
        first.text,
        0,
        "nein",
        "Leitbild fehlt",
        2,
    )
    assert rows[first.key][8] == str(users["editor"]) and rows[first.key][9] is not None
    assert rows[second.key][4:6] == (None, "ja")
    assert rows[last.key][4:10] == (None, "nein", None, 0, None, None)  # not answered

    with tenancy.activate(home):
        result = queries.result(assessment)
    results = list(book["Ergebnisse"].iter_rows(values_only=True))
    assert results[0] == ("Handlungsfeld", "Ist", "Soll", "Lücke")
    expected = [
        (
            a.name,
            round(result.scores.areas[a.key], 2),
            result.targets.get(a.key),
            None if result.gaps[a.key] is None else round(result.gaps[a.key], 2),
        )
        for a in result.areas
    ]
    assert results[1:-1] == expected
    assert results[-1] == ("Gesamt", round(result.scores.overall, 2), None, None)
    digital = next(r for r in results if r[0] == "Digitalmanagement")
    assert digital[2] == 3.5 and digital[3] == round(3.5 - result.scores.areas["digital"], 2)


@pytest.mark.django_db
def test_the_detail_page_links_the_export(client, users, home, checked):
    assessment, _questions = checked
    client.force_login(users["viewer"])
    page = client.get(assessment.get_absolute_url()).content.decode()
    assert reverse("assessments:export", args=[home.slug, assessment.pk]) in page


@pytest.mark.django_db
def test_the_whole_administration_and_the_approval_date(client, users, home, checked):
    assessment, _questions = checked
    with tenancy.activate(home):
        Answer.objects.update(comment="")
    assessment.org_unit = None
    assessment.save()
    with tenancy.activate(home):
        logic.transition(actor=users["editor"], assessment=assessment, to="in_review")
        logic.transition(actor=users["consultant"], assessment=assessment, to="approved")
    client.force_login(users["editor"])
    response = client.get(reverse("assessments:export", args=[home.slug, assessment.pk]))
    assert 'filename="digicheck-verwaltung-2026-05-01.xlsx"' in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    meta = {row[0]: row[1] for row in book["DigiCheck"].iter_rows(min_row=2, values_only=True)}
    assert (meta["Einheit"], meta["Status"]) == ("ganze Verwaltung", "freigegeben")
    assert meta["freigegeben am"] is not None
