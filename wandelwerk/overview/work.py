"""Meine Aufgaben: one person's open work across every municipality they may open.

Answers to give (DigiCheck drafts the person started or whose unit they lead), checks to approve
(in review where they may approve, not their own under the four-eyes rule), measures and
hand-overs they own, knowledge articles of theirs due for review, and progress reports due where
they hand reports over. Each kind is read for all municipalities at once: the page asks the same
number of queries for one municipality or a hundred. Hand-overs show their measure only (unit and
topics), never who leaves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wandelwerk.assessments.models import Assessment, AssessmentStatus
from wandelwerk.knowledge.models import Article, ArticleStatus
from wandelwerk.measures.models import Measure, Source, Status
from wandelwerk.reports.progress import calendars
from wandelwerk.tenants.models import Municipality
from wandelwerk.tenants.queries import get_access, visible_municipalities
from wandelwerk.tenants.roles import CONSULTING_ROLES, EDITING_ROLES

REVIEW_AHEAD = dt.timedelta(days=14)
REPORT_AHEAD = dt.timedelta(days=60)
SOON = dt.timedelta(days=7)  # what a reminder counts as due
OPEN = (Status.ACCEPTED, Status.PLANNED, Status.IN_PROGRESS, Status.DELAYED)

KINDS = {
    "answer": _("Antworten geben"),
    "approve": _("DigiChecks prüfen und freigeben"),
    "measure": _("Meine Maßnahmen"),
    "handover": _("Meine Übergaben"),
    "review": _("Wissensartikel prüfen"),
    "report": _("Umsetzungsberichte"),
}


@dataclass(frozen=True)
class Item:
    kind: str
    title: str
    municipality: str
    url: str
    due: dt.date | None = None
    note: str = ""
    overdue: bool = False


@dataclass
class Work:
    today: dt.date
    items: dict[str, list[Item]] = field(default_factory=lambda: {k: [] for k in KINDS})

    @property
    def groups(self) -> list[tuple[str, Any, list[Item]]]:
        return [(kind, label, self.items[kind]) for kind, label in KINDS.items()]

    @property
    def total(self) -> int:
        return sum(len(items) for items in self.items.values())

    def due_soon(self) -> list[Item]:
        """What a reminder lists: checks waiting for the person, and anything overdue or due
        within a week."""
        limit = self.today + SOON
        return [
            item
            for items in self.items.values()
            for item in items
            if item.kind in ("answer", "approve") or (item.due is not None and item.due <= limit)
        ]


def _where(user: Any) -> tuple[dict[int, Municipality], set[int], set[int]]:
    """The municipalities the person may open, and those where they edit and approve."""
    places = {m.pk: m for m in visible_municipalities(user).only("pk", "slug", "name")}
    edit, consult = set(), set()
    for mid, municipality in places.items():
        access = get_access(user, municipality)
        if access is not None and access.role in EDITING_ROLES:
            edit.add(mid)
        if access is not None and access.role in CONSULTING_ROLES:
            consult.add(mid)
    return places, edit, consult


def my_work(user: Any, today: dt.date) -> Work:
    work = Work(today)
    places, edit, consult = _where(user)

    def add(kind: str, mid: int, title: str, url: str, **extra: Any) -> None:
        due = extra.get("due")
        overdue = due is not None and due < today
        work.items[kind].append(Item(kind, title, places[mid].name, url, overdue=overdue, **extra))

    checks = (
        Assessment.objects.unscoped()
        .filter(municipality_id__in=edit | consult)
        .filter(
            Q(status=AssessmentStatus.DRAFT, municipality_id__in=edit)
            & (Q(created_by=user) | Q(org_unit__head_user=user))
            | Q(status=AssessmentStatus.IN_REVIEW, municipality_id__in=consult)
        )
        .select_related("org_unit", "municipality")
        .order_by("date", "pk")
    )
    for check in checks:
        slug = places[check.municipality_id].slug
        url = reverse("assessments:detail", args=[slug, check.pk])
        if check.status == AssessmentStatus.DRAFT:
            add("answer", check.municipality_id, str(check), url, note=str(_("Entwurf")))
        elif not (check.municipality.check_four_eyes and check.submitted_by_id == user.pk):
            add("approve", check.municipality_id, str(check), url, note=str(_("in Prüfung")))
    measures = (
        Measure.objects.unscoped()
        .filter(owner=user, municipality_id__in=list(places), status__in=OPEN)
        .select_related("org_unit")
        .order_by("deadline", "title", "pk")
    )
    for m in measures:
        kind = "handover" if m.source == Source.HANDOVER else "measure"
        url = reverse("measures:measure_detail", args=[places[m.municipality_id].slug, m.pk])
        add(kind, m.municipality_id, str(m), url, due=m.deadline, note=m.get_status_display())
    articles = (
        Article.objects.unscoped()
        .filter(
            owner=user,
            municipality_id__in=list(places),
            status=ArticleStatus.PUBLISHED,
            next_review__lte=today + REVIEW_AHEAD,
        )
        .order_by("next_review", "pk")
        .only("pk", "title", "municipality_id", "next_review")
    )
    for article in articles:
        slug = places[article.municipality_id].slug
        url = reverse("knowledge:article_detail", args=[slug, article.pk])
        add("review", article.municipality_id, article.title, url, due=article.next_review)
    for mid, calendar in sorted(calendars(sorted(consult), today).items()):
        due = calendar.overdue or calendar.next_due
        if due is not None and due <= today + REPORT_AHEAD:
            url = reverse("reports:index", args=[places[mid].slug])
            add("report", mid, str(_("Umsetzungsbericht")), url, due=due)
    return work
