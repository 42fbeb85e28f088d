"""Every page of the measures asks the database the same number of times, with few measures or
many (each with a unit, a service and prerequisites)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wandelwerk.measures.tests.factories import MeasureFactory, MeasureTemplateFactory
from wandelwerk.organisation.tests.factories import OrgUnitFactory
from wandelwerk.ozg.tests.factories import AdministrativeServiceFactory
from wandelwerk.tenants.tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


def grow(municipality, n):
    """``n`` measures in a chain, each with a unit and a service; the last one is returned."""
    previous = None
    for i in range(n):
        unit = OrgUnitFactory(municipality=municipality)
        service = AdministrativeServiceFactory(municipality=municipality, org_unit=unit)
        MeasureTemplateFactory(key=f"vorlage-{municipality.slug}-{i}")
        previous = MeasureFactory(
            municipality=municipality,
            org_unit=unit,
            service=service,
            prerequisites=[previous] if previous else [],
        )
    return previous


PAGES = [
    ("measures:index", False),
    ("measures:catalog", False),
    ("measures:graph", False),
    ("measures:measure_create", False),
    ("measures:measure_detail", True),
    ("measures:measure_update", True),
    ("measures:measure_delete", True),
]


@pytest.mark.parametrize(("name", "with_pk"), PAGES)
def test_measure_pages_do_not_grow(client, users, name, with_pk):
    small, large = MunicipalityFactory(slug="klein"), MunicipalityFactory(slug="gross")
    counts = []
    for municipality, n in ((small, 3), (large, 30)):
        last = grow(municipality, n)
        from wandelwerk.tenants.tests.factories import MembershipFactory

        MembershipFactory(user=users["editor"], municipality=municipality, editor=True)
        client.force_login(users["editor"])
        args = [municipality.slug, last.pk] if with_pk else [municipality.slug]
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(name, args=args)).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], f"{name}: {counts[0]} Abfragen bei 3, {counts[1]} bei 30"
