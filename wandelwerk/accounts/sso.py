"""Single sign-on through the installation's identity providers (OpenID Connect, with
django-allauth doing the protocol).

Each provider is configured in ``WANDELWERK_OIDC`` (conf/identity.py, docs/sso.md): its e-mail
domains, the claim holding the person's groups (``groups``, or a dotted path such as
``realm_access.roles``) and the rules that turn groups into memberships. At every sign-in the
memberships that provider grants are brought in step with the groups: new ones are given,
changed ones updated, those no longer granted taken away; memberships given in Wandelwerk are
left alone. Nobody gets an account without at least one membership from the rules.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest

from wandelwerk.accounts.logic import grant_membership, remove_membership
from wandelwerk.accounts.middleware import SSO_SESSION_KEY
from wandelwerk.tenants.models import Membership, Municipality
from wandelwerk.tenants.queries import forget_access
from wandelwerk.tenants.roles import Role

logger = logging.getLogger(__name__)

# Words a rule or a group name may use for a role.
ROLE_WORDS = {
    "provider_admin": Role.PROVIDER_ADMIN,
    "admin": Role.MUNICIPALITY_ADMIN,
    "municipality_admin": Role.MUNICIPALITY_ADMIN,
    "administration": Role.MUNICIPALITY_ADMIN,
    "consultant": Role.CONSULTANT,
    "beratung": Role.CONSULTANT,
    "editor": Role.EDITOR,
    "bearbeitung": Role.EDITOR,
    "viewer": Role.VIEWER,
    "lesezugriff": Role.VIEWER,
}


@dataclass(frozen=True)
class Grant:
    municipality: str | None  # slug; None: provider-wide (provider admins)
    role: Role
    personal_data: bool = False


def providers() -> list[dict[str, Any]]:
    return list(settings.WANDELWERK_OIDC)


def provider(provider_id: str) -> dict[str, Any] | None:
    return next((p for p in providers() if p["id"] == provider_id), None)


def provider_for_email(email: str) -> dict[str, Any] | None:
    domain = email.rpartition("@")[2].strip().lower()
    return next((p for p in providers() if domain and domain in p["domains"]), None)


def claims_of(sociallogin: Any) -> dict[str, Any]:
    """What the provider said about the person: the ID token, then the user info on top."""
    data = sociallogin.account.extra_data or {}
    if "id_token" in data or "userinfo" in data:
        return {**(data.get("id_token") or {}), **(data.get("userinfo") or {})}
    return dict(data)


def _values(claims: dict[str, Any], path: str) -> list[str]:
    value: Any = claims
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def grants(config: dict[str, Any], claims: dict[str, Any]) -> list[Grant]:
    """The memberships ``config``'s rules give for ``claims``, first rule first."""
    found: list[Grant] = []
    for value in _values(claims, config["claim"]):
        for rule in config["roles"]:
            match = re.fullmatch(str(rule.get("pattern", "")), value)
            if match is None:
                continue
            groups = match.groupdict()
            word = str(rule.get("role") or groups.get("role") or "").lower()
            role = ROLE_WORDS.get(word)
            if role is None:
                logger.warning("Anmeldedienst %s: unbekannte Rolle „%s“", config["id"], word)
                continue
            municipality = None
            if role != Role.PROVIDER_ADMIN:
                municipality = rule.get("municipality") or groups.get("municipality")
                if not municipality:
                    continue
            personal = bool(rule.get("personal_data") or groups.get("personal"))
            found.append(Grant(municipality, role, personal and municipality is not None))
    return found


@transaction.atomic
def sync_memberships(user: Any, provider_id: str, granted: list[Grant]) -> None:
    """Bring the memberships ``provider_id`` grants ``user`` in step with ``granted``."""
    slugs = {g.municipality for g in granted if g.municipality}
    municipalities = {m.slug: m for m in Municipality.objects.filter(slug__in=slugs)}
    wanted: dict[int | None, tuple[Municipality | None, Grant]] = {}
    for grant in granted:
        place = municipalities.get(grant.municipality) if grant.municipality else None
        if grant.municipality and place is None:
            logger.warning("Anmeldedienst %s: keine Kommune „%s“", provider_id, grant.municipality)
            continue
        wanted.setdefault(place.pk if place else None, (place, grant))
    existing = {m.municipality_id: m for m in Membership.objects.filter(user=user)}
    for key, (place, grant) in wanted.items():
        current = existing.get(key)
        if current is not None and current.source != provider_id:
            continue  # given in Wandelwerk: stays as it is
        if current is None or (current.role, current.can_view_personal_data) != (
            grant.role,
            grant.personal_data,
        ):
            grant_membership(
                actor=None,
                user=user,
                municipality=place,
                role=grant.role,
                can_view_personal_data=grant.personal_data,
                source=provider_id,
            )
    for key, membership in existing.items():
        if membership.source == provider_id and key not in wanted:
            remove_membership(actor=None, membership=membership)
    forget_access(user)


def on_login(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    """allauth's ``user_logged_in``: for a sign-in through a provider, its memberships follow
    the groups, and a provider that checks a second factor itself spares the local one."""
    sociallogin = kwargs.get("sociallogin")
    if sociallogin is None:
        return
    config = provider(sociallogin.account.provider)
    if config is None:
        return
    sync_memberships(user, config["id"], grants(config, claims_of(sociallogin)))
    if config["second_factor"] == "idp":
        request.session[SSO_SESSION_KEY] = config["id"]


class SocialAdapter(DefaultSocialAccountAdapter):
    def _config(self, sociallogin: Any) -> dict[str, Any] | None:
        return provider(sociallogin.account.provider)

    def is_open_for_signup(self, request: HttpRequest, sociallogin: Any) -> bool:
        """A new account only for someone the rules give a membership."""
        config = self._config(sociallogin)
        return config is not None and bool(grants(config, claims_of(sociallogin)))

    def can_authenticate_by_email(self, login: Any, email: str) -> bool:
        """An existing account is joined only when the provider answers for its domain."""
        config = self._config(login)
        domain = email.rpartition("@")[2].lower()
        return config is not None and domain in config["domains"]

    def populate_user(self, request: HttpRequest, sociallogin: Any, data: dict[str, Any]) -> Any:
        user = super().populate_user(request, sociallogin, data)
        email = (data.get("email") or "").lower()
        user.username = email or f"{sociallogin.account.provider}-{sociallogin.account.uid}"
        user.email = email
        user.display_name = data.get("name") or ""
        user.set_unusable_password()  # signs in through the provider only
        return user


class AccountAdapter(DefaultAccountAdapter):
    """allauth serves single sign-on only: no sign-up of its own, and a sign-in goes through
    Django's model backend (the lockout backend first in the list cannot restore a session)."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False

    def login(self, request: HttpRequest, user: Any) -> None:
        user.backend = "django.contrib.auth.backends.ModelBackend"
        super().login(request, user)
