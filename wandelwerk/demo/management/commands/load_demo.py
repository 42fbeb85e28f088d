from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand

from wandelwerk.accounts.demo import DEMO_PASSWORD, USERS, demo_url
from wandelwerk.demo.build import build_demo


class Command(BaseCommand):
    help = (
        "Legt die Demodaten an (Musterstadt, Beispieldorf, Demo-Konten). Mehrfach ausführbar: "
        "Vorhandenes bleibt unverändert, nichts wird doppelt angelegt."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        start = time.perf_counter()
        self.stdout.write("Demodaten:")
        added = build_demo(self.stdout)
        seconds = time.perf_counter() - start
        if added:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demodaten angelegt: {sum(added.values())} Datensätze neu ({seconds:.1f} s)."
                )
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Die Demodaten waren bereits vollständig vorhanden; nichts wurde neu "
                    f"angelegt ({seconds:.1f} s)."
                )
            )
        self.stdout.write(
            f"Anmeldung unter {demo_url()} mit dem Passwort „{DEMO_PASSWORD}“ (nur Demo) als:"
        )
        for user in USERS:
            self.stdout.write(f"  {user.username:<22} {user.display_name}")
