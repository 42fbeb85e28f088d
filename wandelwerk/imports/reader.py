"""Reading CSV and XLSX files into rows keyed by their header."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from openpyxl import load_workbook

from wandelwerk.core.xlsx import FORMULA_STARTS


class UnreadableFile(ValueError):
    """The file is not a CSV or XLSX file we can read."""


@dataclass
class Row:
    line: int  # line number in the file as a spreadsheet shows it (header = 1)
    values: dict[str, Any]
    # Positions (1-based) of filled cells under no header: in a CSV usually a separator inside
    # an unquoted value, which shifts every later value. Reported, never dropped silently.
    stray: list[int] = field(default_factory=list)


def _unguarded(value: Any) -> Any:
    """A cell our exports guarded against being read as a formula, as it was: the apostrophe
    before ``=``, ``+``, ``-``, ``@``, a tab or a carriage return comes off again."""
    if isinstance(value, str) and value[:1] == "'" and value[1:2] and value[1] in FORMULA_STARTS:
        return value[1:]
    return value


def _row(line: int, headers: list[str], values: Sequence[Any]) -> Row:
    values = [_unguarded(v) for v in values]
    row = Row(line, {h: v for h, v in zip(headers, values, strict=False) if h})
    for index, value in enumerate(values):
        header = headers[index] if index < len(headers) else ""
        if not header and value is not None and str(value).strip():
            row.stray.append(index + 1)
    return row


@dataclass
class Table:
    headers: list[str]
    rows: list[Row] = field(default_factory=list)


OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Excel (.xls) and other OLE files


MAX_ROWS = 100_000
MAX_COLUMNS = 200
# An XLSX file is a zip archive: a small upload can unpack to gigabytes. These limits are
# checked from the archive's directory before anything is unpacked (the zip reader never
# unpacks more than a member declares) and by counting the shared strings, which the reader
# would otherwise hold in memory all at once.
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
MAX_SHARED_STRINGS = 500_000


def read_table(data: bytes, filename: str = "", *, max_rows: int = MAX_ROWS) -> Table:
    """Header and data rows of a CSV or XLSX file; ``UnreadableFile`` with a German message
    when the file cannot be read (or has more than ``max_rows`` data rows)."""
    if data.startswith(OLE2_MAGIC) or filename.lower().endswith(".xls"):
        raise UnreadableFile(
            "Das alte Excel-Format (.xls) wird nicht gelesen. Bitte in Excel als "
            "„Excel-Arbeitsmappe (*.xlsx)“ oder „CSV (Trennzeichen-getrennt)“ speichern."
        )
    if data[:4] == b"PK\x03\x04" or filename.lower().endswith(".xlsx"):
        return _read_xlsx(data, max_rows)
    return _read_csv(decode(data), max_rows)


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 as older German Excel writes it.

    UTF-16 with a BOM (Excel's „Unicode-Text“) is read as well.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise UnreadableFile(
                f"Die Datei ist als UTF-8 gekennzeichnet, enthält aber ungültige Zeichen "
                f"(Byte {exc.start + 3})."
            ) from exc
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise UnreadableFile(
                "Die Datei ist als UTF-16 gekennzeichnet, enthält aber ungültige Zeichen. "
                "Bitte in Excel als „CSV UTF-8 (durch Trennzeichen getrennt)“ speichern."
            ) from exc
    head = data[:4096]
    if b"\x00" in head:
        return _utf16_without_mark(data, head)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Every byte but five is defined in Windows-1252; those become U+FFFD.
        return data.decode("cp1252", errors="replace")


def _utf16_without_mark(data: bytes, head: bytes) -> str:
    """Text with NUL bytes: UTF-16 without its mark (every other byte NUL), or no text at all."""
    even, odd = head[0::2], head[1::2]
    encoding = None
    if odd and odd.count(0) > 0.8 * len(odd):
        encoding = "utf-16-le"
    elif even and even.count(0) > 0.8 * len(even):
        encoding = "utf-16-be"
    if encoding is None:
        raise UnreadableFile(
            "Die Datei ist weder eine Textdatei (CSV) noch eine Excel-Arbeitsmappe (XLSX)."
        )
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnreadableFile(
            f"Die Datei scheint in UTF-16 ({encoding[-2:].upper()}) ohne Kennzeichnung "
            "geschrieben und ist so nicht lesbar. Bitte in Excel als „CSV UTF-8 "
            "(durch Trennzeichen getrennt)“ speichern."
        ) from exc


def _delimiter(text: str) -> str:
    """The separator of the header line: the most frequent of ``;``, ``,`` and tab outside
    quotes (``;`` wins a tie, as German Excel writes it)."""
    first = re.sub(r'"[^"]*"', "", text.split("\n", 1)[0])
    counts = {sep: first.count(sep) for sep in (";", ",", "\t")}
    best = max(counts, key=lambda sep: (counts[sep], sep == ";"))
    return best if counts[best] else ";"


def _clean_header(value: Any) -> str:
    return " ".join(str(value or "").replace("\ufeff", "").split())


def _read_csv(text: str, max_rows: int) -> Table:
    if not text.strip():
        raise UnreadableFile("Die Datei ist leer.")
    # Excel understands (and some programs write) a first line "sep=;" naming the separator.
    hint = re.match(r"sep=(.)\r?\n", text)
    delimiter = hint.group(1) if hint else _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        if hint:
            next(reader)
        headers = [_clean_header(h) for h in next(reader)]
    except csv.Error as exc:
        raise UnreadableFile(f"Die Datei ist keine lesbare CSV-Datei ({exc}).") from exc
    table = Table(headers)
    line = reader.line_num
    try:
        for values in reader:
            start = line + 1
            line = reader.line_num
            if not any(v.strip() for v in values):
                continue
            if len(table.rows) >= max_rows:
                raise _too_many(max_rows)
            table.rows.append(_row(start, headers, values))
    except csv.Error as exc:
        raise UnreadableFile(f"Zeile {line + 1}: {exc}") from exc
    return table


def _mb(size: int) -> str:
    return f"{size / 1_048_576:.0f} MB"


def check_archive(
    data: bytes,
    *,
    max_unpacked: int = MAX_UNPACKED_BYTES,
    max_strings: int = MAX_SHARED_STRINGS,
) -> None:
    """Refuse an XLSX archive that would unpack beyond ``max_unpacked`` bytes or holds more
    than ``max_strings`` shared strings, before it is parsed."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError) as exc:
        raise UnreadableFile("Die Datei ist keine lesbare Excel-Datei (XLSX).") from exc
    with archive:
        members = archive.infolist()
        unpacked = sum(member.file_size for member in members)
        if unpacked > max_unpacked:
            raise UnreadableFile(
                f"Die Excel-Datei würde entpackt {_mb(unpacked)} groß (höchstens "
                f"{_mb(max_unpacked)}). Bitte nur die Tabelle speichern oder als CSV hochladen."
            )
        names = {member.filename.lower(): member for member in members}
        strings = names.get("xl/sharedstrings.xml")
        if strings is not None and _count_strings(archive, strings) > max_strings:
            limit = f"{max_strings:_}".replace("_", ".")
            raise UnreadableFile(
                f"Die Excel-Datei enthält mehr als {limit} verschiedene Texte. Bitte in "
                "kleinere Dateien teilen oder als CSV hochladen."
            )


