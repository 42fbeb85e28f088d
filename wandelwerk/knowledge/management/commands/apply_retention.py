from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from wandelwerk.knowledge.retention import apply_retention, unconfirmed
from wandelwerk.tenants import tenancy
from wandelwerk.tenants.models import Municipality


class Command(BaseCommand):
    help = (
        "Löscht die Daten von Beschäftigten, deren Austritt länger zurückliegt als die "
        "Aufbewahrungsfrist der Kommune (Einstellungen Wissen), samt ihren Einträgen in "
        "Wissenslandkarte und Risikobewertung; protokolliert ohne Personaldaten. Täglich "
        "ausführen (z. B. per cron)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        total = 0
        for municipality in Municipality.objects.order_by("slug"):
            with tenancy.activate(municipality):
                deleted = apply_retention(today=today)
                open_cases = unconfirmed(today)
            if deleted:
                self.stdout.write(f"{municipality.name}: {deleted} Beschäftigte gelöscht")
            if open_cases:
                self.stdout.write(
                    f"{municipality.name}: {open_cases} Beschäftigte über der berechneten "
                    "Altersgrenze ohne eingetragenes Austrittsdatum; bitte im Personalamt prüfen."
                )
            total += deleted
        self.stdout.write(self.style.SUCCESS(f"Aufbewahrungsfristen angewandt: {total} gelöscht."))
