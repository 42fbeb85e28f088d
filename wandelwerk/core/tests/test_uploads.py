"""The allow-list of uploaded documents: by extension, confirmed by the content."""

from __future__ import annotations

import io

import pytest

from wandelwerk.core import uploads
from wandelwerk.core.testing.files import DOCX, EXE, JPEG, ODS, ODT, PDF, PNG, PPTX, XLSX


def check(name: str, content: bytes) -> str:
    return uploads.check(name, len(content), io.BytesIO(content), max_mb=1, purpose="als Anhang")


# The allow-list ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("Bericht.pdf", PDF, "application/pdf"),
        ("Organigramm.PNG", PNG, "image/png"),
        ("Foto.jpg", JPEG, "image/jpeg"),
        ("Foto.jpeg", JPEG, "image/jpeg"),
        ("Dienstvereinbarung.docx", DOCX, uploads.KINDS[".docx"].content_type),
        ("Fallzahlen.xlsx", XLSX, uploads.KINDS[".xlsx"].content_type),
        ("Workshop.pptx", PPTX, uploads.KINDS[".pptx"].content_type),
        ("Konzept.odt", ODT, "application/vnd.oasis.opendocument.text"),
        ("Liste.ods", ODS, "application/vnd.oasis.opendocument.spreadsheet"),
        ("Notiz.txt", "Grüße aus dem Bürgerbüro\r\n".encode(), "text/plain"),
        ("Alt.txt", "Grüße aus dem Bürgerbüro".encode("cp1252"), "text/plain"),
        ("Daten.csv", b"\xef\xbb\xbfA;B\n1;2\n", "text/csv"),
    ],
)
def test_allowed_types_pass_by_extension_and_content(name, content, content_type):
    assert check(name, content) == content_type


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("setup.exe", EXE, "nicht erlaubt"),
        ("Makro.docm", DOCX, "nicht erlaubt"),
        ("ohne-endung", PDF, "nicht erlaubt"),
        ("Bericht.pdf", EXE, "passt nicht zur Endung „.pdf“"),
        ("Notiz.txt", EXE, "passt nicht zur Endung „.txt“"),
        ("Foto.png", JPEG, "passt nicht zur Endung „.png“"),
        ("Tabelle.xlsx", DOCX, "passt nicht zur Endung „.xlsx“"),
        ("Konzept.odt", ODS, "passt nicht zur Endung „.odt“"),
        ("Brief.docx", b"PK\x03\x04 kein echtes Archiv", "passt nicht zur Endung „.docx“"),
        ("leer.pdf", b"", "leer"),
    ],
)
def test_other_files_are_refused_with_a_reason(name, content, message):
    with pytest.raises(uploads.UploadRejected) as error:
        check(name, content)
    assert message in str(error.value)


def test_the_size_limit_and_the_purpose_are_named():
    with pytest.raises(uploads.UploadRejected, match="höchstens 1 MB"):
        check("Bericht.pdf", PDF + b"x" * (1024 * 1024))
    with pytest.raises(uploads.UploadRejected, match="sind als Anhang nicht erlaubt"):
        check("setup.exe", EXE)


def test_names_keep_no_folder_and_fit_the_field():
    assert uploads.clean_name("C:\\Users\\x\\Bericht.pdf", "Datei") == "Bericht.pdf"
    assert uploads.clean_name("../../etc/passwd.txt", "Datei") == "passwd.txt"
    long = uploads.clean_name("a" * 300 + ".pdf", "Datei")
    assert len(long) == 200 and long.endswith(".pdf")
    assert uploads.clean_name("  ", "Nachweis") == "Nachweis"
