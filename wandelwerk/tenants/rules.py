"""Named permission rules for municipalities (object = the municipality)."""

from __future__ import annotations

from typing import Any

import rules

from wandelwerk.tenants.queries import get_access, is_provider_admin
from wandelwerk.tenants.roles import ADMIN_ROLES, CONSULTING_ROLES, EDITING_ROLES


@rules.predicate
def is_member(user: Any, municipality: Any) -> bool:
    return municipality is not None and get_access(user, municipality) is not None


@rules.predicate
def can_edit(user: Any, municipality: Any) -> bool:
    access = get_access(user, municipality) if municipality is not None else None
    return access is not None and access.role in EDITING_ROLES


@rules.predicate
def can_consult(user: Any, municipality: Any) -> bool:
    access = get_access(user, municipality) if municipality is not None else None
    return access is not None and access.role in CONSULTING_ROLES


@rules.predicate
def is_municipality_admin(user: Any, municipality: Any) -> bool:
    access = get_access(user, municipality) if municipality is not None else None
    return access is not None and access.role in ADMIN_ROLES


@rules.predicate
def sees_personal_data(user: Any, municipality: Any) -> bool:
    access = get_access(user, municipality) if municipality is not None else None
    return access is not None and access.can_view_personal_data


@rules.predicate
def provider_admin(user: Any, obj: Any = None) -> bool:
    return is_provider_admin(user)


rules.add_perm("tenants.view_municipality", is_member)
rules.add_perm("tenants.manage_municipalities", provider_admin)
rules.add_perm("tenants.manage_members", is_municipality_admin)
