"""Evidence files (Nachweise): upload, limits, allow-list by extension and content, download
only for members, locked when approved, deletion removes the file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wandelwerk.assessments.evidence import logic
from wandelwerk.assessments.models import Answer, AssessmentLocked, Evidence, Question
from wandelwerk.assessments.tests.factories import AssessmentFactory
from wandelwerk.audit.models import Action, AuditEvent
from wandelwerk.core.testing.files import EXE, PDF, XLSX
from wandelwerk.core.uploads import UploadRejected
from wandelwerk.tenants import tenancy


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.WANDELWERK_EVIDENCE_MAX_MB = 1
    return settings.MEDIA_ROOT


@pytest.fixture
def question(framework):
    return Question.objects.filter(criterion__area__framework=framework).order_by("order")[1]


def url(name, municipality, *args):
    return reverse(f"assessments:{name}", args=[municipality.slug, *args])


def upload(client, municipality, assessment, question, name, content, *, page="evidence_upload"):
    return client.post(
        url(page, municipality, assessment.pk),
        {"question": question.pk, "file": SimpleUploadedFile(name, content)},
    )


def stored_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


# Upload ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_upload_on_the_detail_page_lists_and_downloads_the_file(
    client, users, home, assessment, question, media
):
    client.force_login(users["editor"])
    response = upload(client, home, assessment, question, "Prozesslandkarte 2026.pdf", PDF)
    assert response.status_code == 302 and response["Location"].endswith("#antworten")
    with tenancy.activate(home):
        item = Evidence.objects.get()
        answer = Answer.objects.get()
        event = AuditEvent.objects.get(object_type="assessments.Evidence")
    assert (item.answer, answer.question, answer.level) == (answer, question, None)
    assert (item.name, item.size, item.content_type) == (
        "Prozesslandkarte 2026.pdf",
        len(PDF),
        "application/pdf",
    )
    assert (item.uploaded_by, event.action, event.after["name"]) == (
        users["editor"],
        Action.CREATE,
        "Prozesslandkarte 2026.pdf",
    )
    [stored] = stored_files(media)
    assert stored.read_bytes() == PDF
    assert "Prozesslandkarte" not in stored.name and stored.suffix == ""  # a random name

    client.force_login(users["viewer"])
    page = client.get(url("detail", home, assessment.pk)).content.decode()
    assert "Prozesslandkarte 2026.pdf" in page and "hochgeladen am" in page
    assert "Nachweis hochladen" not in page  # viewers do not upload
    response = client.get(url("evidence_download", home, assessment.pk, item.pk))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "Prozesslandkarte%202026.pdf" in response["Content-Disposition"] or (
        'filename="Prozesslandkarte 2026.pdf"' in response["Content-Disposition"]
    )


@pytest.mark.django_db
def test_upload_in_the_workshop_swaps_the_card(client, users, home, assessment, question):
    client.force_login(users["editor"])
    response = client.post(
        url("workshop_evidence_upload", home, assessment.pk),
        {"question": question.pk, "file": SimpleUploadedFile("Liste.xlsx", XLSX)},
        HTTP_HX_REQUEST="true",
    )
    page = response.content.decode()
    assert response.status_code == 200 and "<html" not in page
    assert "Nachweis „Liste.xlsx“ zu" in page and 'id="workshop"' in page
    assert f"{question.key}: {question.text}" in page  # the same question stays open
    with tenancy.activate(home):
        assert Evidence.objects.get().answer.question == question
    response = client.post(
        url("workshop_evidence_upload", home, assessment.pk),
        {"question": question.pk, "file": SimpleUploadedFile("Liste2.xlsx", XLSX)},
    )
    assert response.status_code == 302 and response["Location"].endswith("?n=1")
    page = client.get(response["Location"]).content.decode()
    assert "Liste.xlsx" in page and "Liste2.xlsx" in page


@pytest.mark.django_db
def test_upload_keeps_the_answer_and_its_version(client, users, home, assessment, question):
    client.force_login(users["editor"])
    client.post(url("workshop", home, assessment.pk), {"n": "1", "level": "3", "version": "0"})
    upload(client, home, assessment, question, "Beleg.pdf", PDF)
    with tenancy.activate(home):
        answer = Answer.objects.get()
        assert (answer.level, answer.version, answer.evidence.count()) == (3, 1, 1)


@pytest.mark.django_db
def test_too_large_is_refused(client, users, home, assessment, question, media):
    client.force_login(users["editor"])
    big = PDF + b"0" * (1024 * 1024)
    response = upload(client, home, assessment, question, "Scan.pdf", big)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Die Datei ist zu groß: höchstens 1 MB sind erlaubt." in page
    assert 'id="fehler"' in page and f'href="#nachweis-{question.pk}-file"' in page
    with tenancy.activate(home):
        assert not Evidence.objects.exists()
    assert stored_files(media) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("setup.exe", EXE, "Dateien vom Typ „.exe“ sind als Nachweis nicht erlaubt."),
        ("Rechnung.pdf", EXE, "Der Inhalt der Datei passt nicht zur Endung „.pdf“"),
    ],
)
def test_wrong_type_is_refused_in_the_workshop(
    client, users, home, assessment, question, media, name, content, message
):
    client.force_login(users["editor"])
    response = client.post(
        url("workshop_evidence_upload", home, assessment.pk),
        {"question": question.pk, "file": SimpleUploadedFile(name, content)},
        HTTP_HX_REQUEST="true",
    )
    page = response.content.decode()
    assert response.status_code == 200 and message in page
    assert 'class="kern-error"' in page and 'id="fehler"' in page
    with tenancy.activate(home):
        assert not Evidence.objects.exists()
    assert stored_files(media) == []


@pytest.mark.django_db
def test_the_use_case_checks_the_file_itself(home, users, assessment, question, media):
    with tenancy.activate(home), pytest.raises(UploadRejected):
        logic.add_evidence(
            actor=users["editor"],
            assessment=assessment,
            question=question,
            upload=SimpleUploadedFile("Bericht.pdf", EXE),
        )
    assert stored_files(media) == []


@pytest.mark.django_db
def test_viewers_may_not_upload(client, users, home, assessment, question):
    client.force_login(users["viewer"])
    response = upload(client, home, assessment, question, "Bericht.pdf", PDF)
    assert response.status_code == 403


# Download ----------------------------------------------------------------------------------


def stored_evidence(municipality, assessment, question, name="Bericht.pdf"):
    with tenancy.activate(municipality):
        return logic.add_evidence(
            actor=None,
            assessment=assessment,
            question=question,
            upload=SimpleUploadedFile(name, PDF),
        )


@pytest.mark.django_db
def test_download_needs_a_membership_of_the_municipality(
    client, users, home, other, framework, assessment, question
):
    item = stored_evidence(home, assessment, question)
    download = url("evidence_download", home, assessment.pk, item.pk)
    response = client.get(download)
    assert response.status_code == 302 and response["Location"].startswith("/anmelden/")
    for outsider in ("other_admin", "nobody"):
        client.force_login(users[outsider])
        assert client.get(download).status_code == 404
    # another municipality's evidence inside one's own municipality's URL
    theirs = AssessmentFactory(municipality=other, framework=framework)
    their_item = stored_evidence(other, theirs, question)
    client.force_login(users["municipality_admin"])
    assert client.get(url("evidence_download", home, theirs.pk, their_item.pk)).status_code == 404
    assert client.get(url("evidence_download", home, assessment.pk, their_item.pk)).status_code == (
        404
    )
    # evidence of another assessment of the same municipality under this assessment's URL
    second = AssessmentFactory(municipality=home, framework=framework, date=dt.date(2026, 6, 1))
    assert client.get(url("evidence_download", home, second.pk, item.pk)).status_code == 404
    assert client.get(download).status_code == 200


def test_evidence_is_not_served_under_media_url():
    from django.urls import Resolver404, resolve

    with pytest.raises(Resolver404):
        resolve("/media/evidence/1/0123456789abcdef")


# Lock and delete ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_approved_check_refuses_upload_and_delete(
    client, users, home, assessment, question, media
):
    item = stored_evidence(home, assessment, question)
    assessment.status = "approved"
    assessment.save()
    client.force_login(users["municipality_admin"])
    response = upload(client, home, assessment, question, "Nachtrag.pdf", PDF)
    assert response.status_code == 302
    assert "gesperrt" in client.get(response["Location"]).content.decode()
    response = client.post(
        url("workshop_evidence_upload", home, assessment.pk),
        {"question": question.pk, "file": SimpleUploadedFile("Nachtrag.pdf", PDF)},
    )
    assert response.status_code == 302
    response = client.post(url("evidence_delete", home, assessment.pk, item.pk))
    assert response.status_code == 302
    assert client.get(url("evidence_delete", home, assessment.pk, item.pk)).status_code == 302
    with tenancy.activate(home):
        assert list(Evidence.objects.values_list("name", flat=True)) == ["Bericht.pdf"]
        with pytest.raises(AssessmentLocked):
            logic.delete_evidence(actor=users["municipality_admin"], evidence=item)
    assert len(stored_files(media)) == 1
    page = client.get(url("detail", home, assessment.pk)).content.decode()
    assert "Bericht.pdf" in page and "Nachweis hochladen" not in page and "löschen" not in page


@pytest.mark.django_db
def test_delete_asks_then_removes_record_and_file_after_commit(
    client, users, home, assessment, question, media, django_capture_on_commit_callbacks
):
    item = stored_evidence(home, assessment, question)
    [stored] = stored_files(media)
    client.force_login(users["editor"])
    page = client.get(url("evidence_delete", home, assessment.pk, item.pk) + "?zurueck=workshop")
    assert "Nachweis „Bericht.pdf“ löschen?" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(
            url("evidence_delete", home, assessment.pk, item.pk), {"zurueck": "workshop"}
        )
    assert response.status_code == 302 and response["Location"].endswith("/workshop/?n=1")
    assert stored.exists()  # not before the commit
    for callback in callbacks:
        callback()
    assert not stored.exists()
    with tenancy.activate(home):
        assert not Evidence.objects.exists()
        event = AuditEvent.objects.get(object_type="assessments.Evidence", action=Action.DELETE)
    assert event.object_id == str(item.pk) and event.before["name"] == "Bericht.pdf"
    assert event.actor == users["editor"]


@pytest.mark.django_db
def test_deleting_an_answer_leaves_no_file_behind(
    home, assessment, question, media, django_capture_on_commit_callbacks
):
    stored_evidence(home, assessment, question, "a.pdf")
    stored_evidence(home, assessment, question, "b.pdf")
    assert len(stored_files(media)) == 2
    with django_capture_on_commit_callbacks(execute=True), tenancy.activate(home):
        Answer.objects.get().delete()
    assert stored_files(media) == []
