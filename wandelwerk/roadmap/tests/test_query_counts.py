"""Every roadmap page asks the database the same number of times, with a few planned measures
or many."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wandelwerk.measures.tests.factories import MeasureFactory
from wandelwerk.organisation.tests.factories import OrgUnitFactory
from wandelwerk.roadmap.logic import freeze_as_baseline
from wandelwerk.roadmap.planning import plan_scenario
from wandelwerk.roadmap.tests.conftest import TODAY
from wandelwerk.roadmap.tests.factories import ScenarioFactory
from wandelwerk.tenants import tenancy
from wandelwerk.tenants.tests.factories import MembershipFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db


def grow(municipality, n):
    """``n`` measures in chains of three, planned in two scenarios (one the baseline) twice."""
    with tenancy.activate(municipality):
        previous = None
        for i in range(n):
            previous = MeasureFactory(
                municipality=municipality,
                org_unit=OrgUnitFactory(municipality=municipality),
                internal_days=10,
                prerequisites=[previous] if previous and i % 3 else [],
            )
        basis = ScenarioFactory(municipality=municipality, name="Basis")
        plan_scenario(basis, today=TODAY, time_limit=5)
        freeze_as_baseline(actor=None, scenario=basis)
        more = ScenarioFactory(municipality=municipality, name="Mehr")
        plan_scenario(more, today=TODAY, time_limit=5)
        plan_scenario(more, today=TODAY, time_limit=5)
    return more, previous


PAGES = [
    ("roadmap:index", lambda s, m: []),
    ("roadmap:compare", lambda s, m: []),
    ("roadmap:scenario_detail", lambda s, m: [s.pk]),
    ("roadmap:scenario_update", lambda s, m: [s.pk]),
    ("roadmap:scenario_delete", lambda s, m: [s.pk]),
    ("roadmap:scenario_freeze", lambda s, m: [s.pk]),
    ("roadmap:measure_standings", lambda s, m: [m.pk]),
]


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_roadmap_pages_do_not_grow(client, users, name, args):
    counts = []
    for slug, n in (("klein", 4), ("gross", 40)):
        municipality = MunicipalityFactory(slug=slug)
        MembershipFactory(user=users["consultant"], municipality=municipality, consultant=True)
        scenario, measure = grow(municipality, n)
        client.force_login(users["consultant"])
        url = reverse(name, args=[slug, *args(scenario, measure)])
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], f"{name}: {counts[0]} Abfragen bei 4, {counts[1]} bei 40"
