"""Use cases of people: inviting them, their roles, ending their access, accounts for scripts.

Who gives which role: municipality admins run their own staff; the provider also assigns its
consultants and makes its own admins. The personal-data right is given only by who holds it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from wandelwerk.accounts.logic import (
    MembershipError,
    create_municipality,
    grant_membership,
    remove_membership,
    set_consultants,
)
from wandelwerk.audit.logic import record, snapshot
from wandelwerk.audit.models import Action
from wandelwerk.tenants.models import Membership, Municipality
from wandelwerk.tenants.queries import forget_access, is_provider_admin
from wandelwerk.tenants.roles import Role
from wandelwerk.tenants.rules import sees_personal_data


@dataclass(frozen=True)
class Invitation:
    """Access given to someone who is to be told by e-mail: a new account (``new_account``)
    gets a link to set its password, an existing one a notice."""

    membership: Membership
    new_account: bool


# Who gives which role: municipality admins run their own staff, the provider also assigns its
# consultants; provider admins are made on the provider's own page.
MUNICIPALITY_ROLES = (Role.MUNICIPALITY_ADMIN, Role.EDITOR, Role.VIEWER)


def grantable_roles(actor: Any, municipality: Municipality | None) -> tuple[Role, ...]:
    if municipality is None:
        return (Role.PROVIDER_ADMIN,) if is_provider_admin(actor) else ()
    if is_provider_admin(actor):
        return (Role.MUNICIPALITY_ADMIN, Role.CONSULTANT, Role.EDITOR, Role.VIEWER)
    return MUNICIPALITY_ROLES


def may_grant_personal_data(actor: Any, municipality: Municipality | None) -> bool:
    """Only who sees personal data in ``municipality`` may let others see them."""
    return municipality is not None and sees_personal_data(actor, municipality)


def _check_grant(
    actor: Any, municipality: Municipality | None, role: Role, personal: bool, current: bool
) -> bool:
    """The personal-data flag to store; raises MembershipError when ``actor`` may not."""
    if role not in grantable_roles(actor, municipality):
        raise MembershipError(f"Die Rolle „{Role(role).label}“ können Sie hier nicht vergeben.")
    if personal != current and not may_grant_personal_data(actor, municipality):
        raise MembershipError(
            "Das Recht auf Personaldaten vergibt nur, wer es in dieser Kommune selbst hat."
        )
    return personal


def _valid_email(email: str) -> str:
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError as exc:
        raise MembershipError("Bitte eine gültige E-Mail-Adresse angeben.") from exc
    return email


def _new_account(
    *, actor: Any, username: str, email: str, name: str, password: str | None = None
) -> Any:
    """A new account; without ``password`` it is set later from an e-mail link."""
    user = get_user_model()(username=username, email=email, display_name=name.strip())
    if password:
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise MembershipError(" ".join(exc.messages)) from exc
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    record(
        actor=actor,
        action=Action.CREATE,
        obj=user,
        after={"username": username, "email": email, "display_name": user.display_name},
    )
    return user


def _account_for(*, actor: Any, email: str, name: str) -> tuple[Any, bool]:
    """The account with ``email``, or a new one without a password (set from the invitation)."""
    email = _valid_email(email)
    users = get_user_model().objects
    user = users.filter(email__iexact=email).first() or users.filter(username=email).first()
    if user is not None:
        if not user.is_active:
            raise MembershipError(
                f"Das Konto {email} ist deaktiviert; die Administration des IT-Dienstleisters "
                "kann es wieder freischalten."
            )
        return user, False
    return _new_account(actor=actor, username=email, email=email, name=name), True


@transaction.atomic
def invite(
    *,
    actor: Any,
    email: str,
    name: str,
    municipality: Municipality | None,
    role: Role,
    can_view_personal_data: bool = False,
) -> Invitation:
    """Give the person with ``email`` a role, creating their account (without a password) if
    needed. The caller tells them afterwards (``mail.notify``), outside the transaction: a mail
    server that does not answer must not undo the invitation."""
    personal = _check_grant(actor, municipality, role, can_view_personal_data, False)
    user, created = _account_for(actor=actor, email=email, name=name)
    if Membership.objects.filter(user=user, municipality=municipality).exists():
        raise MembershipError(f"{user} hat hier bereits Zugang; ändern Sie dort die Rolle.")
    membership = grant_membership(
        actor=actor,
        user=user,
        municipality=municipality,
        role=role,
        can_view_personal_data=personal,
    )
    record(
        actor=actor,
        action=Action.INVITE,
        obj=user,
        municipality=municipality,
        after={"email": user.email},
    )
    return Invitation(membership, new_account=created)


def resend_invitation(*, actor: Any, membership: Membership) -> Invitation:
    if not is_invited(membership.user):
        raise MembershipError(f"{membership.user} hat die Einladung schon angenommen.")
    record(
        actor=actor,
        action=Action.INVITE,
        obj=membership.user,
        municipality=membership.municipality,
        after={"email": membership.user.email},
    )
    return Invitation(membership, new_account=True)


def is_invited(user: Any) -> bool:
    """Invited but not yet arrived: no password set, never signed in."""
    return user.last_login is None and not user.has_usable_password()


def _refuse_own(actor: Any, membership: Membership) -> None:
    if membership.user_id == actor.pk:
        raise MembershipError(
            "Die eigene Rolle und den eigenen Zugang ändert eine andere Administration."
        )
    if membership.role == Role.CONSULTANT and not is_provider_admin(actor):
        raise MembershipError("Die Beratung ordnet die Administration des IT-Dienstleisters zu.")


@transaction.atomic
def change_membership(
    *, actor: Any, membership: Membership, role: Role, can_view_personal_data: bool
) -> Membership:
    _refuse_own(actor, membership)
    personal = _check_grant(
        actor,
        membership.municipality,
        role,
        can_view_personal_data,
        membership.can_view_personal_data,
    )
    before = snapshot(membership)
    membership.role = role
    membership.can_view_personal_data = personal
    membership.save(update_fields=["role", "can_view_personal_data"])
    forget_access(membership.user)
    record(
        actor=actor,
        action=Action.UPDATE,
        obj=membership,
        municipality=membership.municipality,
        before=before,
        after=snapshot(membership),
    )
    return membership


@transaction.atomic
def end_membership(*, actor: Any, membership: Membership) -> bool:
    """Take away the access to one municipality; an account left with no access at all is
    deactivated (True). Either ends at once, on the person's next click."""
    _refuse_own(actor, membership)
    user = membership.user
    remove_membership(actor=actor, membership=membership)
    if user.is_active and not Membership.objects.filter(user=user).exists():
        _set_active(actor, user, False)
        return True
    return False


