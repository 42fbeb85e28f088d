"""Factories of org units, employees and IT systems.

``EmployeeFactory`` builds someone born in May 1962 with no planned exit; traits:
``civil_servant``, ``part_time``, ``leaving`` (a planned exit next year), ``young``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory

from wandelwerk.organisation.models import (
    AgeLimitGroup,
    Employee,
    EmploymentType,
    Hosting,
    ITSystem,
    OrgUnit,
)
from wandelwerk.tenants import tenancy
from wandelwerk.tenants.tests.factories import MunicipalityFactory


class OrgUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrgUnit

    municipality = factory.SubFactory(MunicipalityFactory)
    code = factory.Sequence(lambda n: f"OE{n}")
    name = factory.Sequence(lambda n: f"Einheit {n}")

    class Params:
        citizen_contact_unit = factory.Trait(citizen_contact=True)


class EmployeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employee

    municipality = factory.LazyAttribute(lambda o: o.org_unit.municipality)
    org_unit = factory.SubFactory(OrgUnitFactory)
    personnel_number = factory.Sequence(lambda n: f"{100000 + n}")
    position = "Sachbearbeitung"
    employment_type = EmploymentType.EMPLOYEE
    fte = Decimal("1")
    birth_year = 1962
    birth_month = 5

    class Params:
        civil_servant = factory.Trait(employment_type=EmploymentType.CIVIL_SERVANT)
        part_time = factory.Trait(fte=Decimal("0.5"))
        leaving = factory.Trait(
            planned_exit_date=factory.LazyFunction(lambda: dt.date(dt.date.today().year + 1, 6, 30))
        )
        young = factory.Trait(birth_year=1995)


class ITSystemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ITSystem
        skip_postgeneration_save = True

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Verfahren {n}")
    vendor = "Kommunalsoftware GmbH"
    hosting = Hosting.DATA_CENTRE

    class Params:
        cloud = factory.Trait(hosting=Hosting.CLOUD)
        ending = factory.Trait(
            end_of_support=factory.LazyFunction(lambda: dt.date.today() + dt.timedelta(days=180))
        )

    @factory.post_generation
    def org_units(obj, create, extracted, **kwargs):
        if create and extracted:
            with tenancy.activate(obj.municipality):  # the related manager is scoped
                obj.org_units.set(extracted)


class AgeLimitGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgeLimitGroup

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Gruppe {n}")
    years = 62
    legal_basis = "§ 118 LBG NRW"
