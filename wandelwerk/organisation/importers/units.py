"""Importing org units: the tree by parent code, heads by e-mail address or name."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model

from wandelwerk.audit.logic import snapshot
from wandelwerk.imports.base import Importer, Issue, ParsedRow, Plan
from wandelwerk.imports.bulk import update_rows
from wandelwerk.imports.columns import (
    Column,
    text,
)
from wandelwerk.imports.registry import register
from wandelwerk.organisation.importers.common import changes_of
from wandelwerk.organisation.models import OrgUnit


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
        Column(
            "Leitung",
            "head",
            text(200),
            help="E-Mail-Adresse einer Person mit Zugang (dann mit Konto verknüpft) oder Name",
        ),
    ]
    example = [
        ["FB3", "Bürgerdienste und Ordnung", "", "Petra Schmitz"],
        ["3.1", "Bürgerbüro", "FB3", "Jens Weber"],
    ]

    def _parents(self) -> dict[str, str | None]:
        return {u.code: parent_of_existing(u) for u in OrgUnit.objects.select_related("parent")}

    def _members(self) -> dict[str, int]:
        """The e-mail addresses of the people with access to this municipality."""
        people = get_user_model().objects.filter(memberships__municipality=self.municipality)
        return {email.lower(): pk for pk, email in people.values_list("pk", "email") if email}

    def check(self, rows: list[ParsedRow]) -> list[Issue]:
        issues = self.duplicate_keys(rows, "code", "Kürzel")
        members = self._members()
        for row in rows:
            head = (row.data.get("head") or "").strip().lower()
            if "@" in head and head not in members:
                issues.append(
                    Issue(
                        row.line,
                        "Leitung",
                        f"Niemand mit der Adresse „{head}“ hat Zugang zu dieser Kommune; "
                        "bitte zuerst einladen oder den Namen eintragen.",
                    )
                )
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
        members = self._members()
        new_parents: dict[str, str | None] = {}
        for row in rows:
            code = row.data["code"]
            values: dict[str, Any] = {
                k: (row.data.get(k) or "") for k in ("name", "head") if k in row.present
            }
            head = values.get("head", "").strip().lower()
            if "@" in head:  # an account: linked, and the name is no longer needed
                values["head"], values["head_user_id"] = "", members[head]
            unit = existing.get(code)
            parent = (row.data.get("parent") or None) if "parent" in row.present else None
            if unit is None:
                unit = OrgUnit(municipality=self.municipality, code=code, **values)
                plan.created.append(unit)
                if parent:
                    new_parents[code] = parent
                continue
            changed = changes_of(unit, values)
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
            update_rows(OrgUnit, [u for u, _, _ in plan.updated], ["name", "head", "head_user"])
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
