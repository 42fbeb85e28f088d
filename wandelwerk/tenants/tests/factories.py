"""Factories of municipalities, users and memberships.

Traits pick the typical cases: ``MunicipalityFactory(small=True)``, ``MembershipFactory(hr=True)``
(an editor with the personal-data right), ``MembershipFactory(provider_admin=True)`` (no
municipality).
"""

from __future__ import annotations

import factory
from django.contrib.auth import get_user_model

from wandelwerk.core.testing import PASSWORD
from wandelwerk.tenants.models import Membership, Municipality
from wandelwerk.tenants.roles import Role


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"kommune-{n}")
    name = factory.Sequence(lambda n: f"Kommune {n}")
    land = "NW"
    population = 25_000

    class Params:
        small = factory.Trait(population=4_000)
        large = factory.Trait(population=250_000)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person-{n}")
    # Tests of other features sign in with the password alone; the second factor's own tests
    # (accounts/tests/test_second_factor.py) use accounts that must give a code.
    second_factor_exempt = True
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
    role = Role.VIEWER

    class Params:
        provider_admin = factory.Trait(role=Role.PROVIDER_ADMIN, municipality=None)
        consultant = factory.Trait(role=Role.CONSULTANT)
        municipality_admin = factory.Trait(role=Role.MUNICIPALITY_ADMIN)
        editor = factory.Trait(role=Role.EDITOR)
        hr = factory.Trait(role=Role.EDITOR, can_view_personal_data=True)