def _count_strings(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> int:
    """Shared-string entries (``<si>`` elements), counted while streaming the member."""
    count, tail = 0, b""
    with archive.open(member) as stream:
        while chunk := stream.read(1 << 20):
            block = tail + chunk
            count += block.count(b"<si>") + block.count(b"<si ")
            # Three bytes carry over: a tag cut at the chunk's end is whole in the next block,
            # and no whole tag fits in them, so none is counted twice.
            tail = block[-3:]
    return count


def _read_xlsx(data: bytes, max_rows: int) -> Table:
    check_archive(data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for broken files
        raise UnreadableFile("Die Datei ist keine lesbare Excel-Datei (XLSX).") from exc
    try:
        if not workbook.worksheets:
            raise UnreadableFile("Die Excel-Datei enthält kein Tabellenblatt.")
        sheet = workbook.worksheets[0]
        # A sheet may claim a huge size; read no further than a table can sensibly reach.
        rows = sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS)
        try:
            headers = [_clean_header(h) for h in next(rows)]
        except StopIteration as exc:
            raise UnreadableFile("Die Datei ist leer.") from exc
        while headers and not headers[-1]:
            headers.pop()
        table = Table(headers)
        for number, values in enumerate(rows, start=2):
            if not any(v not in (None, "") for v in values):
                continue
            if len(table.rows) >= max_rows:
                raise _too_many(max_rows)
            table.rows.append(_row(number, headers, [_xlsx_value(v) for v in values]))
    except UnreadableFile:
        raise
    except Exception as exc:  # a broken sheet inside a readable archive
        raise UnreadableFile("Die Datei ist keine lesbare Excel-Datei (XLSX).") from exc
    finally:
        workbook.close()
    return table


def _too_many(max_rows: int) -> UnreadableFile:
    limit = f"{max_rows:_}".replace("_", ".")
    return UnreadableFile(
        f"Die Datei hat mehr als {limit} Datenzeilen; bitte in kleinere Dateien teilen."
    )


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, dt.datetime) and value.time() == dt.time(0, 0):
        return value.date()
    return value
