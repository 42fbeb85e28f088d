"""The figures of the start page, for every municipality the user may see, in one query."""

from __future__ import annotations

import pytest

from wandelwerk.organisation.tests.factories import EmployeeFactory, OrgUnitFactory
from wandelwerk.overview.queries import municipalities_with_figures
from wandelwerk.ozg.tests.factories import AdministrativeServiceFactory

pytestmark = pytest.mark.django_db


def test_figures_per_visible_municipality(users, home, other, django_assert_num_queries):
    unit = OrgUnitFactory(municipality=home)
    EmployeeFactory.create_batch(3, org_unit=unit)
    AdministrativeServiceFactory(municipality=home, online=True)
    AdministrativeServiceFactory(municipality=home)
    with django_assert_num_queries(2):  # the user's access, then the figures
        rows = {
            m.slug: (m.org_unit_count, m.employee_count, m.service_count, m.compliant_count)
            for m in municipalities_with_figures(users["provider_admin"])
        }
    assert rows == {"heimstadt": (1, 3, 2, 1), "anderdorf": (None, None, None, None)}
    assert [m.slug for m in municipalities_with_figures(users["viewer"])] == ["heimstadt"]
