"""Fixtures of the roadmap tests: a pilot and its rollout (which waits for it), a rejected
measure, and a scenario of six half-years from 2027, planned as of a fixed day."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from wandelwerk.measures.tests.factories import MeasureFactory
from wandelwerk.organisation.tests.factories import OrgUnitFactory
from wandelwerk.roadmap.periods import HalfYear
from wandelwerk.roadmap.tests.factories import ScenarioFactory

TODAY = dt.date(2026, 11, 30)  # before the scenarios start: the plan starts with their start
H1_2027 = HalfYear(2027, 1).ordinal


@pytest.fixture
def measures(home: Any) -> dict[str, Any]:
    unit = OrgUnitFactory(municipality=home, code="3.1", name="Bürgerbüro")
    digital = {"municipality": home, "area": "digital", "duration": 2, "provider_days": 20}
    pilot = MeasureFactory(
        **digital, title="E-Akte-Pilot", internal_days=60, budget_eur=30000, benefit=8
    )
    rollout = MeasureFactory(
        **digital,
        title="E-Akte-Rollout",
        internal_days=80,
        budget_eur=40000,
        benefit=9,
        org_unit=unit,
        prerequisites=[pilot],
    )
    MeasureFactory(municipality=home, title="Abgelehnt", area="change", rejected=True)
    return {"pilot": pilot, "rollout": rollout, "unit": unit}


@pytest.fixture
def scenario(home: Any) -> Any:
    return ScenarioFactory(municipality=home, name="Basis", start_year=2027, periods=6)
