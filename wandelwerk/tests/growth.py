"""Growing a municipality's data for the query-count tests: ``grow(m, n)`` adds ``n`` of
everything a page may list (units in a tree, staff, IT systems, services with their history,
approved DigiChecks, measures in chains, knowledge articles, audit rows, jobs) and plans every
scenario again, so plan pages grow too."""

from __future__ import annotations

import datetime as dt
from typing import Any

from wandelwerk.assessments.frameworks.loader import default_framework, load_all
from wandelwerk.assessments.tests.factories import (
    AssessmentFactory,
    TargetFactory,
    answer_every_question,
)
from wandelwerk.audit.models import AuditEvent
from wandelwerk.audit.tests.factories import AuditEventFactory
from wandelwerk.jobs.tests.factories import JobFactory
from wandelwerk.knowledge.tests.factories import ArticleFactory
from wandelwerk.measures.tests.factories import MeasureFactory
from wandelwerk.organisation.models import Employee, OrgUnit
from wandelwerk.organisation.tests.factories import (
    EmployeeFactory,
    ITSystemFactory,
    OrgUnitFactory,
)
from wandelwerk.ozg.tests.factories import AdministrativeServiceFactory, MaturityChangeFactory
from wandelwerk.roadmap.models import Scenario
from wandelwerk.roadmap.planning import plan_scenario
from wandelwerk.tenants import tenancy

TODAY = dt.date(2026, 11, 30)


def grow(municipality: Any, n: int) -> None:
    load_all()
    framework = default_framework()
    with tenancy.activate(municipality):
        root = OrgUnit.objects.filter(parent__isnull=True).first()
        units = []
        for _ in range(n):
            units.append(
                OrgUnitFactory(municipality=municipality, parent=root, citizen_contact=True)
            )
        Employee.objects.bulk_create(
            EmployeeFactory.build(
                municipality=municipality,
                org_unit=units[i % n],
                birth_year=1958 + i % 30,
                birth_month=1 + i % 12,
            )
            for i in range(3 * n)
        )
        previous = None
        for i, unit in enumerate(units):
            ITSystemFactory(municipality=municipality).org_units.add(unit)
            service = AdministrativeServiceFactory(
                municipality=municipality, org_unit=unit, maturity_level=i % 3
            )
            MaturityChangeFactory(service=service, date=TODAY - dt.timedelta(days=300), level=0)
            check = AssessmentFactory(
                municipality=municipality,
                framework=framework,
                org_unit=unit,
                approved=True,
                date=TODAY - dt.timedelta(days=30 + i),
            )
            answer_every_question(check, i % 4)
            TargetFactory(municipality=municipality, assessment=check, area_key="process")
            previous = MeasureFactory(
                municipality=municipality,
                org_unit=unit,
                service=service,
                assessment=check,
                prerequisites=[previous] if previous else [],
            )
            ArticleFactory(municipality=municipality, published=True).org_units.add(unit)
            JobFactory(municipality=municipality)
        AuditEvent.unscoped_manager.bulk_create(
            AuditEventFactory.build_batch(n, municipality=municipality)
        )
        for scenario in Scenario.objects.all():
            plan_scenario(scenario, today=TODAY, time_limit=1)
