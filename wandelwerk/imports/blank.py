"""Empty import templates: the header row of a kind as CSV or XLSX.

The XLSX template formats its columns as Excel should read what is typed into them (codes as
text, so that ``3.1`` does not turn into the 3rd of January; dates as ``TT.MM.JJJJ``) and adds a
second sheet „Hinweise“ that explains every column with an example. Only the first sheet is
read when the file comes back.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from wandelwerk.core.xlsx import as_text, csv_bytes
from wandelwerk.imports.base import Importer

NOTES_TITLE = "Hinweise"


def template_csv(importer: type[Importer]) -> bytes:
    """The header line, separated by ``;``, in UTF-8 with BOM (German Excel opens it right)."""
    return csv_bytes([c.header for c in importer.columns], [])


def template_xlsx(importer: type[Importer]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = importer.label[:31]
    bold = Font(bold=True)
    for index, column in enumerate(importer.columns, start=1):
        cell = as_text(sheet.cell(row=1, column=index, value=column.header))
        cell.font = bold
        letter = get_column_letter(index)
        dimension = sheet.column_dimensions[letter]
        dimension.width = max(14, len(column.header) + 4)
        if column.number_format:
            dimension.number_format = column.number_format
    sheet.freeze_panes = "A2"

    notes = workbook.create_sheet(NOTES_TITLE)
    notes.append(["Spalte", "Pflicht", "Hinweis", "Beispiel"])
    for cell in notes[1]:
        cell.font = bold
    example = importer.example[0] if importer.example else []
    for index, column in enumerate(importer.columns):
        notes.append(
            [
                column.header,
                "ja" if column.required else "nein",
                column.help,
                example[index] if index < len(example) else "",
            ]
        )
    notes.append([])
    notes.append(
        [
            "Gelesen wird nur das erste Blatt. Jede Zeile ist ein Eintrag; die Kopfzeile "
            "bleibt unverändert."
        ]
    )
    for letter, width in (("A", 28), ("B", 9), ("C", 60), ("D", 30)):
        notes.column_dimensions[letter].width = width
    for row in notes.iter_rows(min_row=2):
        for cell in row:
            as_text(cell).alignment = Alignment(wrap_text=True, vertical="top")

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
