from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from wandelwerk.knowledge.logic import reindex
from wandelwerk.knowledge.models import Article
from wandelwerk.tenants import tenancy
from wandelwerk.tenants.models import Municipality


class Command(BaseCommand):
    help = (
        "Baut den Suchindex der Wissensdatenbank aus den Artikeln neu auf (alle Kommunen), "
        "z. B. nach einer Wiederherstellung auf einer anderen Datenbank."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        total = 0
        for municipality in Municipality.objects.order_by("slug"):
            with tenancy.activate(municipality):
                articles = Article.objects.select_related("published_version").prefetch_related(
                    "org_units", "services"
                )
                batch: list[Article] = []
                for article in articles.iterator(chunk_size=500):
                    batch.append(article)
                    if len(batch) == 500:
                        reindex(batch)
                        batch = []
                reindex(batch)
                total += articles.count()
        self.stdout.write(self.style.SUCCESS(f"{total} Artikel neu indexiert."))
