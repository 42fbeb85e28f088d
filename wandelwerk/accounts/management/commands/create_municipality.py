from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from wandelwerk.accounts.logic import MembershipError, create_municipality


class Command(BaseCommand):
    help = 'Legt eine Kommune an: create_municipality SLUG "NAME" [--ags 05958004] [--land NW] [--population 25000]'

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slug")
        parser.add_argument("name")
        parser.add_argument("--ags", default="")
        parser.add_argument("--land", default="NW")
        parser.add_argument("--population", type=int, default=0)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            municipality = create_municipality(
                actor=None,
                slug=options["slug"],
                name=options["name"],
                ags=options["ags"],
                land=options["land"],
                population=options["population"],
            )
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        except MembershipError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(f"Kommune „{municipality.name}“ angelegt: /k/{municipality.slug}/")
        )
