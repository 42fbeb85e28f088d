"""The trend of a unit's area scores over its approved DigiChecks: an SVG line chart with a
table beside it, on the results page and on the detail page of a later check."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from wandelwerk.assessments.tests.factories import AssessmentFactory, answer_every_question
from wandelwerk.organisation.tests.factories import OrgUnitFactory

SVG = "{http://www.w3.org/2000/svg}"
AREAS = ["Change-Management", "Wissensmanagement", "Prozessmanagement", "Digitalmanagement"]


@pytest.fixture
def history(home, framework):
    """Bürgerdienste: approved checks in 2024 (level 1) and 2025 (level 2, knowledge 3), and a
    draft in 2026 (level 4); Finanzen: one approved check."""
    unit = OrgUnitFactory(municipality=home, code="FB3", name="Bürgerdienste")
    finance = OrgUnitFactory(municipality=home, code="FB2", name="Finanzen")

    def check(org_unit, date, status, level, knowledge=None):
        a = AssessmentFactory(
            municipality=home, framework=framework, org_unit=org_unit, date=date, status=status
        )
        answer_every_question(
            a, level, by_area={} if knowledge is None else {"knowledge": knowledge}
        )
        return a

    return {
        "unit": unit,
        "finance": finance,
        "first": check(unit, dt.date(2024, 3, 1), "approved", 1),
        "second": check(unit, dt.date(2025, 3, 1), "approved", 2, knowledge=3),
        "draft": check(unit, dt.date(2026, 3, 1), "draft", 4),
        "other": check(finance, dt.date(2025, 6, 1), "approved", 3),
    }


def chart(page: str, ident: str = "trend") -> ET.Element:
    start = page.index(
        f'<svg class="ww-chart" viewBox="0 0 760 260" width="100%" role="img" '
        f'aria-labelledby="{ident}-t {ident}-d"'
    )
    end = page.index("</svg>", start) + len("</svg>")
    return ET.fromstring(page[start:end])


def series(svg: ET.Element) -> dict[str, list[str]]:
    """Series name → the titles of its points ("Name, 01.03.2024: 1,0")."""
    result: dict[str, list[str]] = {}
    for circle in svg.iter(f"{SVG}circle"):
        name, _sep, point = circle.find(f"{SVG}title").text.partition(", ")
        result.setdefault(name, []).append(point)
    return result


@pytest.mark.django_db
def test_results_page_draws_the_chosen_units_trend(client, users, home, history):
    client.force_login(users["viewer"])
    url = reverse("assessments:results", args=[home.slug])
    page = client.get(url, {"einheit": history["unit"].pk}).content.decode()
    svg = chart(page)
    assert svg.get("role") == "img"
    assert svg.find(f"{SVG}title").text.startswith("Entwicklung je Handlungsfeld")
    assert "2 Stichtage von 03/2024 bis 03/2025" in svg.find(f"{SVG}desc").text
    assert len(svg.findall(f"{SVG}path")) == 4
    points = series(svg)
    assert list(points) == AREAS
    assert points["Change-Management"] == ["01.03.2024: 1,0", "01.03.2025: 2,0"]
    assert points["Wissensmanagement"] == ["01.03.2024: 1,0", "01.03.2025: 3,0"]
    # the draft is not part of the results page
    assert "01.03.2026" not in page
    # the table alternative holds the same numbers
    assert "Ist je Handlungsfeld und gesamt in den freigegebenen DigiChecks von FB3" in page
    table = page[page.index('id="h-trend"') :]
    table = table[table.index("<table") : table.index("</table>")]
    assert "01.03.2024" in table and "01.03.2025" in table and "3,0" in table
    assert f'<option value="{history["unit"].pk}" selected>FB3 Bürgerdienste</option>' in page


@pytest.mark.django_db
def test_results_page_opens_on_a_unit_with_a_trend_and_switches(client, users, home, history):
    client.force_login(users["viewer"])
    url = reverse("assessments:results", args=[home.slug])
    page = client.get(url).content.decode()
    # FB2 comes first, but has one approved check only: FB3 shows a trend
    assert f'<option value="{history["unit"].pk}" selected>' in page
    assert len(series(chart(page))["Digitalmanagement"]) == 2
    page = client.get(url, {"einheit": history["finance"].pk}).content.decode()
    assert series(chart(page))["Digitalmanagement"] == ["01.06.2025: 3,0"]
    page = client.get(url, {"einheit": "gibt-es-nicht"}).content.decode()
    assert f'<option value="{history["unit"].pk}" selected>' in page
    heat = page[page.index('aria-labelledby="heat-t') :]
    heat = heat[: heat.index("</svg>")]
    assert "Legende:" in heat and "Stufe 0" in heat and "Stufe 4" in heat
    assert "nicht bewertet" in heat


@pytest.mark.django_db
def test_detail_page_shows_the_trend_up_to_this_check(client, users, home, history):
    client.force_login(users["viewer"])
    page = client.get(history["draft"].get_absolute_url()).content.decode()
    svg = chart(page)
    assert "3 Stichtage von 03/2024 bis 03/2026" in svg.find(f"{SVG}desc").text
    assert series(svg)["Prozessmanagement"] == [
        "01.03.2024: 1,0",
        "01.03.2025: 2,0",
        "01.03.2026: 4,0",
    ]
    assert "Entwicklung über die DigiChecks der Einheit" in page and "Entwurf" in page
    page = client.get(history["second"].get_absolute_url()).content.decode()
    assert series(chart(page))["Wissensmanagement"] == ["01.03.2024: 1,0", "01.03.2025: 3,0"]
    # no earlier approved check: no trend
    for key in ("first", "other"):
        page = client.get(history[key].get_absolute_url()).content.decode()
        assert 'id="h-trend"' not in page and "trend-t" not in page


def test_the_administrations_trend_rolls_up_each_half_years_latest_checks(
    client, users, home, history
):
    from wandelwerk.assessments.checks.queries import administration_trend
    from wandelwerk.tenants import tenancy

    with tenancy.activate(home):
        points = administration_trend(["change", "knowledge"])
    # 1st half of 2024: Bürgerdienste at level 1; 1st half of 2025: Bürgerdienste at 2
    # (knowledge 3) and Finanzen at 3, each weighing one (no staff recorded). The draft counts not.
    assert points == [
        (dt.date(2024, 3, 1), {"change": 1.0, "knowledge": 1.0}),
        (dt.date(2025, 6, 1), {"change": 2.5, "knowledge": 3.0}),
    ]
    client.force_login(users["viewer"])
    report = client.get(reverse("reports:document", args=[home.slug])).content.decode()
    assert "Entwicklung seit dem ersten DigiCheck" in report
    assert 'aria-labelledby="report-trend-t report-trend-d"' in report
