"""Import files of the organisation tests: CSV text, XLSX bytes, and how to run an import."""

from __future__ import annotations

import io

from openpyxl import Workbook

from wandelwerk.imports.logic import run_import

UNITS = """Kürzel;Bezeichnung;Übergeordnete Einheit;Leitung
3.1;Bürgerbüro;FB3;Jens Weber
FB3;Bürgerdienste und Ordnung;;Petra Schmitz
3.2;Standesamt;FB3;
"""

EMPLOYEES = """Personalnummer;Organisationseinheit;Funktion;Beschäftigungsart;Stellenanteil;Geburtsjahr;Geburtsmonat;Am Monatsersten geboren;Geplantes Austrittsdatum
100001;3.1;Sachbearbeitung Meldewesen;Tarif;0,5;1963;4;nein;
100002;3.2;Standesbeamtin;Beamte;100 %;1960;1;ja;31.12.2025
"""


def run(municipality, kind, text, *, allow_personal=True, dry_run=False, encoding="utf-8"):
    return run_import(
        actor=None,
        kind=kind,
        data=text.encode(encoding),
        filename=f"{kind}.csv",
        municipality=municipality,
        allow_personal=allow_personal,
        dry_run=dry_run,
    )


def xlsx(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def run_bytes(municipality, kind, data, filename, **kwargs):
    kwargs.setdefault("allow_personal", True)
    return run_import(
        actor=None, kind=kind, data=data, filename=filename, municipality=municipality, **kwargs
    )


EMPLOYEE_HEADER = EMPLOYEES.splitlines()[0].split(";")


def employees_csv(count: int, position: str = "Sachbearbeitung") -> str:
    lines = [";".join(EMPLOYEE_HEADER)]
    lines += [f"{200000 + i};3.{1 + i % 2};{position};Tarif;0,5;1965;7;nein;" for i in range(count)]
    return "\n".join(lines) + "\n"
