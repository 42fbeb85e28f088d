"""The DigiCheck pages ask the database the same number of times with one unit and few peers as
with many units and many peers; scores are computed once, when a check is approved."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wandelwerk.assessments.checks import logic, queries
from wandelwerk.assessments.models import Answer, Assessment
from wandelwerk.assessments.tests.factories import AssessmentFactory, answer_every_question
from wandelwerk.organisation.tests.factories import OrgUnitFactory
from wandelwerk.tenants import tenancy
from wandelwerk.tenants.tests.factories import MembershipFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db


def approved_checks(municipality, framework, units: int) -> Assessment:
    """Two approved checks (2025 and 2026) per unit and one of the whole administration."""
    last = None
    for i in range(units):
        unit = OrgUnitFactory(municipality=municipality, code=f"{i + 1}")
        for year, level in ((2025, 1), (2026, 2)):
            last = AssessmentFactory(
                municipality=municipality,
                framework=framework,
                org_unit=unit,
                date=dt.date(year, 3, 1),
                approved=True,
            )
            answer_every_question(last, level)
    whole = AssessmentFactory(municipality=municipality, framework=framework, approved=True)
    answer_every_question(whole, 2)
    assert last is not None
    return last


def count(client, url: str) -> int:
    client.get(url)  # checks approved before scores were stored are scored on first need
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def pages(municipality, check: Assessment) -> dict[str, str]:
    slug = municipality.slug
    return {
        "Übersicht": reverse("assessments:index", args=[slug]),
        "Ergebnisse": reverse("assessments:results", args=[slug]),
        "Ergebnisse mit Entwicklung": reverse("assessments:results", args=[slug])
        + f"?einheit={check.org_unit_id}",
        "DigiCheck": reverse("assessments:detail", args=[slug, check.pk]),
        "Empfehlungen": reverse("measures:triage", args=[slug, check.pk]),
    }


def test_results_comparison_and_trend_do_not_grow_with_units_and_peers(client, users, framework):
    counts = {}
    for size, units, peers in (("klein", 1, 5), ("gross", 6, 12)):
        mine = MunicipalityFactory(
            slug=f"{size}stadt", population=30_000 if size == "gross" else 3_000
        )
        check = approved_checks(mine, framework, units)
        for i in range(peers):
            peer = MunicipalityFactory(slug=f"{size}-peer-{i}", population=mine.population)
            approved_checks(peer, framework, units)
        MembershipFactory(user=users["viewer"], municipality=mine)
        client.force_login(users["viewer"])
        counts[size] = {name: count(client, url) for name, url in pages(mine, check).items()}
        page = client.get(pages(mine, check)["Ergebnisse"]).content.decode()
        assert f"{peers} andere Kommunen der Größenklasse" in page
    assert counts["klein"] == counts["gross"], counts


def test_scores_are_computed_once_when_a_check_is_approved(home, framework, users):
    check = AssessmentFactory(municipality=home, framework=framework, status="in_review")
    answer_every_question(check, 2)
    with tenancy.activate(home):
        logic.transition(actor=users["municipality_admin"], assessment=check, to="approved")
        check.refresh_from_db()
        assert check.scores["overall"] == 2 and check.scores["areas"]["change"] == 2
        Answer.objects.filter(assessment=check).update(level=4)  # behind the lock's back
        assert queries.result(check).scores.overall == 2  # the approved record, not the answers
        logic.transition(actor=users["municipality_admin"], assessment=check, to="draft")
        check.refresh_from_db()
        assert check.scores == {} and queries.result(check).scores.overall == 4
