from __future__ import annotations

import os
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from wandelwerk.accounts import mail
from wandelwerk.accounts.logic import MembershipError
from wandelwerk.accounts.people import Invitation
from wandelwerk.operations.bootstrap import FirstAdmin, bootstrap


class Command(BaseCommand):
    help = (
        "Macht die Installation bereit (mehrfach ausführbar): Datenbank migrieren, OZG-Katalog, "
        "DigiCheck-Fragebögen und Maßnahmenkatalog laden, und gibt es noch keine Administration "
        "des IT-Dienstleisters, diese anlegen (--admin-email oder WANDELWERK_ADMIN_EMAIL; "
        "Passwort nur aus WANDELWERK_ADMIN_PASSWORD, sonst per Einladungslink)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--admin-email", default=os.environ.get("WANDELWERK_ADMIN_EMAIL", ""))
        parser.add_argument(
            "--admin-username", default=os.environ.get("WANDELWERK_ADMIN_USERNAME", "")
        )
        parser.add_argument("--admin-name", default=os.environ.get("WANDELWERK_ADMIN_NAME", ""))
        parser.add_argument(
            "--no-admin",
            action="store_true",
            help="Keine erste Administration anlegen (die Demodaten bringen eigene Konten mit).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        admin = FirstAdmin(
            email=options["admin_email"],
            username=options["admin_username"],
            name=options["admin_name"],
            password=os.environ.get("WANDELWERK_ADMIN_PASSWORD") or None,
        )
        try:
            membership = bootstrap(
                admin=admin,
                say=lambda line: self.stdout.write(f"→ {line}"),
                with_admin=not options["no_admin"],
            )
        except MembershipError as exc:
            raise CommandError(str(exc)) from exc
        if membership is not None and not membership.user.has_usable_password():
            self._invite(membership)
        self.stdout.write(self.style.SUCCESS("Wandelwerk ist bereit."))

    def _invite(self, membership: Any) -> None:
        """Send the first admin the link; print it when no mail can go out."""
        if mail.notify(Invitation(membership, new_account=True), None, settings.WANDELWERK_URL):
            self.stdout.write(f"→ Einladung an {membership.user.email} verschickt")
        else:
            link = mail.password_link(membership.user, settings.WANDELWERK_URL)
            self.stdout.write(f"→ E-Mail nicht verschickt; Passwort hier festlegen: {link}")
