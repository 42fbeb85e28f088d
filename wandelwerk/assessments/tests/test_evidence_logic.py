"""Evidence files called directly: the type check with its purpose and limit, the reads, and
the stored file that goes only once the deletion has committed."""

from __future__ import annotations

import io

import pytest

from wandelwerk.assessments.evidence import logic, queries
from wandelwerk.assessments.tests.factories import AnswerFactory, EvidenceFactory
from wandelwerk.core.testing.files import EXE, PDF
from wandelwerk.core.uploads import UploadRejected

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.WANDELWERK_EVIDENCE_MAX_MB = 1
    return tmp_path


def test_the_check_speaks_of_evidence_and_keeps_the_limit():
    assert logic.check_file("Bericht.pdf", len(PDF), io.BytesIO(PDF)) == "application/pdf"
    with pytest.raises(UploadRejected, match="als Nachweis nicht erlaubt"):
        logic.check_file("setup.exe", len(EXE), io.BytesIO(EXE))
    with pytest.raises(UploadRejected, match="höchstens 1 MB"):
        logic.check_file("Bericht.pdf", 2 * 1024 * 1024, io.BytesIO(PDF))


def test_reads_stay_within_the_assessment(home):
    item = EvidenceFactory(answer=AnswerFactory(assessment__municipality=home))
    stranger = EvidenceFactory(answer=AnswerFactory(assessment__municipality=home))
    check, question = item.answer.assessment, item.answer.question
    from wandelwerk.tenants import tenancy

    with tenancy.activate(home):
        assert queries.evidence_of(check, question) == [item]
        assert queries.evidence(check, item.pk) == item
        assert queries.evidence(check, stranger.pk) is None


def test_the_file_goes_after_the_commit_not_before(home, media, django_capture_on_commit_callbacks):
    item = EvidenceFactory(answer=AnswerFactory(assessment__municipality=home))
    path = media / item.file.name
    assert path.exists()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        item.delete()
    assert path.exists() and len(callbacks) == 1  # a rollback would keep it
    callbacks[0]()
    assert not path.exists()
