"""No export cell acts as a formula (OWASP CSV injection): every CSV and XLSX export, fed with
texts that start with =, +, -, @, a tab or a carriage return."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from wandelwerk.assessments.tests.factories import AnswerFactory, AssessmentFactory
from wandelwerk.measures.tests.factories import MeasureFactory
from wandelwerk.organisation.tests.factories import (
    EmployeeFactory,
    ITSystemFactory,
    OrgUnitFactory,
)
from wandelwerk.ozg.tests.factories import AdministrativeServiceFactory
from wandelwerk.tenants import tenancy

pytestmark = pytest.mark.django_db

DANGEROUS = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR"]
LIST_EXPORTS = [
    "organisation:orgunit_list",
    "organisation:employee_list",
    "organisation:itsystem_list",
    "ozg:index",
    "ozg:priorities",
    "measures:index",
    "audit:log",
]


@pytest.fixture
def poisoned(home, users):
    from wandelwerk.organisation import logic

    for i, text in enumerate(DANGEROUS):
        unit = OrgUnitFactory(municipality=home, code=f"U{i}", name=text, head=text)
        EmployeeFactory(org_unit=unit, position=text)
        ITSystemFactory(municipality=home, name=f"{text} {i}", vendor=text)
        AdministrativeServiceFactory(municipality=home, name=text, org_unit=unit)
        MeasureFactory(municipality=home, title=text, reason=text)
    with tenancy.activate(home):
        logic.save_org_unit(actor=users["editor"], code="=1+1", name="=1+1", parent=None)
    check = AssessmentFactory(municipality=home, participants="=1+1")
    AnswerFactory(assessment=check, comment="=cmd|' /C calc'!A0")
    return check


def cells_of_csv(data: bytes) -> list[str]:
    text = data.decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text), delimiter=";") for cell in row]


def xlsx_cells(data: bytes) -> list:
    book = load_workbook(io.BytesIO(data))
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


@pytest.mark.parametrize("name", LIST_EXPORTS)
def test_list_exports_neutralise_formulas(client, users, home, poisoned, name):
    client.force_login(users["municipality_admin"])
    url = reverse(name, args=[home.slug])
    csv_cells = cells_of_csv(client.get(url + "?export=csv").content)
    assert not [c for c in csv_cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert any(c.startswith("'") for c in csv_cells)
    cells = xlsx_cells(client.get(url + "?export=xlsx").content)
    assert not [c for c in cells if c.data_type == "f"]
    assert any(str(c.value).startswith(("=", "+", "@")) for c in cells)  # kept, as text


def test_the_digicheck_workbook_neutralises_formulas(client, users, home, poisoned):
    client.force_login(users["editor"])
    url = reverse("assessments:export", args=[home.slug, poisoned.pk])
    cells = xlsx_cells(client.get(url).content)
    assert not [c for c in cells if c.data_type == "f"]
    assert "=cmd|' /C calc'!A0" in [c.value for c in cells]


def test_a_guarded_cell_reads_back_as_it_was():
    from wandelwerk.core.xlsx import csv_bytes
    from wandelwerk.imports.reader import read_table

    data = csv_bytes(
        ["Kürzel", "Bezeichnung"], [[f"U{i}", text] for i, text in enumerate(DANGEROUS)]
    )
    table = read_table(data, "einheiten.csv")
    assert [row.values["Bezeichnung"] for row in table.rows] == DANGEROUS
