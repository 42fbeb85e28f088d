"""Loading the OZG catalogue shipped in ``wandelwerk/catalogs/ozg/`` (idempotent)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from wandelwerk.ozg.carriers import carrier_of
from wandelwerk.ozg.models import LeikaEntry, LifeSituation, OzgService, Topic

CATALOG_DIR = Path(__file__).resolve().parent.parent / "catalogs" / "ozg"


@dataclass(frozen=True)
class CatalogCounts:
    topics: int
    life_situations: int
    services: int
    entries: int


def _rows(directory: Path, name: str) -> list[dict[str, str]]:
    with (directory / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def counts() -> CatalogCounts:
    return CatalogCounts(
        Topic.objects.count(),
        LifeSituation.objects.count(),
        OzgService.objects.count(),
        LeikaEntry.objects.count(),
    )


def is_loaded() -> bool:
    return LeikaEntry.objects.exists()


@transaction.atomic
def load_catalog(directory: Path = CATALOG_DIR) -> CatalogCounts:
    topics = [
        Topic(id=int(r["themenfeld_id"]), name=r["themenfeld"])
        for r in _rows(directory, "ozg_themenfelder.csv")
    ]
    Topic.objects.bulk_create(
        topics, update_conflicts=True, unique_fields=["id"], update_fields=["name"]
    )
    situations = [
        LifeSituation(
            id=int(r["lebenslage_id"]), name=r["lebenslage"], topic_id=int(r["themenfeld_id"])
        )
        for r in _rows(directory, "ozg_lebenslagen.csv")
    ]
    LifeSituation.objects.bulk_create(
        situations, update_conflicts=True, unique_fields=["id"], update_fields=["name", "topic"]
    )
    services = [
        OzgService(
            ozg_id=int(r["ozg_id"]),
            name=r["ozg_leistung"],
            life_situation_id=int(r["lebenslage_id"]),
            topic_id=int(r["themenfeld_id"]),
        )
        for r in _rows(directory, "ozg_leistungen.csv")
    ]
    OzgService.objects.bulk_create(
        services,
        update_conflicts=True,
        unique_fields=["ozg_id"],
        update_fields=["name", "life_situation", "topic"],
    )

    topic_of = {s.ozg_id: s.topic_id for s in services}
    keyed: list[LeikaEntry] = []
    unkeyed: list[LeikaEntry] = []
    for r in _rows(directory, "leika_leistungen_ozg_zuordnung.csv"):
        ozg_id = int(r["ozg_id"]) if r["ozg_id"] else None
        carrier, source = carrier_of(
            r["leika_typ"], r["bezeichnung"], r["leika_schluessel"], topic_of.get(ozg_id or 0)
        )
        entry = LeikaEntry(
            leika_key=r["leika_schluessel"] or None,
            in_leika=r["im_leika"] == "ja",
            name=r["bezeichnung"],
            leika_type=r["leika_typ"],
            sdg1=r["sdg1"] == "1",
            sdg2=r["sdg2"] == "1",
            laws_short=r["gesetze_kuerzel"],
            laws=r["gesetze"],
            legal_basis=r["rechtsgrundlagen"],
            ozg_service_id=ozg_id,
            carrier=carrier,
            carrier_source=source[:300],
        )
        (keyed if entry.leika_key else unkeyed).append(entry)
    fields = [
        "in_leika",
        "name",
        "leika_type",
        "sdg1",
        "sdg2",
        "laws_short",
        "laws",
        "legal_basis",
        "ozg_service",
        "carrier",
        "carrier_source",
    ]
    LeikaEntry.objects.bulk_create(
        keyed,
        update_conflicts=True,
        unique_fields=["leika_key"],
        update_fields=fields,
        batch_size=1000,
    )
    existing = set(
        LeikaEntry.objects.filter(leika_key__isnull=True).values_list("name", "ozg_service_id")
    )
    LeikaEntry.objects.bulk_create(
        [e for e in unkeyed if (e.name, e.ozg_service_id) not in existing]
    )
    for e in unkeyed:  # the unkeyed ones already there follow a changed assignment too
        LeikaEntry.objects.filter(
            leika_key__isnull=True, name=e.name, ozg_service_id=e.ozg_service_id
        ).exclude(carrier=e.carrier).update(carrier=e.carrier, carrier_source=e.carrier_source)
    return counts()
