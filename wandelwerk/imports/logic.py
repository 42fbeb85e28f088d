"""Running an import: validate every row, then write all of it in one transaction, or nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.formats import localize

from wandelwerk.audit.logic import record
from wandelwerk.audit.models import Action
from wandelwerk.imports.base import Importer, Issue, Plan
from wandelwerk.imports.reader import MAX_ROWS, UnreadableFile, read_table
from wandelwerk.imports.registry import get_importer
from wandelwerk.tenants import tenancy


@dataclass
class ImportResult:
    kind: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    issues: list[Issue] = field(default_factory=list)
    applied: bool = False
    preview: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.issues

    def as_record(self) -> dict[str, Any]:
        """What the preview shows, to keep with the upload: the file is read once."""
        return {
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "issues": [[i.line, i.column, i.message] for i in self.issues],
            "preview": [
                {h: "" if v is None else str(localize(v)) for h, v in row.items()}
                for row in self.preview
            ],
        }

    @classmethod
    def from_record(cls, kind: str, record: dict[str, Any]) -> ImportResult:
        return cls(
            kind=kind,
            rows=record.get("rows", 0),
            created=record.get("created", 0),
            updated=record.get("updated", 0),
            unchanged=record.get("unchanged", 0),
            issues=[Issue(*issue) for issue in record.get("issues", [])],
            preview=record.get("preview", []),
        )

    def report(self) -> str:
        """The error report as text, one line per error (for the command line)."""
        lines = []
        for issue in self.issues:
            if issue.line and issue.column:
                lines.append(f"Zeile {issue.line}, Spalte „{issue.column}“: {issue.message}")
            elif issue.line:
                lines.append(f"Zeile {issue.line}: {issue.message}")
            else:
                lines.append(issue.message)
        return "\n".join(lines)


def check_import(
    *, kind: str, data: bytes, filename: str, municipality: Any, allow_personal: bool
) -> tuple[ImportResult, Plan | None, Importer]:
    """Read and validate a file against the current database; writes nothing."""
    importer = get_importer(kind)(municipality, allow_personal=allow_personal)
    result = ImportResult(kind=kind)
    try:
        table = read_table(data, filename, max_rows=getattr(settings, "IMPORT_MAX_ROWS", MAX_ROWS))
    except UnreadableFile as exc:
        result.issues.append(Issue(0, "", str(exc)))
        return result, None, importer
    result.rows = len(table.rows)
    result.preview = [row.values for row in table.rows[:50]]
    with tenancy.activate(municipality):
        rows, issues = importer.parse(table)
        if rows:
            issues += importer.check(rows)
        if issues:
            result.issues = sorted(set(issues))
            return result, None, importer
        plan = importer.plan(rows)
    result.created, result.updated, result.unchanged = (
        len(plan.created),
        len(plan.updated),
        plan.unchanged,
    )
    return result, plan, importer


def apply_import(
    *,
    actor: Any,
    importer: Importer,
    plan: Plan,
    result: ImportResult,
    filename: str,
) -> None:
    """Write a checked plan and its audit events, plus one event for the import itself.

    Call inside ``transaction.atomic()`` right after ``check_import`` (``run_import`` does).
    A plan without changes writes nothing at all, not even the import's event.
    """
    if not plan.changes:
        return
    municipality = importer.municipality
    with tenancy.activate(municipality):
        importer.apply(plan, actor)
        record(
            actor=actor,
            action=Action.IMPORT,
            object_type=importer.model._meta.label,
            object_repr=f"Import {importer.label}: {filename}",
            municipality=municipality,
            after={
                "file": filename,
                "rows": result.rows,
                "created": result.created,
                "updated": result.updated,
                "unchanged": result.unchanged,
            },
        )


def run_import(
    *,
    actor: Any,
    kind: str,
    data: bytes,
    filename: str,
    municipality: Any,
    allow_personal: bool,
    dry_run: bool = False,
) -> ImportResult:
    """Validate and, when every row is right and ``dry_run`` is off, write all rows at once."""
    try:
        with transaction.atomic():
            result, plan, importer = check_import(
                kind=kind,
                data=data,
                filename=filename,
                municipality=municipality,
                allow_personal=allow_personal,
            )
            if plan is None or dry_run:
                return result
            apply_import(
                actor=actor, importer=importer, plan=plan, result=result, filename=filename
            )
            result.applied = True
            return result
    except IntegrityError:
        # Someone else wrote the same keys between our check and our write; nothing was
        # written (the transaction rolled back), and the user may simply try again.
        result = ImportResult(kind=kind)
        result.issues.append(
            Issue(
                0,
                "",
                "Die Daten wurden gleichzeitig an anderer Stelle geändert. Es wurde nichts "
                "übernommen; bitte den Import noch einmal starten.",
            )
        )
        return result
