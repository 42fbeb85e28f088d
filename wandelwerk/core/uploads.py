"""Which uploaded documents are accepted: an allow-list by extension, confirmed by the first
bytes. Used for the evidence of DigiCheck answers and for attachments.

A file is accepted only when its extension is on the list *and* its content looks like that
type: ``%PDF`` for PDF, the PNG and JPEG signatures, a ZIP container with the right inner
structure for the Office and OpenDocument formats, and text without control bytes for TXT and
CSV. A program renamed to ``.pdf`` or ``.txt`` is refused.
"""

from __future__ import annotations

import codecs
import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO

from django.utils.translation import gettext as _

from wandelwerk.core.files import short_name


class UploadRejected(ValueError):
    """The file may not be stored; the message says why, in German."""


@dataclass(frozen=True)
class Kind:
    label: str
    content_type: str
    container: str  # "pdf", "png", "jpeg", "ooxml:<folder>", "odf:<mimetype>", "text"


KINDS: dict[str, Kind] = {
    ".pdf": Kind("PDF", "application/pdf", "pdf"),
    ".png": Kind("PNG", "image/png", "png"),
    ".jpg": Kind("JPEG", "image/jpeg", "jpeg"),
    ".jpeg": Kind("JPEG", "image/jpeg", "jpeg"),
    ".docx": Kind(
        "Word (DOCX)",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "ooxml:word/",
    ),
    ".xlsx": Kind(
        "Excel (XLSX)",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ooxml:xl/",
    ),
    ".pptx": Kind(
        "PowerPoint (PPTX)",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "ooxml:ppt/",
    ),
    ".odt": Kind(
        "OpenDocument-Text (ODT)",
        "application/vnd.oasis.opendocument.text",
        "odf:application/vnd.oasis.opendocument.text",
    ),
    ".ods": Kind(
        "OpenDocument-Tabelle (ODS)",
        "application/vnd.oasis.opendocument.spreadsheet",
        "odf:application/vnd.oasis.opendocument.spreadsheet",
    ),
    ".txt": Kind("Text (TXT)", "text/plain", "text"),
    ".csv": Kind("CSV", "text/csv", "text"),
}

ACCEPT = ",".join(KINDS)
HEAD_BYTES = 4096
NAME_LIMIT = 200
_TEXT_CONTROLS = set(range(32)) - {9, 10, 12, 13}


def allowed_types() -> str:
    """The allowed types in words, for hints and error messages."""
    labels = dict.fromkeys(kind.label for kind in KINDS.values())
    return ", ".join(labels)


def clean_name(name: str, default: str) -> str:
    """The file name without any folder, cut to the length of the field, keeping its suffix;
    ``default`` when nothing is left."""
    return short_name(PurePath(name.replace("\\", "/")).name.strip() or default, NAME_LIMIT)


def check(name: str, size: int, stream: IO[bytes], *, max_mb: int, purpose: str) -> str:
    """The content type to store for an accepted file; raises :class:`UploadRejected`.

    ``max_mb`` is the size limit, ``purpose`` completes "Dateien vom Typ … sind … nicht erlaubt"
    (e.g. "als Nachweis"). ``stream`` is read from its start and left at its start.
    """
    suffix = PurePath(name).suffix.lower()
    kind = KINDS.get(suffix)
    if kind is None:
        raise UploadRejected(
            _(
                "Dateien vom Typ „%(suffix)s“ sind %(purpose)s nicht erlaubt. Erlaubt sind: %(types)s."
            )
            % {"suffix": suffix or _("ohne Endung"), "purpose": purpose, "types": allowed_types()}
        )
    if size <= 0:
        raise UploadRejected(_("Die Datei ist leer."))
    if size > max_mb * 1024 * 1024:
        raise UploadRejected(
            _("Die Datei ist zu groß: höchstens %(mb)s MB sind erlaubt.") % {"mb": max_mb}
        )
    stream.seek(0)
    try:
        if not _content_matches(kind.container, stream):
            raise UploadRejected(
                _(
                    "Der Inhalt der Datei passt nicht zur Endung „%(suffix)s“: Sie ist keine "
                    "%(label)s-Datei. Bitte laden Sie die Datei in ihrem eigenen Format hoch."
                )
                % {"suffix": suffix, "label": kind.label}
            )
    finally:
        stream.seek(0)
    return kind.content_type


def _content_matches(container: str, stream: IO[bytes]) -> bool:
    head = stream.read(HEAD_BYTES)
    if container == "pdf":
        return head.startswith(b"%PDF-")
    if container == "png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if container == "jpeg":
        return head.startswith(b"\xff\xd8\xff")
    if container == "text":
        return _is_text(head)
    if not head.startswith(b"PK\x03\x04"):
        return False
    stream.seek(0)
    try:
        with zipfile.ZipFile(stream) as archive:
            names = set(archive.namelist())
            if container.startswith("ooxml:"):
                folder = container.removeprefix("ooxml:")
                return "[Content_Types].xml" in names and any(n.startswith(folder) for n in names)
            expected = container.removeprefix("odf:").encode("ascii")
            if "mimetype" not in names:
                return False
            with archive.open("mimetype") as entry:
                return entry.read(len(expected) + 1).strip() == expected
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return False


def _is_text(head: bytes) -> bool:
    """Text in UTF-8 (with or without BOM) or Windows-1252, without binary control bytes."""
    if any(byte in _TEXT_CONTROLS for byte in head):
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return True
    except UnicodeDecodeError:
        pass
    try:
        head.decode("cp1252")
        return True
    except UnicodeDecodeError:
        return False
