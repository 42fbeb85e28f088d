"""factory_boy factories shared by the apps' tests."""

from __future__ import annotations

from decimal import Decimal

import factory
from django.contrib.auth import get_user_model

from wandelwerk.organisation.models import Employee, EmploymentType, Hosting, ITSystem, OrgUnit
from wandelwerk.tenants.models import Membership, Municipality

PASSWORD = "test-passwort-123"


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"kommune-{n}")
    name = factory.Sequence(lambda n: f"Kommune {n}")
    land = "NW"
    population = 25_000


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person-{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    role = "viewer"


class OrgUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrgUnit

    municipality = factory.SubFactory(MunicipalityFactory)
    code = factory.Sequence(lambda n: f"OE{n}")
    name = factory.Sequence(lambda n: f"Einheit {n}")


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


class ITSystemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ITSystem

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Verfahren {n}")
    vendor = "Kommunalsoftware GmbH"
    hosting = Hosting.DATA_CENTRE
