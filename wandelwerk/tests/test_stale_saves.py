"""Edit forms refuse a stale save: what someone else saved meanwhile is not overwritten, the
user's input is kept, and saving again after a look goes through."""

from __future__ import annotations

import pytest
from django.urls import reverse

from wandelwerk.measures.tests.factories import MeasureFactory
from wandelwerk.organisation.models import Employee, OrgUnit
from wandelwerk.organisation.tests.factories import (
    EmployeeFactory,
    ITSystemFactory,
    OrgUnitFactory,
)
from wandelwerk.ozg.tests.factories import AdministrativeServiceFactory
from wandelwerk.roadmap.tests.factories import ScenarioFactory
from wandelwerk.tenants.tests.editing import stand

pytestmark = pytest.mark.django_db


def test_a_change_in_between_is_not_overwritten_and_nothing_is_lost(client, users, home):
    unit = OrgUnitFactory(municipality=home, code="FB2", name="Finanzen")
    url = reverse("organisation:orgunit_update", args=[home.slug, unit.pk])
    client.force_login(users["editor"])
    form = client.get(url).context
    hidden = {"_stand": form["stand"], "_gezeigt": form["shown"]}
    OrgUnit.objects.unscoped().filter(pk=unit.pk).update(name="Kämmerei")  # a colleague saves
    page = client.post(url, {"code": "FB2", "name": "Finanzen und Steuern", **hidden})
    html = page.content.decode()
    assert page.status_code == 200 and "inzwischen an anderer Stelle geändert" in html
    assert "Bezeichnung: Finanzen → <strong>Kämmerei</strong>" in html  # the other change
    assert 'value="Finanzen und Steuern"' in html  # the input is still there
    unit.refresh_from_db()
    assert unit.name == "Kämmerei"
    again = client.post(
        url, {"code": "FB2", "name": "Finanzen und Steuern", "_stand": page.context["stand"]}
    )
    assert again.status_code == 302
    unit.refresh_from_db()
    assert unit.name == "Finanzen und Steuern"


@pytest.mark.parametrize(
    ("name", "make", "data"),
    [
        (
            "organisation:itsystem_update",
            lambda home: ITSystemFactory(municipality=home),
            {"name": "Neu", "hosting": "local"},
        ),
        (
            "measures:measure_update",
            lambda home: MeasureFactory(municipality=home),
            {
                "title": "Neu",
                "area": "change",
                "duration": 1,
                "internal_days": 0,
                "provider_days": 0,
                "budget_eur": 0,
                "benefit": 5,
            },
        ),
        (
            "organisation:employee_update",
            lambda home: EmployeeFactory(org_unit=OrgUnitFactory(municipality=home)),
            lambda record: {
                "personnel_number": "Neu",
                "org_unit": record.org_unit_id,
                "employment_type": "employee",
                "fte": "1",
            },
        ),
        (
            "ozg:service_update",
            lambda home: AdministrativeServiceFactory(municipality=home),
            {
                "name": "Neu",
                "is_own": "on",
                "target_group": "citizens",
                "cases_per_year": 1,
                "minutes_per_case": 1,
                "maturity_level": 0,
                "rgm_version": "1.1",
                "target_level": 3,
            },
        ),
        (
            "roadmap:scenario_update",
            lambda home: ScenarioFactory(municipality=home),
            {
                "name": "Neu",
                "start_year": 2027,
                "start_half": 1,
                "periods": 6,
                "internal_days_per_period": 1,
                "provider_days_per_period": 1,
                "budget_per_year": 1,
                "change_capacity": 1,
                "weight_benefit": 1,
                "weight_deadlines": 1,
                "weight_focus": 1,
            },
        ),
    ],
)
def test_every_edit_form_checks_its_record(client, users, home, name, make, data):
    record = make(home)
    data = data(record) if callable(data) else data
    client.force_login(users["editor"])
    url = reverse(name, args=[home.slug, record.pk])
    assert client.post(url, data | {"_stand": "veraltet"}).status_code == 200
    record.refresh_from_db()
    names = ("name", "title", "personnel_number")
    assert "Neu" not in [getattr(record, n, None) for n in names]
    assert client.post(url, data | stand(record)).status_code == 302


def test_the_other_change_shows_personal_fields_only_to_those_with_the_right(client, users, home):
    person = EmployeeFactory(org_unit=OrgUnitFactory(municipality=home), position="Sachbearbeitung")
    url = reverse("organisation:employee_update", args=[home.slug, person.pk])
    data = {
        "personnel_number": person.personnel_number,
        "org_unit": person.org_unit_id,
        "employment_type": "employee",
        "fte": "1",
    }
    seen = {}
    for who in ("editor", "hr"):
        client.force_login(users[who])
        context = client.get(url).context
        seen[who] = {"_stand": context["stand"], "_gezeigt": context["shown"]}
    Employee.objects.unscoped().filter(pk=person.pk).update(birth_year=1970, position="Leitung")
    client.force_login(users["editor"])
    html = client.post(url, data | seen["editor"]).content.decode()
    assert "Leitung</strong>" in html and "1970" not in html
    client.force_login(users["hr"])
    html = client.post(url, data | seen["hr"]).content.decode()
    assert "Geburtsjahr: 1962 → <strong>1970</strong>" in html
