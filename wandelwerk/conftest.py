"""Fixtures for every app: two municipalities and one user per role.

``home`` is the municipality under test; ``other`` is a second one whose admin must never see
anything of ``home``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from wandelwerk.core import tenancy
from wandelwerk.core.testing.factories import MembershipFactory, MunicipalityFactory, UserFactory

ROLES = ["provider_admin", "consultant", "municipality_admin", "editor", "viewer"]


@pytest.fixture
def home(db: Any) -> Any:
    return MunicipalityFactory(slug="heimstadt", name="Heimstadt")


@pytest.fixture
def other(db: Any) -> Any:
    return MunicipalityFactory(slug="anderdorf", name="Anderdorf", population=4000)


@pytest.fixture
def users(home: Any, other: Any) -> dict[str, Any]:
    """Users by role name in ``home``; ``hr`` is an editor with the personal-data permission,
    ``other_admin`` the municipality admin of ``other``, ``nobody`` a user without membership."""
    result: dict[str, Any] = {}
    for role in ROLES:
        user = UserFactory(username=role)
        MembershipFactory(
            user=user, municipality=None if role == "provider_admin" else home, role=role
        )
        result[role] = user
    hr = UserFactory(username="hr")
    MembershipFactory(user=hr, municipality=home, role="editor", can_view_personal_data=True)
    result["hr"] = hr
    other_admin = UserFactory(username="other_admin")
    MembershipFactory(user=other_admin, municipality=other, role="municipality_admin")
    result["other_admin"] = other_admin
    result["nobody"] = UserFactory(username="nobody")
    return result


@pytest.fixture
def in_home(home: Any) -> Iterator[Any]:
    """Run the test body with ``home`` as the current municipality."""
    with tenancy.activate(home):
        yield home
