"""The provider's portfolio: every municipality the user may open with where it stands,
filtered by size class, Kreis and consultant, sorted, exported as XLSX; the same number of
queries for three municipalities as for nine."""

from __future__ import annotations

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from wandelwerk.overview.tests.test_cockpit import _checked_and_planned
from wandelwerk.tenants.tests.factories import MembershipFactory, MunicipalityFactory, UserFactory

pytestmark = pytest.mark.django_db


def _sheet(response) -> list[list]:
    book = load_workbook(io.BytesIO(response.content))
    return [[c.value for c in row] for row in book.worksheets[0].iter_rows()]


def test_the_portfolio_shows_where_each_municipality_stands(client, users, home, other):
    _checked_and_planned(home)
    client.force_login(users["provider_admin"])
    page = client.get("/").content.decode()
    assert "Heimstadt" in page and "Anderdorf" in page
    assert "75 %" in page  # the current bundle's share done
    assert "1 / 1" in page  # late / at risk
    assert "Reifegrad (0–4)" in page and "zugesagte Beratertage" in page


def test_filters_by_size_class_kreis_and_consultant(client, users, home, other):
    for m, kreis in [(home, "Kreis Nord"), (other, "Kreis Süd")]:
        m.kreis = kreis
        m.save()
    colleague = UserFactory(username="kollegin", first_name="Kira", last_name="Kollegin")
    MembershipFactory(user=colleague, municipality=other, role="consultant")
    client.force_login(users["provider_admin"])
    assert "Anderdorf" not in client.get("/?kreis=Kreis+Nord").content.decode()
    page = client.get(f"/?consultant={colleague.pk}").content.decode()
    assert "Anderdorf" in page and ">Heimstadt<" not in page
    size = other.size_class
    page = client.get(f"/?size_class={size}").content.decode()
    assert "Anderdorf" in page and (home.size_class == size or ">Heimstadt<" not in page)
    assert "Kira Kollegin" in page  # who looks after it, for the provider's people


def test_municipality_roles_see_neither_consultants_nor_other_municipalities(
    client, users, home, other
):
    colleague = UserFactory(username="kollegin", first_name="Kira", last_name="Kollegin")
    MembershipFactory(user=colleague, municipality=home, role="consultant")
    client.force_login(users["viewer"])
    page = client.get("/").content.decode()
    assert "Heimstadt" in page and "Anderdorf" not in page
    assert "Kira Kollegin" not in page and 'name="consultant"' not in page


def test_the_export_has_the_page_s_columns_and_no_formula(client, users, home):
    _checked_and_planned(home)
    home.name = '=HYPERLINK("http://x")'
    home.save()
    client.force_login(users["provider_admin"])
    response = client.get("/?export=xlsx&sort=-bundle")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = _sheet(response)
    header = rows[0]
    assert header[:4] == ["Kommune", "Einwohner", "Größenklasse", "Kreis"]
    assert "Reifegrad Wissensmanagement" in header and "Bündel erledigt (%)" in header
    line = rows[1]
    assert line[0] == '=HYPERLINK("http://x")'
    book = load_workbook(io.BytesIO(response.content))
    assert book.worksheets[0]["A2"].data_type == "s"  # text, not a formula
    assert line[header.index("Bündel erledigt (%)")] == 75


def test_the_portfolio_asks_a_fixed_number_of_queries(client, users):
    client.force_login(users["provider_admin"])

    def count() -> int:
        client.get("/")
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/?sort=-late").status_code == 200
        return len(ctx.captured_queries)

    for _ in range(3):
        _checked_and_planned(MunicipalityFactory())
    few = count()
    for _ in range(6):
        _checked_and_planned(MunicipalityFactory())
    assert count() == few
