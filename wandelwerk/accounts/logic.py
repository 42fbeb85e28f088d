"""Use cases of the administration: municipalities, and who works in them with which role."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.text import slugify

from wandelwerk.audit.logic import record, snapshot
from wandelwerk.audit.models import Action
from wandelwerk.tenants.models import Membership, Municipality
from wandelwerk.tenants.queries import forget_access
from wandelwerk.tenants.roles import Role


class MembershipError(ValueError):
    """A use case was asked for something the rules do not allow."""


@transaction.atomic
def create_municipality(
    *,
    actor: Any,
    slug: str,
    name: str,
    ags: str = "",
    land: str = "NW",
    population: int = 0,
    tier: str = "gemeinde",
    kreis: str = "",
) -> Municipality:
    slug = slugify(slug)
    if not slug:
        raise MembershipError("Der Kurzname darf nicht leer sein.")
    if Municipality.objects.filter(slug=slug).exists():
        raise MembershipError(f"Es gibt bereits eine Kommune mit dem Kurznamen „{slug}“.")
    municipality = Municipality(
        slug=slug, name=name, ags=ags, land=land, population=population, tier=tier, kreis=kreis
    )
    municipality.full_clean()
    municipality.save()
    record(
        actor=actor,
        action=Action.CREATE,
        obj=municipality,
        municipality=municipality,
        after=snapshot(municipality),
    )
    return municipality


@transaction.atomic
def save_municipality(*, actor: Any, municipality: Municipality, values: dict[str, Any]) -> None:
    """Change a municipality's master data (validated, audited)."""
    before = snapshot(municipality)
    for key, value in values.items():
        setattr(municipality, key, value)
    municipality.full_clean()
    municipality.save()
    record(
        actor=actor,
        action=Action.UPDATE,
        obj=municipality,
        municipality=municipality,
        before=before,
        after=snapshot(municipality),
    )


@transaction.atomic
def grant_membership(
    *,
    actor: Any,
    user: Any,
    municipality: Municipality | None,
    role: Role,
    can_view_personal_data: bool = False,
    source: str = "",
) -> Membership:
    """Give ``user`` a role in ``municipality`` (or provider-wide for provider admins);
    ``source`` names the identity provider that grants it, if one does."""
    if (role == Role.PROVIDER_ADMIN) != (municipality is None):
        raise MembershipError(
            "Nur die Administration des IT-Dienstleisters gilt für alle Kommunen."
        )
    membership, created = Membership.objects.get_or_create(
        user=user,
        municipality=municipality,
        defaults={
            "role": role,
            "can_view_personal_data": can_view_personal_data,
            "source": source,
        },
    )
    before = None if created else snapshot(membership)
    membership.role = role
    membership.can_view_personal_data = can_view_personal_data
    membership.source = source
    membership.save()
    forget_access(user)
    record(
        actor=actor,
        action=Action.CREATE if created else Action.UPDATE,
        obj=membership,
        municipality=municipality,
        before=before,
        after=snapshot(membership),
    )
    return membership


def remove_membership(*, actor: Any, membership: Membership) -> None:
    """Delete ``membership`` with its audit event; the access ends with the next request."""
    record(
        actor=actor,
        action=Action.DELETE,
        obj=membership,
        municipality=membership.municipality,
        before=snapshot(membership),
    )
    membership.delete()
    forget_access(membership.user)


@transaction.atomic
def set_consultants(*, actor: Any, municipality: Municipality, users: list[Any]) -> None:
    """Make exactly ``users`` the consultants of ``municipality``."""
    current = Membership.objects.filter(municipality=municipality, role=Role.CONSULTANT)
    wanted = {u.pk for u in users}
    for membership in current:
        if membership.user_id not in wanted:
            remove_membership(actor=actor, membership=membership)
    existing = set(current.values_list("user_id", flat=True))
    for user in users:
        if user.pk not in existing:
            if Membership.objects.filter(user=user, municipality=municipality).exists():
                raise MembershipError(f"{user} hat in {municipality} bereits eine andere Rolle.")
            grant_membership(
                actor=actor, user=user, municipality=municipality, role=Role.CONSULTANT
            )


@transaction.atomic
def require_second_factor(*, actor: Any, municipality: Municipality, required: bool) -> None:
    before = snapshot(municipality)
    municipality.require_second_factor = required
    municipality.save(update_fields=["require_second_factor"])
    record(
        actor=actor,
        action=Action.UPDATE,
        obj=municipality,
        municipality=municipality,
        before=before,
        after=snapshot(municipality),
    )


def record_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    """``user_logged_in``: who signed in, when (no municipality: it is the whole installation's)."""
    record(actor=user, action=Action.LOGIN, obj=user)


def record_failed_login(sender: Any, credentials: dict[str, Any], **kwargs: Any) -> None:
    """``user_login_failed``: the name that was tried; the password never reaches the log."""
    username = str(credentials.get("username", ""))[:150]
    record(
        actor=None,
        action=Action.LOGIN_FAILED,
        object_type="accounts.User",
        object_repr=username or "(ohne Namen)",
    )
