"""Reads of the administration: who works in a municipality, who may consult."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django_otp.plugins.otp_totp.models import TOTPDevice

from wandelwerk.tenants.models import Membership, Municipality
from wandelwerk.tenants.roles import Role


def consultants_of(municipality: Municipality) -> QuerySet[Membership]:
    return Membership.objects.filter(
        municipality=municipality, role=Role.CONSULTANT
    ).select_related("user")


def members_of(municipality: Municipality) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(municipality=municipality)
        .select_related("user")
        .order_by("role", "user__username")
    )


def people_of(municipality: Municipality, *, keep: int | None = None) -> QuerySet[Any]:
    """Active people with access to the municipality (its members and the provider's admins):
    who can own a measure there; ``keep`` adds one person whatever their access."""
    access = Q(memberships__municipality=municipality) | Q(memberships__municipality__isnull=True)
    return (
        get_user_model()
        .objects.filter(Q(is_active=True) & access | Q(pk=keep))
        .distinct()
        .order_by("display_name", "last_name", "username")
    )


def consultant_candidates() -> QuerySet[Any]:
    """Users who consult somewhere already, or who have no membership yet."""
    users = get_user_model().objects.filter(is_active=True)
    return (
        users.filter(Q(memberships__role=Role.CONSULTANT) | Q(memberships__isnull=True))
        .distinct()
        .order_by("username")
    )


def accounts(query: str = "") -> QuerySet[Any]:
    """Every account, with its memberships, by name; ``query`` searches name and e-mail."""
    has_app = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
    users = (
        get_user_model()
        .objects.annotate(has_app=Exists(has_app))
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.select_related("municipality").order_by(
                    "municipality__name"
                ),
            )
        )
    )
    if query:
        users = users.filter(
            Q(username__icontains=query)
            | Q(email__icontains=query)
            | Q(display_name__icontains=query)
        )
    return users.order_by("-is_active", "username")
