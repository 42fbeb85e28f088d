"""Use cases of the council report: what it prints, building a file, handing it over to the
council (which archives it unchanged) and deleting a file not handed over."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from wandelwerk.audit.logic import record, save_audited, snapshot
from wandelwerk.audit.models import Action
from wandelwerk.reports import content, document, progress, word
from wandelwerk.reports.models import Format, Kind, ReportFile, ReportSettings
from wandelwerk.tenants.tenancy import require_municipality

FILE_FIELDS_EXCLUDED = ("content",)  # the audit log keeps the checksum, not the bytes


class Archived(Exception):
    """An archived report is kept as it was handed over."""


def save_settings(
    *,
    actor: Any,
    preface: str,
    left_out: list[str],
    scenario: Any,
    progress_first_due: dt.date | None = None,
    progress_every_months: int = 6,
) -> ReportSettings:
    current = content.report_settings()
    before = snapshot(current)
    current.preface = preface.strip()
    current.left_out = [key for key in content.KEYS if key in set(left_out)]
    current.scenario = scenario
    current.progress_first_due = progress_first_due
    current.progress_every_months = progress_every_months
    save_audited(actor=actor, instance=current, before=before)
    return current


def context_of(kind: str, *, today: dt.date | None = None) -> dict[str, Any]:
    """What the current municipality's report of ``kind`` says, from the current data."""
    municipality = require_municipality()
    if kind == Kind.STRATEGY:
        return content.strategy(municipality, today=today)
    if kind == Kind.PROGRESS:
        return progress.progress(municipality, today=today)
    raise ValueError(f"Berichtsart {kind!r} gibt es nicht")


def render(kind: str, fmt: str, *, today: dt.date | None = None) -> tuple[bytes, dict[str, Any]]:
    """The report's bytes in ``fmt`` and the context they were made from."""
    context = context_of(kind, today=today)
    if fmt == Format.PDF:
        return document.pdf(context), context
    if fmt == Format.DOCX:
        return word.docx(context), context
    if fmt == Format.HTML:
        return document.html(context).encode(), context
    raise ValueError(f"Format {fmt!r} gibt es nicht")


@transaction.atomic
def build_file(*, actor: Any, kind: str, fmt: str, today: dt.date | None = None) -> ReportFile:
    """Build the report now and keep the file (with its checksum and the plan it shows)."""
    today = today or timezone.localdate()
    data, context = render(kind, fmt, today=today)
    municipality = context["municipality"]
    plan = context.get("plan")
    stem = "digitalisierungsstrategie" if kind == Kind.STRATEGY else "umsetzungsbericht"
    return keep_file(
        actor=actor,
        kind=kind,
        fmt=fmt,
        title=f"{Kind(kind).label} {municipality.name}, Stand {today:%d.%m.%Y}",
        filename=f"{slugify(f'{stem}-{municipality.name}')}-{today:%Y-%m-%d}.{fmt}",
        data=data,
        plan=plan,
        plan_label=(
            f"{plan.scenario.name}, geplant am {timezone.localtime(plan.created_at):%d.%m.%Y %H:%M}"
            if plan
            else ""
        ),
    )


def keep_file(
    *,
    actor: Any,
    kind: str,
    fmt: str,
    title: str,
    filename: str,
    data: bytes,
    plan: Any,
    plan_label: str,
    **handed_over: Any,
) -> ReportFile:
    """Store a built file with its SHA-256 checksum (and, given ``handed_over_on``,
    ``handed_over_by`` and ``recipient``, straight into the archive), and audit it."""
    report = ReportFile.objects.create(
        kind=kind,
        format=fmt,
        title=title,
        filename=filename,
        content=data,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        plan=plan,
        plan_label=plan_label,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        **handed_over,
    )
    record(
        actor=actor,
        action=Action.CREATE,
        obj=report,
        after=snapshot(report, exclude=FILE_FIELDS_EXCLUDED),
    )
    return report


@transaction.atomic
def hand_over(*, actor: Any, report: ReportFile, on: dt.date, recipient: str) -> ReportFile:
    """Record that ``report`` went to the council: from now on it is archived."""
    locked = ReportFile.objects.select_for_update().get(pk=report.pk)
    if locked.archived:
        raise Archived("Dieser Bericht wurde bereits übergeben und ist archiviert.")
    before = snapshot(locked, exclude=FILE_FIELDS_EXCLUDED)
    locked.handed_over_on = on
    locked.handed_over_by = actor
    locked.recipient = recipient.strip()
    locked.save(update_fields=["handed_over_on", "handed_over_by", "recipient"])
    record(
        actor=actor,
        action=Action.TRANSITION,
        obj=locked,
        before=before,
        after=snapshot(locked, exclude=FILE_FIELDS_EXCLUDED),
    )
    return locked


@transaction.atomic
def delete_file(*, actor: Any, report: ReportFile) -> None:
    """Delete a built file that was not handed over; an archived one stays."""
    if ReportFile.objects.filter(pk=report.pk, handed_over_on__isnull=False).exists():
        raise Archived("Ein übergebener Bericht bleibt im Archiv und kann nicht gelöscht werden.")
    before = snapshot(report, exclude=FILE_FIELDS_EXCLUDED)
    record(actor=actor, action=Action.DELETE, obj=report, before=before)
    report.delete()
