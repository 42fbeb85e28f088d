"""The demo data: sizes, users and roles, a visible retirement wave, and idempotence."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from wandelwerk.core import tenancy
from wandelwerk.organisation.models import Employee, ITSystem, OrgUnit
from wandelwerk.organisation.queries import employee_exit_date
from wandelwerk.tenants.models import Membership, Municipality


def counts():
    result = {"users": get_user_model().objects.count(), "memberships": Membership.objects.count()}
    for municipality in Municipality.objects.all():
        with tenancy.activate(municipality):
            result[municipality.slug] = (
                OrgUnit.objects.count(),
                Employee.objects.count(),
                ITSystem.objects.count(),
            )
    return result


@pytest.mark.django_db
def test_demo_builds_musterstadt_beispieldorf_and_the_users():
    call_command("load_demo", stdout=io.StringIO())
    musterstadt = Municipality.objects.get(slug="musterstadt")
    assert 20_000 <= musterstadt.population <= 30_000
    with tenancy.activate(musterstadt):
        departments = OrgUnit.objects.filter(parent__parent__isnull=True, parent__isnull=False)
        assert 7 <= departments.count() <= 9
        assert OrgUnit.objects.filter(parent__in=departments).count() >= 15
        assert 230 <= Employee.objects.count() <= 270
        assert ITSystem.objects.count() >= 15
    roles = {
        (
            m.user.username,
            m.municipality.slug if m.municipality else None,
            m.role,
            m.can_view_personal_data,
        )
        for m in Membership.objects.select_related("user", "municipality")
    }
    assert roles == {
        ("anbieter", None, "provider_admin", False),
        ("berater", "musterstadt", "consultant", False),
        ("cdo-musterstadt", "musterstadt", "municipality_admin", False),
        ("personal-musterstadt", "musterstadt", "editor", True),
        ("leser-musterstadt", "musterstadt", "viewer", False),
        ("cdo-beispieldorf", "beispieldorf", "municipality_admin", False),
    }
    assert get_user_model().objects.get(username="berater").check_password("wandelwerk-demo")


@pytest.mark.django_db
def test_running_the_demo_twice_duplicates_nothing():
    call_command("load_demo", stdout=io.StringIO())
    first = counts()
    call_command("load_demo", stdout=io.StringIO())
    assert counts() == first


@pytest.mark.django_db
def test_demo_staff_has_a_retirement_wave():
    call_command("load_demo", stdout=io.StringIO())
    municipality = Municipality.objects.get(slug="musterstadt")
    today = dt.date.today()
    with tenancy.activate(municipality):
        staff = list(Employee.objects.all())
    leaving = [
        e
        for e in staff
        if (d := employee_exit_date(e, "NW")) and d <= today.replace(year=today.year + 10)
    ]
    assert len(leaving) / len(staff) >= 0.25
    assert sum(e.employment_type == "civil_servant" for e in staff) / len(staff) > 0.1
