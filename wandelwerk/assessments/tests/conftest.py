"""Fixtures of the DigiCheck tests: the shipped framework and a draft assessment of ``home``."""

from __future__ import annotations

from typing import Any

import pytest

from wandelwerk.assessments.frameworks.loader import load_all
from wandelwerk.assessments.models import Assessment, Framework
from wandelwerk.assessments.tests.factories import AssessmentFactory


@pytest.fixture
def framework(db: Any) -> Framework:
    [fw] = load_all()
    return fw


@pytest.fixture
def assessment(home: Any, framework: Framework) -> Assessment:
    return AssessmentFactory(municipality=home, framework=framework)
