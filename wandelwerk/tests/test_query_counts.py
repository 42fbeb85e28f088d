"""List pages run a fixed number of queries, whatever the number of rows (no N+1)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wandelwerk.audit.models import AuditEvent
from wandelwerk.audit.tests.factories import AuditEventFactory
from wandelwerk.organisation.models import Employee, ITSystem, OrgUnit
from wandelwerk.organisation.tests.factories import (
    EmployeeFactory,
    ITSystemFactory,
    OrgUnitFactory,
)
from wandelwerk.tenants.tests.factories import MembershipFactory


def _fill(municipality, n):
    """``n`` org units in a tree, ``n`` employees, ``n`` IT systems and ``n`` audit events."""
    units = OrgUnit.objects.unscoped().bulk_create(
        OrgUnitFactory.build_batch(n, municipality=municipality)
    )
    for i, unit in enumerate(units[1:], start=1):
        unit.parent = units[(i - 1) // 3]
    OrgUnit.objects.unscoped().bulk_update(units, ["parent"])
    Employee.objects.unscoped().bulk_create(
        EmployeeFactory.build(
            municipality=municipality,
            org_unit=units[i % n],
            birth_year=1960 + i % 30,
            birth_month=1 + i % 12,
        )
        for i in range(n)
    )
    systems = ITSystem.objects.unscoped().bulk_create(
        ITSystemFactory.build_batch(n, municipality=municipality)
    )
    ITSystem.org_units.through.objects.bulk_create(
        ITSystem.org_units.through(itsystem_id=s.pk, orgunit_id=units[i % n].pk)
        for i, s in enumerate(systems)
    )
    AuditEvent.unscoped_manager.bulk_create(
        AuditEventFactory.build_batch(n, municipality=municipality)
    )


# The cockpit reads every section of the method once (checks, plan, measures, knowledge,
# reports, OZG, staff): more than a list, still fixed.
LIMITS = {"overview:index": 30}

PAGES = [
    ("overview:start", False),
    ("overview:index", True),
    ("organisation:index", True),
    ("organisation:orgunit_list", True),
    ("organisation:employee_list", True),
    ("organisation:itsystem_list", True),
    ("audit:log", True),
]


def _count(client, name, tenant, municipality, params=""):
    url = reverse(name, args=[municipality.slug] if tenant else []) + params
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "tenant"), PAGES)
def test_list_pages_do_not_grow_with_rows(client, users, home, other, name, tenant):
    """10 rows and 1,000 rows cost the same number of queries (HR sees personal columns too)."""
    client.force_login(users["provider_admin"])
    # The provider admin sees both municipalities; compare a small and a large one.
    _fill(other, 10)
    _fill(home, 1000)
    large = _count(client, name, tenant, home)
    small = _count(client, name, tenant, other)
    assert large == small, f"{name}: {small} Abfragen bei 10 Zeilen, {large} bei 1.000"
    assert large <= LIMITS.get(name, 20)


@pytest.mark.django_db
def test_employee_list_with_personal_data_does_not_grow(client, users, home, other):
    MembershipFactory(user=users["hr"], municipality=other, hr=True)
    client.force_login(users["hr"])
    _fill(home, 1000)
    _fill(other, 10)
    assert _count(client, "organisation:employee_list", True, home) == _count(
        client, "organisation:employee_list", True, other
    )


@pytest.mark.django_db
def test_people_pages_do_not_grow_with_members(client, users, home, other):
    """The members of a municipality with 200 people and the accounts page with them cost what
    they cost with a handful."""
    client.force_login(users["provider_admin"])
    small_members = _count(client, "accounts:members", True, other)
    small_accounts = _count(client, "accounts:accounts", False, home)
    for n in range(200):
        MembershipFactory(municipality=home, role="editor" if n % 2 else "viewer")
    assert _count(client, "accounts:members", True, home) == small_members
    assert _count(client, "accounts:accounts", False, home) == small_accounts
