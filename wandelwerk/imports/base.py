"""The importer interface and the shared validation of cells."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from django.db import models

from wandelwerk.audit.logic import build_event, record_many, snapshot
from wandelwerk.audit.models import Action
from wandelwerk.imports.columns import CellError, Column, is_blank
from wandelwerk.imports.reader import Table


@dataclass(frozen=True, order=True)
class Issue:
    """One error, by line (0: the file as a whole) and column header."""

    line: int
    column: str
    message: str


@dataclass
class ParsedRow:
    line: int
    data: dict[str, Any]
    present: set[str]  # keys whose column exists in the file


@dataclass
class Plan:
    """What an import would do: new and changed objects, and their audit events."""

    created: list[Any] = field(default_factory=list)
    updated: list[tuple[Any, dict[str, Any], dict[str, Any]]] = field(
        default_factory=list
    )  # obj, before, after
    unchanged: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def changes(self) -> int:
        return len(self.created) + len(self.updated)


class Importer:
    """One kind of import. Subclasses set the columns and implement ``plan`` and ``apply``."""

    do_not_call_in_templates = True  # templates receive the class itself
    kind: ClassVar[str]
    label: ClassVar[str]
    model: ClassVar[type[models.Model]]
    columns: ClassVar[list[Column]]
    permission: ClassVar[str]
    personal_permission: ClassVar[str] = "organisation.change_personal_data"
    # Columns whose values only users with the personal-data permission may import.
    personal_keys: ClassVar[frozenset[str]] = frozenset()
    example: ClassVar[list[list[str]]] = []

    def __init__(self, municipality: Any, *, allow_personal: bool = True) -> None:
        self.municipality = municipality
        self.allow_personal = allow_personal

    # Step 1: cells ---------------------------------------------------------------------------
    def parse(self, table: Table) -> tuple[list[ParsedRow], list[Issue]]:
        """Parse every cell. Header problems are reported together with the cell errors of the
        columns that are there, so one upload shows every error at once."""
        issues = self.check_headers(table.headers)
        if not table.rows:
            return [], [*issues, Issue(0, "", "Die Datei enthält keine Datenzeilen.")]
        present_headers = set(table.headers)
        columns = [c for c in self.columns if c.header in present_headers]
        if not self.allow_personal:
            # Without the personal-data permission, personal columns are never written: a
            # filled cell is an error, an empty one is ignored (it must not clear stored data).
            personal = [c for c in columns if c.key in self.personal_keys]
            columns = [c for c in columns if c.key not in self.personal_keys]
        else:
            personal = []
        rows: list[ParsedRow] = []
        for row in table.rows:
            data: dict[str, Any] = {}
            if row.stray:
                positions = ", ".join(str(p) for p in row.stray)
                where = (
                    f"Ein Wert in Spalte Nr. {positions}, die keine Überschrift hat."
                    if len(row.stray) == 1
                    else f"Werte in den Spalten Nr. {positions}, die keine Überschrift haben."
                )
                issues.append(
                    Issue(
                        row.line,
                        "",
                        f"{where} Steht ein Trennzeichen in einem Wert ohne Anführungszeichen?",
                    )
                )
            for column in personal:
                if not is_blank(row.values.get(column.header)):
                    issues.append(
                        Issue(
                            row.line,
                            column.header,
                            "Personaldaten dürfen nur mit dem Recht auf Personaldaten "
                            "importiert werden. Lassen Sie die Spalte leer oder entfernen Sie sie.",
                        )
                    )
            for column in columns:
                value = row.values.get(column.header)
                if is_blank(value):
                    if column.required:
                        issues.append(Issue(row.line, column.header, "Pflichtangabe fehlt."))
                    data[column.key] = None
                    continue
                try:
                    data[column.key] = column.parse(value)
                except CellError as exc:
                    issues.append(Issue(row.line, column.header, str(exc)))
            rows.append(ParsedRow(row.line, data, {c.key for c in columns}))
        return rows, issues

    def check_headers(self, headers: list[str]) -> list[Issue]:
        issues: list[Issue] = []
        known = {c.header for c in self.columns}
        seen: set[str] = set()
        for header in headers:
            if not header:
                continue
            if header not in known:
                issues.append(
                    Issue(
                        1,
                        header,
                        f"Unbekannte Spalte „{header}“. Erlaubt: {', '.join(sorted(known))}.",
                    )
                )
            elif header in seen:
                issues.append(Issue(1, header, f"Die Spalte „{header}“ steht mehrfach im Kopf."))
            seen.add(header)
        for column in self.columns:
            if column.required and column.header not in seen:
                issues.append(Issue(1, column.header, f"Pflichtspalte „{column.header}“ fehlt."))
        return issues

    @staticmethod
    def duplicate_keys(rows: Iterable[ParsedRow], key: str, header: str) -> list[Issue]:
        seen: dict[Any, int] = {}
        issues = []
        for row in rows:
            value = row.data.get(key)
            if value in (None, ""):
                continue
            if value in seen:
                issues.append(
                    Issue(row.line, header, f"„{value}“ steht schon in Zeile {seen[value]}.")
                )
            else:
                seen[value] = row.line
        return issues

    # Step 2 and 3: rules across rows and the database, then writing -----------------------
    def check(self, rows: list[ParsedRow]) -> list[Issue]:
        """Rules across rows and against the database. Runs on every row, also rows with bad
        cells (their values are None), so that the report lists every error at once."""
        raise NotImplementedError

    def plan(self, rows: list[ParsedRow]) -> Plan:
        """What writing would do; called only when there is no error at all."""
        raise NotImplementedError

    def apply(self, plan: Plan, actor: Any) -> None:
        """Write the plan (bulk operations only) and its audit events (``record_audit``)."""
        raise NotImplementedError

    def record_audit(self, plan: Plan, actor: Any) -> None:
        """One audit event per created and per updated object, written in one bulk insert.

        Call at the end of ``apply``, when created objects have their primary keys. The
        municipality is passed on, so building an event reads no related row.
        """
        events = [
            build_event(
                actor=actor,
                action=Action.CREATE,
                obj=obj,
                after=snapshot(obj),
                municipality=self.municipality,
            )
            for obj in plan.created
        ]
        events += [
            build_event(
                actor=actor,
                action=Action.UPDATE,
                obj=obj,
                before=before,
                after=after,
                municipality=self.municipality,
            )
            for obj, before, after in plan.updated
        ]
        record_many(events)
