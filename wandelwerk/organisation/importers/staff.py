"""Importing employees (personal columns only with the personal-data right)."""

from __future__ import annotations

from typing import Any

from wandelwerk.audit.logic import snapshot
from wandelwerk.imports.base import Importer, Issue, ParsedRow, Plan
from wandelwerk.imports.bulk import update_rows
from wandelwerk.imports.columns import (
    Column,
    choice,
    fraction,
    german_date,
    integer,
    text,
    yes_no,
)
from wandelwerk.imports.registry import register
from wandelwerk.organisation import stand
from wandelwerk.organisation.importers.common import changes_of
from wandelwerk.organisation.models import Employee, EmploymentType, OrgUnit


@register
class EmployeeImporter(Importer):
    kind = "employees"
    label = "Beschäftigte"
    model = Employee
    permission = "organisation.import"
    personal_keys = frozenset(Employee.PERSONAL_FIELDS)
    columns = [
        Column("Personalnummer", "personnel_number", text(40), required=True),
        Column(
            "Organisationseinheit", "org_unit", text(30), required=True, help="Kürzel der Einheit"
        ),
        Column("Funktion", "position", text(200)),
        Column(
            "Beschäftigungsart",
            "employment_type",
            choice({"Beamte": EmploymentType.CIVIL_SERVANT, "Tarif": EmploymentType.EMPLOYEE}),
            required=True,
        ),
        Column("Stellenanteil", "fte", fraction, required=True, help="0,5 oder 50 % oder 1"),
        Column("Geburtsjahr", "birth_year", integer(1900, 2100)),
        Column("Geburtsmonat", "birth_month", integer(1, 12)),
        Column("Am Monatsersten geboren", "born_on_first", yes_no, help="ja oder nein"),
        Column(
            "Geplantes Austrittsdatum",
            "planned_exit_date",
            german_date,
            help="TT.MM.JJJJ, darf leer sein",
        ),
        Column(
            "Ende der Amtszeit",
            "term_end",
            german_date,
            help="nur Wahlbeamte, TT.MM.JJJJ, darf leer sein",
        ),
    ]
    example = [
        ["100123", "3.1", "Sachbearbeitung Meldewesen", "Tarif", "0,5", "1963", "4", "nein", ""]
    ]

    FIELDS = ("position", "employment_type", "fte", *Employee.PERSONAL_FIELDS)

    def check(self, rows: list[ParsedRow]) -> list[Issue]:
        issues = self.duplicate_keys(rows, "personnel_number", "Personalnummer")
        units = set(OrgUnit.objects.values_list("code", flat=True))
        for row in rows:
            code = row.data.get("org_unit")
            if code and code not in units:
                issues.append(
                    Issue(row.line, "Organisationseinheit", f"Die Einheit „{code}“ gibt es nicht.")
                )
        return issues

    def plan(self, rows: list[ParsedRow]) -> Plan:
        plan = Plan()
        units = {u.code: u for u in OrgUnit.objects.all()}
        existing = {e.personnel_number: e for e in Employee.objects.all()}
        for row in rows:
            values: dict[str, Any] = {"org_unit_id": units[row.data["org_unit"]].pk}
            for key in self.FIELDS:
                if key in row.present:
                    value = row.data.get(key)
                    if key == "position":
                        value = value or ""
                    if key == "born_on_first":
                        value = bool(value)
                    values[key] = value
            employee = existing.get(row.data["personnel_number"])
            if employee is None:
                plan.created.append(
                    Employee(
                        municipality=self.municipality,
                        personnel_number=row.data["personnel_number"],
                        **values,
                    )
                )
                continue
            changed = changes_of(employee, values)
            if changed:
                plan.extra.setdefault("fields", set()).update(
                    "org_unit" if k == "org_unit_id" else k for k in changed
                )
                before = snapshot(employee)
                for key, value in changed.items():
                    setattr(employee, key, value)
                plan.updated.append((employee, before, snapshot(employee)))
            else:
                plan.unchanged += 1
        return plan

    def apply(self, plan: Plan, actor: Any) -> None:
        Employee.objects.bulk_create(plan.created, batch_size=1000)
        if plan.updated:
            update_rows(Employee, [e for e, _, _ in plan.updated], sorted(plan.extra["fields"]))
            stand.changed([self.municipality.pk])  # the rows were written without the ORM
        if plan.created and plan.created[0].pk is None:  # backends without RETURNING ids
            by_number = {
                e.personnel_number: e
                for e in Employee.objects.filter(
                    personnel_number__in=[c.personnel_number for c in plan.created]
                )
            }
            plan.created = [by_number[c.personnel_number] for c in plan.created]
        self.record_audit(plan, actor)
