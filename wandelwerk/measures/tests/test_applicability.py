"""Catalogue measures are proposed only to units they fit (citizen contact, IT, staff size)."""

from __future__ import annotations

import datetime as dt

import pytest

from wandelwerk.assessments.checks import logic
from wandelwerk.assessments.frameworks.loader import load_all
from wandelwerk.assessments.tests.factories import answer_every_question
from wandelwerk.measures.catalog import load_catalog
from wandelwerk.measures.logic import recommend
from wandelwerk.measures.models import Measure
from wandelwerk.organisation.tests.factories import OrgUnitFactory
from wandelwerk.tenants import tenancy


def create(home, framework, unit):
    with tenancy.activate(home):
        return logic.create_assessment(
            actor=None, framework=framework, org_unit=unit, date=dt.date(2026, 11, 2)
        )


@pytest.mark.django_db
def test_measures_for_citizen_contact_are_not_proposed_to_a_unit_without_it(home):
    [framework] = load_all()
    load_catalog()
    audit = OrgUnitFactory(municipality=home, code="14", name="Rechnungsprüfung")
    office = OrgUnitFactory(municipality=home, code="32", name="Bürgerbüro", citizen_contact=True)
    proposed = {}
    for unit in (audit, office):
        check = create(home, framework, unit)
        with tenancy.activate(home):
            answer_every_question(check, 0)
            check.status = "approved"
            check.save()
            recommend(actor=None, assessment=check)
            proposed[unit.code] = set(
                Measure.objects.filter(org_unit=unit).values_list("template__key", flat=True)
            )
    assert "auskunftswissen-buergerservice" in proposed["32"]
    assert "antragsstrecken-vereinfachen" in proposed["32"]
    assert not proposed["14"] & {"auskunftswissen-buergerservice", "antragsstrecken-vereinfachen"}
    assert "pilotvorhaben" not in proposed["14"]  # fewer than 5 staff