@transaction.atomic
def set_active(*, actor: Any, user: Any, active: bool) -> None:
    """Deactivate (every session ends at once) or reactivate an account: provider admins."""
    if not is_provider_admin(actor):
        raise MembershipError("Konten schaltet die Administration des IT-Dienstleisters frei.")
    if user.pk == actor.pk:
        raise MembershipError("Das eigene Konto deaktiviert eine andere Administration.")
    _set_active(actor, user, active)


def _set_active(actor: Any, user: Any, active: bool) -> None:
    if user.is_active == active:
        return
    user.is_active = active
    user.save(update_fields=["is_active"])
    record(
        actor=actor,
        action=Action.UPDATE,
        obj=user,
        before={"is_active": not active},
        after={"is_active": active},
    )


def record_password_set(user: Any) -> None:
    """A password set from an e-mail link (an invited person arriving, or after a reset)."""
    record(actor=user, action=Action.PASSWORD_SET, obj=user)


@transaction.atomic
def create_user(
    *,
    actor: Any,
    username: str,
    email: str,
    name: str = "",
    password: str | None = None,
    municipality: Municipality | None,
    role: Role,
    can_view_personal_data: bool = False,
) -> tuple[Any, Membership]:
    """For scripts: an account (kept if ``username`` exists) with the given access. Without a
    password the account can only be used after setting one from a link."""
    users = get_user_model().objects
    user = users.filter(username=username).first()
    if user is None:
        email = _valid_email(email)
        user = _new_account(
            actor=actor, username=username, email=email, name=name, password=password
        )
    membership = grant_membership(
        actor=actor,
        user=user,
        municipality=municipality,
        role=role,
        can_view_personal_data=can_view_personal_data,
    )
    return user, membership


@transaction.atomic
def create_municipality_with_admin(
    *,
    actor: Any,
    consultants: list[Any],
    admin_email: str,
    admin_name: str,
    **fields: Any,
) -> tuple[Municipality, Invitation | None]:
    """A new municipality, its consultants and, when an address is given, its first admin
    invited: all of it or, on any refusal, none."""
    municipality = create_municipality(actor=actor, **fields)
    set_consultants(actor=actor, municipality=municipality, users=consultants)
    invitation = None
    if admin_email:
        invitation = invite(
            actor=actor,
            email=admin_email,
            name=admin_name,
            municipality=municipality,
            role=Role.MUNICIPALITY_ADMIN,
        )
    return municipality, invitation
