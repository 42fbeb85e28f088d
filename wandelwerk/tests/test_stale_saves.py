"""Edit forms refuse a stale save: what someone else saved meanwhile is not overwritten, the
user's input is kept, and saving again after a look goes through."""

from __future__ import annotations

import pytest
from django.urls import reverse

from wandelwerk.measures.tests.factories import MeasureFactory
from wandelwerk.organisation.models import OrgUnit
from wandelwerk.organisation.tests.factories import ITSystemFactory, OrgUnitFactory
from wandelwerk.roadmap.tests.factories import ScenarioFactory
from wandelwerk.tenants.tests.editing import stand

pytestmark = pytest.mark.django_db


def test_a_change_in_between_is_not_overwritten_and_nothing_is_lost(client, users, home):
    unit = OrgUnitFactory(municipality=home, code="FB2", name="Finanzen")
    url = reverse("organisation:orgunit_update", args=[home.slug, unit.pk])
    client.force_login(users["editor"])
    shown = client.get(url).context["stand"]
    OrgUnit.objects.unscoped().filter(pk=unit.pk).update(name="Kämmerei")  # a colleague saves
    page = client.post(url, {"code": "FB2", "name": "Finanzen und Steuern", "_stand": shown})
    html = page.content.decode()
    assert page.status_code == 200 and "inzwischen an anderer Stelle geändert" in html
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
    client.force_login(users["editor"])
    url = reverse(name, args=[home.slug, record.pk])
    assert client.post(url, data | {"_stand": "veraltet"}).status_code == 200
    record.refresh_from_db()
    assert getattr(record, "name", getattr(record, "title", "")) != "Neu"
    assert client.post(url, data | stand(record)).status_code == 302
