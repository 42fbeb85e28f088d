"""The audit log shows personal data only to those with the right to see it, in the page and
its exports alike, and forgets it after the retention period."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wandelwerk.audit.models import AuditEvent
from wandelwerk.organisation import logic
from wandelwerk.organisation.tests.factories import EmployeeFactory, OrgUnitFactory
from wandelwerk.tenants import tenancy

pytestmark = pytest.mark.django_db


@pytest.fixture
def changed(home, users):
    unit = OrgUnitFactory(municipality=home, code="3.1", name="Bürgerbüro")
    employee = EmployeeFactory(org_unit=unit, birth_year=1961, birth_month=7)
    with tenancy.activate(home):
        logic.save_employee(
            actor=users["hr"],
            employee=employee,
            personnel_number=employee.personnel_number,
            org_unit=unit,
            position="Leitung",
            employment_type="civil_servant",
            fte=employee.fte,
            personal={"birth_year": 1962, "planned_exit_date": dt.date(2027, 6, 30)},
        )
    return employee


def test_without_the_right_personal_fields_are_hidden_in_page_and_export(
    client, users, home, changed
):
    client.force_login(users["municipality_admin"])
    url = reverse("audit:log", args=[home.slug])
    page = client.get(url).content.decode()
    assert "Geburtsjahr</strong>: verborgen → verborgen" in page
    assert "1961" not in page and "1962" not in page and "30.06.2027" not in page
    assert "Funktion</strong>: Sachbearbeitung → Leitung" in page  # words of the pages
    assert "Beamte" in page and '<td class="kern-table__cell">Beschäftigte Person</td>' in page
    exported = client.get(url + "?export=csv").content.decode("utf-8-sig")
    assert "1962" not in exported and "verborgen" in exported


def test_with_the_right_they_are_shown(client, users, home, changed):
    hr_admin = users["hr"]
    from wandelwerk.accounts.logic import grant_membership

    grant_membership(
        actor=None,
        user=hr_admin,
        municipality=home,
        role="municipality_admin",
        can_view_personal_data=True,
    )
    client.force_login(hr_admin)
    page = client.get(reverse("audit:log", args=[home.slug])).content.decode()
    assert "Geburtsjahr</strong>: 1961 → 1962" in page and "30.06.2027" in page


def test_personal_data_is_forgotten_after_the_retention_period(home, changed, settings):
    settings.WANDELWERK_AUDIT_PERSONAL_DAYS = 30
    AuditEvent.unscoped_manager.update(created_at=timezone.now() - dt.timedelta(days=31))
    out = io.StringIO()
    call_command("prune_audit", stdout=out)
    event = AuditEvent.unscoped_manager.get(object_type="organisation.Employee", action="update")
    assert event.before["birth_year"] is None and event.after["planned_exit_date"] is None
    assert event.after["position"] == "Leitung"  # the rest stays
    assert "in 1 Protokolleinträgen" in out.getvalue() or "Protokolleinträgen" in out.getvalue()
