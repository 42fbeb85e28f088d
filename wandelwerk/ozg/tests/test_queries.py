"""Reads of the catalogue and the register: search by name, key or OZG-ID, the ranked priority
list and its filters, and the overview's summary."""

from __future__ import annotations

import pytest

from wandelwerk.organisation.tests.factories import OrgUnitFactory
from wandelwerk.ozg import queries
from wandelwerk.ozg.tests.factories import (
    AdministrativeServiceFactory,
    LeikaEntryFactory,
    OzgServiceFactory,
    TopicFactory,
)
from wandelwerk.tenants.tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


def test_catalogue_search_by_name_key_and_ozg_id():
    rente = OzgServiceFactory(ozg_id=10_001, name="Rente beantragen")
    LeikaEntryFactory(leika_key="99123000000000", name="Altersrente", ozg_service=rente)
    LeikaEntryFactory(name="Hundesteuer")
    services, entries = queries.search_catalog("rente")
    assert [s.name for s in services] == ["Rente beantragen"]
    assert [e.name for e in entries] == ["Altersrente"]
    assert [e.name for e in queries.search_catalog("99123")[1]] == ["Altersrente"]
    assert [s.ozg_id for s in queries.search_catalog("10001")[0]] == [10_001]
    other_topic = TopicFactory().pk
    assert not queries.search_catalog("rente", topic_id=other_topic)[0].exists()
    assert {t.pk: t.service_count for t in queries.topics_with_counts()}[rente.topic_id] == 1


def test_priorities_rank_the_services_below_target_and_filter_keeps_the_rank(in_home):
    office = OrgUnitFactory(municipality=in_home)
    big = AdministrativeServiceFactory(municipality=in_home, cases_per_year=5000, org_unit=office)
    small = AdministrativeServiceFactory(municipality=in_home, businesses=True)
    AdministrativeServiceFactory(municipality=in_home, online=True)  # at its target
    rows = queries.priority_rows(in_home)
    assert [(r.rank, r.service.pk) for r in rows] == [(1, big.pk), (2, small.pk)]
    assert rows[0].service.unit_code == office.code and rows[1].service.unit_code is None
    businesses = queries.filter_priorities(rows, target_group="businesses")
    assert [(r.rank, r.service.pk) for r in businesses] == [(2, small.pk)]
    assert [r.service.pk for r in queries.filter_priorities(rows, org_unit_id=office.pk)] == [
        big.pk
    ]
    assert [r.service.pk for r in queries.filter_priorities(rows, sort="-rank")] == [
        small.pk,
        big.pk,
    ]


def test_the_weights_of_the_municipality_change_the_order(in_home):
    from decimal import Decimal

    from wandelwerk.ozg.logic import save_weights

    citizens = AdministrativeServiceFactory(municipality=in_home, cases_per_year=100)
    internal = AdministrativeServiceFactory(municipality=in_home, internal=True, cases_per_year=900)
    assert queries.priority_rows(in_home)[0].service.pk == citizens.pk
    save_weights(actor=None, values={"citizens": Decimal("0.1"), "internal": Decimal("3")})
    assert queries.weights(in_home).internal == 3.0
    assert queries.priority_rows(in_home)[0].service.pk == internal.pk


def test_services_and_summary_of_the_current_municipality_only(in_home):
    AdministrativeServiceFactory(municipality=in_home, online=True)
    AdministrativeServiceFactory(municipality=in_home)
    AdministrativeServiceFactory(municipality=MunicipalityFactory(), online=True)
    summary = queries.summary()
    assert (summary.total, summary.compliant, summary.below_target, summary.share) == (
        2,
        1,
        1,
        50.0,
    )
    assert queries.services().count() == 2
