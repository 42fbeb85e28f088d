"""Making an installation ready, as often as wanted: the database schema, the shipped
catalogues (OZG, DigiCheck frameworks, measures) and a first provider admin when there is none.
Every step keeps what exists, so an update runs it again unchanged."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.management import call_command

from wandelwerk.accounts.people import create_user, is_invited
from wandelwerk.assessments.frameworks.loader import load_all
from wandelwerk.measures.catalog import load_catalog as load_measures
from wandelwerk.ozg.catalog import load_catalog as load_ozg
from wandelwerk.tenants.models import Membership
from wandelwerk.tenants.roles import Role

Say = Callable[[str], None]


@dataclass(frozen=True)
class FirstAdmin:
    email: str
    username: str = ""
    name: str = ""
    password: str | None = None


def has_provider_admin() -> bool:
    return Membership.objects.filter(role=Role.PROVIDER_ADMIN, user__is_active=True).exists()


def load_catalogues(say: Say) -> None:
    counts = load_ozg()
    say(f"OZG-Katalog: {counts.services} OZG-Leistungen, {counts.entries} LeiKa-Leistungen")
    frameworks = load_all()
    say(f"DigiCheck-Fragebögen: {', '.join(str(f) for f in frameworks)}")
    say(f"Maßnahmenkatalog: {load_measures()} Vorlagen")


def ensure_provider_admin(admin: FirstAdmin | None, say: Say) -> Membership | None:
    """The first provider admin, when none exists and ``admin`` names one; the new membership
    (its user has no password when none was given), else None."""
    if has_provider_admin():
        say("Administration des IT-Dienstleisters: vorhanden")
        return None
    if admin is None or not admin.email:
        say(
            "Administration des IT-Dienstleisters: FEHLT. Mit WANDELWERK_ADMIN_EMAIL erneut "
            "starten oder `manage.py create_user NAME --email ADRESSE --provider-admin` ausführen."
        )
        return None
    user, membership = create_user(
        actor=None,
        username=admin.username or admin.email.lower(),
        email=admin.email,
        name=admin.name,
        password=admin.password,
        municipality=None,
        role=Role.PROVIDER_ADMIN,
    )
    state = "Passwort festzulegen" if is_invited(user) else "Passwort gesetzt"
    say(f"Administration des IT-Dienstleisters angelegt: {user.username} ({state})")
    return membership


def bootstrap(*, admin: FirstAdmin | None, say: Say, with_admin: bool = True) -> Membership | None:
    """Run every step; ``accounts.logic.MembershipError`` when the first admin cannot be made."""
    call_command("migrate", interactive=False, verbosity=0)
    say("Datenbank: auf dem neuesten Stand")
    load_catalogues(say)
    return ensure_provider_admin(admin, say) if with_admin else None
