"""Demo step: the demo municipalities, the demo accounts and their roles.

Municipalities and memberships go through the administration's use cases (with their audit
rows). Natural keys (slug, username) make the step idempotent: what exists is never changed, and
a password is set only for a new account.
"""

from __future__ import annotations

import os
from typing import Any, NamedTuple

from django.contrib.auth import get_user_model
from django.db import transaction

from wandelwerk.accounts.logic import create_municipality, grant_membership
from wandelwerk.tenants.models import Membership, Municipality
from wandelwerk.tenants.roles import Role

DEMO_PASSWORD = "wandelwerk-demo"  # demo only, documented in the README


def demo_url() -> str:
    """Where the demo is served: ``scripts/start`` serves on 127.0.0.1 and ``$PORT``."""
    return f"http://127.0.0.1:{os.environ.get('PORT') or '8000'}/"


MUNICIPALITIES: list[dict[str, Any]] = [
    {
        "slug": "musterstadt",
        "name": "Musterstadt",
        "ags": "05999001",
        "land": "NW",
        "population": 25_300,
        "tier": "mittlere",
        "kreis": "Kreis Musterland",
    },
    {
        "slug": "beispieldorf",
        "name": "Beispieldorf",
        "ags": "05999002",
        "land": "NW",
        "population": 4_100,
        "tier": "gemeinde",
        "kreis": "Kreis Musterland",
    },
]


class DemoUser(NamedTuple):
    username: str
    display_name: str
    municipality: str | None  # slug; None: provider-wide
    role: Role
    personal_data: bool = False


USERS = [
    DemoUser("anbieter", "Andrea Anbieter (IT-Dienstleister)", None, Role.PROVIDER_ADMIN),
    DemoUser("berater", "Bernd Berater (IT-Dienstleister)", "musterstadt", Role.CONSULTANT),
    DemoUser(
        "cdo-musterstadt",
        "Clara Dorn (Digitalisierung Musterstadt)",
        "musterstadt",
        Role.MUNICIPALITY_ADMIN,
    ),
    DemoUser(
        "personal-musterstadt",
        "Paul Sommer (Personalamt Musterstadt)",
        "musterstadt",
        Role.EDITOR,
        True,
    ),
    DemoUser("leser-musterstadt", "Lena Lehmann (Musterstadt)", "musterstadt", Role.VIEWER),
    DemoUser(
        "cdo-beispieldorf", "Carsten Dietz (Beispieldorf)", "beispieldorf", Role.MUNICIPALITY_ADMIN
    ),
]


def ensure_municipalities() -> int:
    created = 0
    for data in MUNICIPALITIES:
        if not Municipality.objects.filter(slug=data["slug"]).exists():
            create_municipality(actor=None, **data)
            created += 1
    return created


def ensure_users() -> int:
    """Demo users and their memberships; the password is set only for a new user."""
    user_model = get_user_model()
    existing = {
        u.username: u for u in user_model.objects.filter(username__in=[u.username for u in USERS])
    }
    municipalities = {m.slug: m for m in Municipality.objects.all()}
    created = 0
    for demo in USERS:
        user = existing.get(demo.username)
        if user is None:
            user = user_model.objects.create_user(
                username=demo.username,
                password=DEMO_PASSWORD,
                display_name=demo.display_name,
                second_factor_exempt=True,
            )
            created += 1
        elif not user.second_factor_exempt:
            # Demo accounts made before the second factor existed: the one flag they lack.
            user.second_factor_exempt = True
            user.save(update_fields=["second_factor_exempt"])
        municipality = municipalities[demo.municipality] if demo.municipality else None
        if not Membership.objects.filter(user=user, municipality=municipality).exists():
            grant_membership(
                actor=None,
                user=user,
                municipality=municipality,
                role=demo.role,
                can_view_personal_data=demo.personal_data,
            )
            created += 1
    return created


@transaction.atomic
def build_demo(stdout: Any) -> None:
    created = ensure_municipalities() + ensure_users()
    if created:
        stdout.write(f"  Kommunen und Demo-Konten: {created} neu angelegt\n")
