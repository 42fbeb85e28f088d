"""Import kind ``services``: the register from CSV or XLSX, with the foundation's importer."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from wandelwerk.audit.logic import snapshot
from wandelwerk.imports.base import Importer, Issue, ParsedRow, Plan
from wandelwerk.imports.bulk import update_rows
from wandelwerk.imports.columns import Column, choice, integer, text, yes_no
from wandelwerk.imports.registry import register
from wandelwerk.organisation.models import OrgUnit
from wandelwerk.ozg.models import (
    MAX_LEVEL,
    AdministrativeService,
    LeikaEntry,
    MaturityChange,
    MaturityModel,
    OzgService,
    TargetGroup,
)


def leika_key(value: Any) -> str:
    from wandelwerk.imports.columns import CellError

    raw = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value).strip()
    if not (len(raw) == 14 and raw.isdigit()):
        raise CellError(f"„{raw}“: ein LeiKa-Schlüssel hat genau 14 Ziffern.")
    return raw


FIELDS = [
    "name",
    "ozg_service_id",
    "topic_id",
    "life_situation_id",
    "org_unit_id",
    "target_group",
    "cases_per_year",
    "minutes_per_case",
    "maturity_level",
    "target_level",
    "rgm_version",
    "is_own",
    "leika_entry_id",
]


@register
class ServiceImporter(Importer):
    kind = "services"
    label = "Leistungen"
    model = AdministrativeService
    permission = "ozg.import"
    columns = [
        Column(
            "LeiKa-Schlüssel",
            "leika_key",
            leika_key,
            help="14 Ziffern; steht im Katalog oder die Zeile ist als eigene Leistung markiert",
        ),
        Column("OZG-ID", "ozg_id", integer(10000, 99999)),
        Column("Bezeichnung", "name", text(300), required=True),
        Column("Organisationseinheit", "org_unit", text(30), help="Kürzel"),
        Column(
            "Zielgruppe",
            "target_group",
            choice(
                {
                    "Bürger": TargetGroup.CITIZENS,
                    "Unternehmen": TargetGroup.BUSINESSES,
                    "intern": TargetGroup.INTERNAL,
                }
            ),
            help="Bürger, Unternehmen oder intern",
        ),
        Column("Fallzahl pro Jahr", "cases_per_year", integer(0, 10_000_000)),
        Column("Bearbeitungszeit (Minuten)", "minutes_per_case", integer(0, 100_000)),
        Column(
            "Reifegrad",
            "maturity_level",
            integer(0, 7),
            help="0–4 (Modell 1.1) oder 0–7 (Modell 2.0)",
        ),
        Column("Ziel-Reifegrad", "target_level", integer(0, 7)),
        Column(
            "Reifegradmodell",
            "rgm_version",
            choice(
                {"1.1": "1.1", "2.0": "2.0", "1,1": "1.1", "2,0": "2.0", "1": "1.1", "2": "2.0"}
            ),
            help="1.1 oder 2.0",
        ),
        Column(
            "Eigene Leistung", "is_own", yes_no, help="ja: Leistung der Kommune, nicht im Katalog"
        ),
    ]
    example = [
        [
            "99050012104000",
            "10123",
            "Meldebescheinigung Ausstellung",
            "3.1",
            "Bürger",
            "2400",
            "8",
            "2",
            "4",
            "1.1",
            "nein",
        ]
    ]

    def check(self, rows: list[ParsedRow]) -> list[Issue]:
        issues = self.duplicate_keys(rows, "leika_key", "LeiKa-Schlüssel")
        issues += self.duplicate_keys(
            [r for r in rows if not r.data.get("leika_key")], "name", "Bezeichnung"
        )
        keys = {r.data["leika_key"] for r in rows if r.data.get("leika_key")}
        known = set(
            LeikaEntry.objects.filter(leika_key__in=keys).values_list("leika_key", flat=True)
        )
        own_in_register = set(
            AdministrativeService.objects.filter(is_own=True, leika_key__in=keys).values_list(
                "leika_key", flat=True
            )
        )
        units = set(OrgUnit.objects.values_list("code", flat=True))
        ozg_ids = set(OzgService.objects.values_list("ozg_id", flat=True))
        for row in rows:
            data = row.data
            key = data.get("leika_key")
            if key and key not in known and not data.get("is_own") and key not in own_in_register:
                issues.append(
                    Issue(
                        row.line,
                        "LeiKa-Schlüssel",
                        f"„{key}“ steht nicht im Katalog; als eigene Leistung markieren („Eigene Leistung“: ja).",
                    )
                )
            if data.get("org_unit") and data["org_unit"] not in units:
                issues.append(
                    Issue(
                        row.line,
                        "Organisationseinheit",
                        f"Die Einheit „{data['org_unit']}“ gibt es nicht.",
                    )
                )
            if data.get("ozg_id") and data["ozg_id"] not in ozg_ids:
                issues.append(
                    Issue(
                        row.line, "OZG-ID", f"Die OZG-ID {data['ozg_id']} steht nicht im Katalog."
                    )
                )
            version = data.get("rgm_version") or "1.1"
            top = MAX_LEVEL[MaturityModel(version)]
            for key_name, header in (
                ("maturity_level", "Reifegrad"),
                ("target_level", "Ziel-Reifegrad"),
            ):
                level = data.get(key_name)
                if level is not None and level > top:
                    issues.append(
                        Issue(
                            row.line,
                            header,
                            f"Stufe {level} gibt es im Reifegradmodell {version} nicht (0 bis {top}).",
                        )
                    )
        return issues

    def plan(self, rows: list[ParsedRow]) -> Plan:
        plan = Plan()
        units = {u.code: u.pk for u in OrgUnit.objects.all()}
        entries = {
            e.leika_key: e
            for e in LeikaEntry.objects.filter(
                leika_key__in=[r.data.get("leika_key") for r in rows if r.data.get("leika_key")]
            ).select_related("ozg_service")
        }
        ozg = {s.ozg_id: s for s in OzgService.objects.all()}
        by_key = {s.leika_key: s for s in AdministrativeService.objects.exclude(leika_key="")}
        by_name = {s.name: s for s in AdministrativeService.objects.filter(leika_key="")}
        levels: list[tuple[AdministrativeService, int | None]] = []
        for row in rows:
            data = row.data
            values: dict[str, Any] = {"name": data["name"]}
            key = data.get("leika_key") or ""
            entry = entries.get(key)
            ozg_service = (
                ozg.get(data["ozg_id"])
                if data.get("ozg_id")
                else (entry.ozg_service if entry else None)
            )
            if ozg_service is not None:
                values.update(
                    ozg_service_id=ozg_service.ozg_id,
                    topic_id=ozg_service.topic_id,
                    life_situation_id=ozg_service.life_situation_id,
                )
            if entry is not None:
                values["leika_entry_id"] = entry.pk
            for field in (
                "target_group",
                "cases_per_year",
                "minutes_per_case",
                "maturity_level",
                "target_level",
                "rgm_version",
                "is_own",
            ):
                if field in row.present and (
                    data.get(field) is not None or field in ("cases_per_year", "minutes_per_case")
                ):
                    values[field] = data.get(field)
            if "org_unit" in row.present:
                values["org_unit_id"] = (
                    units.get(data["org_unit"]) if data.get("org_unit") else None
                )
            service = by_key.get(key) if key else by_name.get(data["name"])
            if service is None:
                service = AdministrativeService(
                    municipality=self.municipality, leika_key=key, **values
                )
                plan.created.append(service)
                levels.append((service, None))
                continue
            changed = {k: v for k, v in values.items() if getattr(service, k) != v}
            if changed:
                before = snapshot(service)
                old_level = (service.maturity_level, service.rgm_version)
                for k, v in changed.items():
                    setattr(service, k, v)
                plan.updated.append((service, before, snapshot(service)))
                if old_level != (service.maturity_level, service.rgm_version):
                    levels.append((service, old_level[0]))
            else:
                plan.unchanged += 1
        plan.extra["levels"] = levels
        return plan

    def apply(self, plan: Plan, actor: Any) -> None:
        AdministrativeService.objects.bulk_create(plan.created, batch_size=1000)
        if plan.updated:
            update_rows(AdministrativeService, [s for s, _, _ in plan.updated], FIELDS)
        if plan.created and plan.created[0].pk is None:
            saved = {(s.leika_key, s.name): s for s in AdministrativeService.objects.all()}
            mapping = {id(s): saved[(s.leika_key, s.name)] for s in plan.created}
            plan.created = [mapping[id(s)] for s in plan.created]
            plan.extra["levels"] = [
                (mapping.get(id(s), s), prev) for s, prev in plan.extra["levels"]
            ]
        today = timezone.localdate()
        actor_obj = actor if getattr(actor, "is_authenticated", False) else None
        MaturityChange.objects.bulk_create(
            [
                MaturityChange(
                    municipality=self.municipality,
                    service=s,
                    date=today,
                    rgm_version=s.rgm_version,
                    level=s.maturity_level,
                    previous_level=prev,
                    actor=actor_obj,
                )
                for s, prev in plan.extra["levels"]
            ]
        )
        self.record_audit(plan, actor)
