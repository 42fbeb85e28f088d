"""Reads about municipalities and who may see them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from wandelwerk.tenants.models import Membership, Municipality
from wandelwerk.tenants.roles import Role

_CACHE_ATTR = "_wandelwerk_access_cache"


@dataclass(frozen=True)
class Access:
    """What a user may do in one municipality."""

    role: Role
    can_view_personal_data: bool
    # Sign-ins must be confirmed with a second factor: the provider's people always, others
    # where the municipality asks for it.
    second_factor: bool = False


def is_provider_admin(user: Any) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return get_access(user, None) is not None


def get_access(user: Any, municipality: Municipality | None) -> Access | None:
    """The user's access to ``municipality`` (``None``: provider-wide), memoised per user object."""
    if not getattr(user, "is_authenticated", False):
        return None
    cache: dict[int | None, Access | None] | None = getattr(user, _CACHE_ATTR, None)
    if cache is None:
        cache = _load_access(user)
        setattr(user, _CACHE_ATTR, cache)
    if municipality is None:
        return cache.get(None)
    own = cache.get(municipality.pk)
    if own is not None:
        return own
    provider = cache.get(None)
    if provider is not None:
        return provider
    return None


PROVIDER_ROLES = frozenset({Role.PROVIDER_ADMIN, Role.CONSULTANT})


def _load_access(user: Any) -> dict[int | None, Access | None]:
    rows = Membership.objects.filter(user=user).values_list(
        "municipality_id", "role", "can_view_personal_data", "municipality__require_second_factor"
    )
    return {
        mid: Access(Role(role), personal, role in PROVIDER_ROLES or bool(required))
        for mid, role, personal, required in rows
    }


def accesses(user: Any) -> list[Access]:
    """All of the user's memberships as access (memoised with ``get_access``)."""
    if not getattr(user, "is_authenticated", False):
        return []
    get_access(user, None)  # fills the per-user cache
    return [a for a in getattr(user, _CACHE_ATTR).values() if a is not None]


def works_for_provider(user: Any, municipality: Municipality | None = None) -> bool:
    """Whether the user is one of the provider's people (admin or consultant): in
    ``municipality``, or in any municipality (None)."""
    if municipality is None:
        return any(a.role in PROVIDER_ROLES for a in accesses(user))
    access = get_access(user, municipality)
    return access is not None and access.role in PROVIDER_ROLES


def forget_access(user: Any) -> None:
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def visible_municipalities(user: Any) -> QuerySet[Municipality]:
    """The municipalities the user may open: all for a provider admin, else their memberships."""
    if not getattr(user, "is_authenticated", False):
        return Municipality.objects.none()
    if is_provider_admin(user):
        return Municipality.objects.all()
    return Municipality.objects.filter(memberships__user=user).distinct()
