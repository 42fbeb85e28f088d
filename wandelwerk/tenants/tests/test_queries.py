"""Who may open which municipality, read once per user object."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wandelwerk.tenants.queries import (
    forget_access,
    get_access,
    is_provider_admin,
    visible_municipalities,
)
from wandelwerk.tenants.roles import Role
from wandelwerk.tenants.tests.factories import (
    MembershipFactory,
    MunicipalityFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_access_is_the_own_membership_else_the_provider_wide_one():
    home, other = MunicipalityFactory(), MunicipalityFactory()
    hr = MembershipFactory(municipality=home, hr=True).user
    admin = MembershipFactory(provider_admin=True).user
    access = get_access(hr, home)
    assert access is not None
    assert (access.role, access.can_view_personal_data) == (Role.EDITOR, True)
    assert get_access(hr, other) is None and get_access(hr, None) is None
    assert get_access(admin, other).role == Role.PROVIDER_ADMIN
    assert is_provider_admin(admin) and not is_provider_admin(hr)


def test_anonymous_users_have_no_access(client):
    from django.contrib.auth.models import AnonymousUser

    assert get_access(AnonymousUser(), MunicipalityFactory()) is None
    assert not is_provider_admin(AnonymousUser())
    assert not visible_municipalities(AnonymousUser()).exists()


def test_access_is_read_once_per_user_until_forgotten():
    home = MunicipalityFactory()
    user = MembershipFactory(municipality=home).user
    get_access(user, home)
    with CaptureQueriesContext(connection) as queries:
        get_access(user, home)
        get_access(user, MunicipalityFactory.build(pk=10_000))
    assert len(queries) == 0
    MembershipFactory(user=user, municipality=MunicipalityFactory(slug="neu"), editor=True)
    forget_access(user)
    assert {m.slug for m in visible_municipalities(user)} == {home.slug, "neu"}


def test_visible_municipalities_all_for_provider_admins_else_the_own():
    home, other = MunicipalityFactory(), MunicipalityFactory()
    viewer = MembershipFactory(municipality=home).user
    admin = MembershipFactory(provider_admin=True).user
    nobody = UserFactory()
    assert list(visible_municipalities(viewer)) == [home]
    assert set(visible_municipalities(admin)) == {home, other}
    assert not visible_municipalities(nobody).exists()
