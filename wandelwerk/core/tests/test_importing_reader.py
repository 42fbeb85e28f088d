"""Reading files as German Excel writes them."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from wandelwerk.core.importing.columns import CellError, fraction, german_date, integer, yes_no
from wandelwerk.core.importing.reader import UnreadableFile, read_table

TEXT = 'Kürzel;Bezeichnung;Leitung\nFB3;Bürgerdienste;"Weber; Jens"\n3.1;Bürgerbüro;Jäger\n'


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("cp1252"),
        TEXT.replace(";", ",").replace('"Weber, Jens"', '"Weber, Jens"').encode("utf-8"),
        TEXT.replace("\n", "\r\n").encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "cp1252", "comma", "crlf-cp1252"],
)
def test_csv_variants_read_the_same(data):
    table = read_table(data, "x.csv")
    assert table.headers == ["Kürzel", "Bezeichnung", "Leitung"]
    assert [r.line for r in table.rows] == [2, 3]
    assert table.rows[0].values["Bezeichnung"] == "Bürgerdienste"
    assert table.rows[1].values["Leitung"] == "Jäger"
    assert table.rows[0].values["Leitung"].startswith("Weber")


def test_blank_lines_are_skipped_but_line_numbers_stay_true():
    table = read_table(b"A;B\n1;2\n;\n3;4\n", "x.csv")
    assert [r.line for r in table.rows] == [2, 4]


def test_xlsx_with_numbers_and_dates():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Personalnummer", "Stellenanteil", "Geburtsjahr", "Geplantes Austrittsdatum"])
    sheet.append([100123, 0.5, 1963, dt.datetime(2028, 6, 30)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    table = read_table(buffer.getvalue(), "x.xlsx")
    row = table.rows[0].values
    assert row == {
        "Personalnummer": 100123,
        "Stellenanteil": 0.5,
        "Geburtsjahr": 1963,
        "Geplantes Austrittsdatum": dt.date(2028, 6, 30),
    }
    assert table.rows[0].line == 2


def test_garbage_is_reported():
    with pytest.raises(UnreadableFile):
        read_table(b"PK\x03\x04garbage", "x.xlsx")
    with pytest.raises(UnreadableFile):
        read_table(b"   ", "x.csv")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("0,5", "0.5"), ("50 %", "0.5"), ("50%", "0.5"), ("1", "1"), (0.75, "0.75"), (1, "1")],
)
def test_fraction(raw, expected):
    assert fraction(raw) == Decimal(expected)


@pytest.mark.parametrize("raw", ["0", "1,5", "150 %", "halb", "50"])
def test_fraction_errors(raw):
    with pytest.raises(CellError):
        fraction(raw)


def test_german_date():
    assert german_date("01.03.2031") == dt.date(2031, 3, 1)
    for bad in ["2031-03-01", "31.02.2031", "1.13.2030"]:
        with pytest.raises(CellError):
            german_date(bad)


def test_month_13_is_an_error():
    with pytest.raises(CellError, match="zu groß"):
        integer(1, 12)("13")


def test_yes_no():
    assert yes_no("ja") is True and yes_no("Nein") is False
    with pytest.raises(CellError):
        yes_no("vielleicht")


@given(st.integers(1, 1000))
def test_fraction_of_permille_roundtrips(permille):
    text = f"{permille / 10:.1f} %".replace(".", ",")
    assert fraction(text) == (Decimal(permille) / 1000).quantize(Decimal("0.001"))
