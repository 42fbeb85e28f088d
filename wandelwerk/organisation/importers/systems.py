"""Importing IT systems with the units that use them."""

from __future__ import annotations

from typing import Any

from wandelwerk.audit.logic import snapshot
from wandelwerk.imports.base import Importer, Issue, ParsedRow, Plan
from wandelwerk.imports.bulk import update_rows
from wandelwerk.imports.columns import (
    Column,
    choice,
    code_list,
    german_date,
    text,
)
from wandelwerk.imports.registry import register
from wandelwerk.organisation.importers.common import changes_of
from wandelwerk.organisation.models import Hosting, ITSystem, OrgUnit


@register
class ITSystemImporter(Importer):
    kind = "it_systems"
    label = "IT-Verfahren"
    model = ITSystem
    permission = "organisation.import"
    columns = [
        Column("Bezeichnung", "name", text(200), required=True),
        Column("Hersteller", "vendor", text(200)),
        Column(
            "Organisationseinheiten", "org_units", code_list, help="Kürzel, durch Komma getrennt"
        ),
        Column(
            "Betrieb",
            "hosting",
            choice(
                {
                    "lokal": Hosting.LOCAL,
                    "Rechenzentrum": Hosting.DATA_CENTRE,
                    "Cloud": Hosting.CLOUD,
                }
            ),
            help="lokal, Rechenzentrum oder Cloud",
        ),
        Column("Supportende", "end_of_support", german_date, help="TT.MM.JJJJ, darf leer sein"),
    ]
    example = [
        [
            "Einwohnermeldeverfahren",
            "Kommunalsoftware GmbH",
            "3.1,3.2",
            "Rechenzentrum",
            "31.12.2027",
        ]
    ]

    def check(self, rows: list[ParsedRow]) -> list[Issue]:
        issues = self.duplicate_keys(rows, "name", "Bezeichnung")
        units = set(OrgUnit.objects.values_list("code", flat=True))
        for row in rows:
            for code in row.data.get("org_units") or []:
                if code not in units:
                    issues.append(
                        Issue(
                            row.line,
                            "Organisationseinheiten",
                            f"Die Einheit „{code}“ gibt es nicht.",
                        )
                    )
        return issues

    def plan(self, rows: list[ParsedRow]) -> Plan:
        plan = Plan()
        units = {u.code: u.pk for u in OrgUnit.objects.all()}
        existing = {s.name: s for s in ITSystem.objects.prefetch_related("org_units")}
        links: dict[str, set[int]] = {}
        for row in rows:
            values: dict[str, Any] = {}
            if "vendor" in row.present:
                values["vendor"] = row.data.get("vendor") or ""
            if "hosting" in row.present and row.data.get("hosting"):
                values["hosting"] = row.data["hosting"]
            if "end_of_support" in row.present:
                values["end_of_support"] = row.data.get("end_of_support")
            name = row.data["name"]
            wanted = (
                {units[c] for c in row.data.get("org_units") or []}
                if "org_units" in row.present
                else None
            )
            system = existing.get(name)
            if system is None:
                plan.created.append(ITSystem(municipality=self.municipality, name=name, **values))
                if wanted:
                    links[name] = wanted
                continue
            changed = changes_of(system, values)
            current = {u.pk for u in system.org_units.all()}
            if wanted is not None and wanted != current:
                links[name] = wanted
                changed["org_units"] = sorted(wanted)
            if changed:
                before = snapshot(system)
                before["org_units"] = sorted(current)
                for key, value in changed.items():
                    if key != "org_units":
                        setattr(system, key, value)
                after = snapshot(system)
                after["org_units"] = sorted(wanted if wanted is not None else current)
                plan.updated.append((system, before, after))
            else:
                plan.unchanged += 1
        plan.extra["links"] = links
        return plan

    def apply(self, plan: Plan, actor: Any) -> None:
        ITSystem.objects.bulk_create(plan.created)
        if plan.updated:
            update_rows(
                ITSystem, [s for s, _, _ in plan.updated], ["vendor", "hosting", "end_of_support"]
            )
        by_name = {s.name: s for s in ITSystem.objects.all()}
        through = ITSystem.org_units.through
        links: dict[str, set[int]] = plan.extra["links"]
        ids = [by_name[name].pk for name in links]
        through.objects.filter(itsystem_id__in=ids).delete()
        through.objects.bulk_create(
            [
                through(itsystem_id=by_name[name].pk, orgunit_id=unit)
                for name, units in links.items()
                for unit in sorted(units)
            ]
        )
        plan.created = [by_name[s.name] for s in plan.created]
        self.record_audit(plan, actor)
