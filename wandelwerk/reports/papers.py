"""The Beschlussvorlage: drafting it from the data, its financial effects per fiscal year from
the proposed scenario's plan, editing until the decision, and recording the committee's decision
(an adopting one freezes the scenario as the baseline and archives the paper with it)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify

from wandelwerk.audit.logic import record, save_audited, snapshot
from wandelwerk.audit.models import Action
from wandelwerk.reports import document, logic
from wandelwerk.reports.content import finance
from wandelwerk.reports.models import ADOPTING, CouncilPaper, Format, Kind
from wandelwerk.roadmap import logic as roadmap_logic
from wandelwerk.roadmap import queries as roadmap
from wandelwerk.roadmap.models import Plan, Scenario
from wandelwerk.tenants.tenancy import require_municipality

FIELDS = ("number", "body", "meeting_on", "subject", "proposal", "facts", "finance_note",
          "scenario", "report")  # fmt: skip


class Decided(Exception):
    """A decided paper is a record of the decision: it is not edited or decided again."""


def plan_of(paper: CouncilPaper) -> Plan | None:
    return roadmap.latest_plan(paper.scenario)


def draft(scenario: Scenario) -> dict[str, Any]:
    """Texts to start from, drawn from the scenario and its plan."""
    municipality = require_municipality()
    plan = roadmap.latest_plan(scenario)
    rows = finance(plan)
    total = sum(r.euro for r in rows)
    years = f"{rows[0].year} bis {rows[-1].year}" if rows else ""
    first = plan.half_years[0].label if plan else ""
    return {
        "subject": f"Digitalisierungsstrategie {municipality.name}: Fahrplan „{scenario.name}“",
        "proposal": (
            f"Der Haupt- und Finanzausschuss beschließt die Digitalisierungsstrategie für "
            f"{municipality.name} mit dem Fahrplan „{scenario.name}“ (Anlage) als Grundlage der "
            f"Umsetzung ab {first}. Die Verwaltung berichtet halbjährlich über den Stand."
        ),
        "facts": (
            "Die Verwaltung hat mit ihrem IT-Dienstleister den Stand der Digitalisierung in allen "
            "Organisationseinheiten erhoben (DigiCheck), daraus Empfehlungen abgeleitet und die "
            "angenommenen Maßnahmen in Halbjahresschritten geplant, Bürger- und "
            "Unternehmensleistungen zuerst. Der beigefügte Bericht stellt Ergebnisse, Szenarien "
            f"und den vorgeschlagenen Fahrplan dar. Er kostet {years} zusammen "
            f"{total:,} €.".replace(",", ".")
        ),
        "scenario": scenario,
    }


def save_paper(*, actor: Any, paper: CouncilPaper | None, values: dict[str, Any]) -> CouncilPaper:
    if paper is not None and CouncilPaper.objects.filter(pk=paper.pk).exclude(result="").exists():
        raise Decided("Die Vorlage ist beschlossen und bleibt, wie sie war.")
    current = paper or CouncilPaper(municipality=require_municipality())
    before = snapshot(current) if paper is not None else None
    for name in FIELDS:
        if name in values:
            setattr(current, name, values[name])
    save_audited(actor=actor, instance=current, before=before)
    return current


def paper_html(paper: CouncilPaper, *, font_base: str = "") -> str:
    plan = plan_of(paper)
    rows = finance(plan)
    context = {"paper": paper, "plan": plan, "finance": rows, "funded": any(r.funded for r in rows),
               "municipality": paper.municipality, "today": timezone.localdate()}  # fmt: skip
    return render_to_string(
        "reports/paper_document.html",
        {**context, "font_base": font_base},
    )


def paper_pdf(paper: CouncilPaper) -> bytes:
    return document.pdf_of(paper_html(paper, font_base=document.font_files()))


@transaction.atomic
def record_decision(
    *, actor: Any, paper: CouncilPaper, decided_on: dt.date, result: str, changes: str
) -> CouncilPaper:
    """Record the committee's decision. Adopted (with or without changes): the scenario becomes
    the baseline, and the paper as decided and its report go to the archive."""
    locked = CouncilPaper.objects.select_for_update().get(pk=paper.pk)
    if locked.decided:
        raise Decided("Für diese Vorlage ist der Beschluss bereits erfasst.")
    if result not in ADOPTING and result not in ("rejected", "deferred"):
        raise ValidationError({"result": "Dieses Ergebnis gibt es nicht."})
    before = snapshot(locked)
    locked.decided_on, locked.result, locked.changes = decided_on, result, changes.strip()
    locked.decision_recorded_by = actor
    if result in ADOPTING:
        scenario = locked.scenario
        if not scenario.is_baseline:
            roadmap_logic.freeze_as_baseline(actor=actor, scenario=scenario)
        if locked.report is not None and not locked.report.archived:
            logic.hand_over(actor=actor, report=locked.report, on=decided_on, recipient=locked.body)
    data = paper_pdf(locked)
    plan = plan_of(locked)
    archived = logic.keep_file(
        actor=actor,
        kind=Kind.PAPER,
        fmt=Format.PDF,
        title=f"Beschlussvorlage {locked.number or ''} {locked.subject}".replace("  ", " ")[:300],
        filename=f"{slugify(f'beschlussvorlage-{locked.subject}')[:80]}-{decided_on:%Y-%m-%d}.pdf",
        data=data,
        plan=plan,
        plan_label=f"{locked.scenario.name}" if plan else "",
        handed_over_on=decided_on,
        handed_over_by=actor,
        recipient=locked.body,
    )
    locked.archived = archived
    locked.save()
    record(actor=actor, action=Action.TRANSITION, obj=locked, before=before, after=snapshot(locked))
    return locked
