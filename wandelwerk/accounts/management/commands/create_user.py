from __future__ import annotations

import os
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from wandelwerk.accounts import mail
from wandelwerk.accounts.logic import MembershipError
from wandelwerk.accounts.people import create_user, is_invited
from wandelwerk.tenants.models import Municipality
from wandelwerk.tenants.roles import Role


class Command(BaseCommand):
    help = (
        "Legt ein Konto an (oder gibt einem bestehenden Zugang): create_user BENUTZERNAME "
        "--email ADRESSE (--provider-admin | --municipality KURZNAME --role ROLLE) "
        "[--name NAME] [--personal-data] [--password-env VARIABLE] [--invite]. Ohne Passwort "
        "wird ein Link zum Festlegen ausgegeben (mit --invite auch per E-Mail verschickt)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--email", required=True)
        parser.add_argument("--name", default="")
        where = parser.add_mutually_exclusive_group(required=True)
        where.add_argument("--provider-admin", action="store_true")
        where.add_argument("--municipality", metavar="KURZNAME")
        parser.add_argument(
            "--role",
            choices=[r.value for r in Role if r != Role.PROVIDER_ADMIN],
            help="Rolle in der Kommune",
        )
        parser.add_argument("--personal-data", action="store_true")
        parser.add_argument(
            "--password-env",
            metavar="VARIABLE",
            help="Name der Umgebungsvariablen mit dem Passwort (nie als Argument: es stünde "
            "in der Prozessliste und im Verlauf der Shell).",
        )
        parser.add_argument("--invite", action="store_true", help="Einladung per E-Mail senden")

    def handle(self, *args: Any, **options: Any) -> None:
        municipality = None
        role = Role.PROVIDER_ADMIN
        if options["municipality"]:
            municipality = Municipality.objects.filter(slug=options["municipality"]).first()
            if municipality is None:
                raise CommandError(f"Keine Kommune mit dem Kurznamen „{options['municipality']}“.")
            if not options["role"]:
                raise CommandError("Bitte mit --role die Rolle in der Kommune angeben.")
            role = Role(options["role"])
        password = None
        if options["password_env"]:
            password = os.environ.get(options["password_env"])
            if not password:
                raise CommandError(f"Die Umgebungsvariable {options['password_env']} ist leer.")
        try:
            user, membership = create_user(
                actor=None,
                username=options["username"],
                email=options["email"],
                name=options["name"],
                password=password,
                municipality=municipality,
                role=role,
                can_view_personal_data=options["personal_data"],
            )
        except (MembershipError, ValidationError) as exc:
            messages = exc.messages if isinstance(exc, ValidationError) else [str(exc)]
            raise CommandError("; ".join(messages)) from exc
        where = municipality.name if municipality else "alle Kommunen"
        self.stdout.write(
            self.style.SUCCESS(f"{user.username}: {membership.get_role_display()} ({where}).")
        )
        if is_invited(user):
            if options["invite"]:
                mail.send_invitation(membership, None, settings.WANDELWERK_URL)
                self.stdout.write(f"Einladung an {user.email} verschickt.")
            else:
                link = mail.password_link(user, settings.WANDELWERK_URL)
                self.stdout.write(
                    f"Passwort festlegen (einmal, {settings.PASSWORD_RESET_TIMEOUT // 3600} Stunden gültig): {link}"
                )
