from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand

from wandelwerk.core.demo import build_demo
from wandelwerk.core.demo.organisation import DEMO_PASSWORD, USERS


class Command(BaseCommand):
    help = "Legt die Demodaten an (Musterstadt, Beispieldorf, Demo-Konten). Mehrfach ausführbar: nichts wird doppelt angelegt."

    def handle(self, *args: Any, **options: Any) -> None:
        start = time.perf_counter()
        self.stdout.write("Demodaten:")
        build_demo(self.stdout)
        self.stdout.write(
            self.style.SUCCESS(f"Demodaten bereit ({time.perf_counter() - start:.1f} s).")
        )
        self.stdout.write(
            f"Anmeldung unter http://127.0.0.1:8000/ mit dem Passwort „{DEMO_PASSWORD}“ (nur Demo) als:"
        )
        for username, display, _slug, _role, _personal in USERS:
            self.stdout.write(f"  {username:<22} {display}")
