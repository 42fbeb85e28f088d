"""Import kinds of the organisation inventory: org units, employees, IT systems."""

from __future__ import annotations

from typing import Any

from wandelwerk.audit.logic import snapshot
from wandelwerk.imports.base import Importer, Issue, ParsedRow, Plan
from wandelwerk.imports.bulk import update_rows
from wandelwerk.imports.columns import (
    Column,
    choice,
    code_list,
    fraction,
    german_date,
    integer,
    text,
    yes_no,
)
from wandelwerk.imports.registry import register
from wandelwerk.organisation.models import Employee, EmploymentType, Hosting, ITSystem, OrgUnit


def _changed(obj: Any, values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if getattr(obj, k) != v}


@register
class OrgUnitImporter(Importer):
    kind = "org_units"
    label = "Organisationseinheiten"
    model = OrgUnit
    permission = "organisation.import"
    columns = [
        Column(
            "Kürzel",
            "code",
            text(30),
            required=True,
            help="Eindeutiges Kürzel, z. B. FB3 oder 32.1",
        ),
        Column("Bezeichnung", "name", text(200), required=True),
        Column(
            "Übergeordnete Einheit",
            "parent",
            text(30),
            help="Kürzel der übergeordneten Einheit; leer auf oberster Ebene",
        ),
        Column("Leitung", "head", text(200)),
    ]
    example = [
        ["FB3", "Bürgerdienste und Ordnung", "", "Petra Schmitz"],
        ["3.1", "Bürgerbüro", "FB3", "Jens Weber"],
    ]

    def _parents(self) -> dict[str, str | None]:
        return {u.code: parent_of_existing(u) for u in OrgUnit.objects.select_related("parent")}

    def check(self, rows: list[ParsedRow]) -> list[Issue]:
        issues = self.duplicate_keys(rows, "code", "Kürzel")
        rows = [r for r in rows if r.data.get("code")]
        parent_of = self._parents()
        existing = set(parent_of)
        in_file = {row.data["code"]: row for row in rows}
        for row in rows:
            if "parent" in row.present:
                parent = row.data.get("parent") or None
                if parent is not None and parent not in existing and parent not in in_file:
                    issues.append(
                        Issue(
                            row.line,
                            "Übergeordnete Einheit",
                            f"Die Einheit „{parent}“ gibt es nicht.",
                        )
                    )
                elif parent == row.data["code"]:
                    issues.append(
                        Issue(
                            row.line,
                            "Übergeordnete Einheit",
                            "Eine Einheit kann nicht sich selbst übergeordnet sein.",
                        )
                    )
                parent_of[row.data["code"]] = parent
            else:
                parent_of.setdefault(row.data["code"], None)
        return issues + self._cycles(parent_of, in_file)

    def plan(self, rows: list[ParsedRow]) -> Plan:
        plan = Plan()
        existing = {u.code: u for u in OrgUnit.objects.select_related("parent")}
        new_parents: dict[str, str | None] = {}
        for row in rows:
            code = row.data["code"]
            values: dict[str, Any] = {
                k: (row.data.get(k) or "") for k in ("name", "head") if k in row.present
            }
            unit = existing.get(code)
            parent = (row.data.get("parent") or None) if "parent" in row.present else None
            if unit is None:
                unit = OrgUnit(municipality=self.municipality, code=code, **values)
                plan.created.append(unit)
                if parent:
                    new_parents[code] = parent
                continue
            changed = _changed(unit, values)
            current_parent = parent_of_existing(unit)
            if "parent" in row.present and current_parent != parent:
                new_parents[code] = parent
                changed["parent"] = parent
            if changed:
                before = snapshot(unit) | {"parent": current_parent}
                for key, value in changed.items():
                    if key != "parent":
                        setattr(unit, key, value)
                after = snapshot(unit) | {"parent": changed.get("parent", current_parent)}
                plan.updated.append((unit, before, after))
            else:
                plan.unchanged += 1
        plan.extra["parents"] = new_parents
        return plan

    @staticmethod
    def _cycles(parent_of: dict[str, str | None], in_file: dict[str, ParsedRow]) -> list[Issue]:
        """Every unit of the file that would end up above itself. A unit that merely hangs
        below such a cycle is not reported: the cycle is reported on its own members (one of
        them is always in the file, since the stored tree has no cycle)."""
        issues = []
        for code, row in in_file.items():
            if parent_of.get(code) == code:
                continue  # reported as "its own parent" already
            path = [code]
            seen = {code}
            node = parent_of.get(code)
            while node is not None and node not in seen:
                path.append(node)
                seen.add(node)
                node = parent_of.get(node)
            if node == code:
                chain = " → ".join(f"„{c}“" for c in [*path, code])
                issues.append(
                    Issue(
                        row.line,
                        "Übergeordnete Einheit",
                        f"Zirkelbezug: „{code}“ läge unter sich selbst "
                        f"(Kette der übergeordneten Einheiten: {chain}).",
                    )
                )
        return issues

    def apply(self, plan: Plan, actor: Any) -> None:
        OrgUnit.objects.bulk_create(plan.created)
        by_code = {u.code: u for u in OrgUnit.objects.all()}
        if plan.updated:
            update_rows(OrgUnit, [u for u, _, _ in plan.updated], ["name", "head"])
        to_move = []
        for code, parent in plan.extra["parents"].items():
            unit = by_code[code]
            unit.parent = by_code[parent] if parent else None
            to_move.append(unit)
        if to_move:
            update_rows(OrgUnit, to_move, ["parent"])
        plan.created = [by_code[u.code] for u in plan.created]
        self.record_audit(plan, actor)


def parent_of_existing(unit: OrgUnit) -> str | None:
    return unit.parent.code if unit.parent_id and unit.parent else None


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
            changed = _changed(employee, values)
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
        if plan.created and plan.created[0].pk is None:  # backends without RETURNING ids
            by_number = {
                e.personnel_number: e
                for e in Employee.objects.filter(
                    personnel_number__in=[c.personnel_number for c in plan.created]
                )
            }
            plan.created = [by_number[c.personnel_number] for c in plan.created]
        self.record_audit(plan, actor)


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
            changed = _changed(system, values)
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
