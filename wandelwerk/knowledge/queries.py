"""Reads of the knowledge base (inside the current municipality)."""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from typing import Any

from django.db.models import Case, IntegerField, Prefetch, Q, QuerySet, When

from wandelwerk.core.dates import add_months
from wandelwerk.knowledge import search
from wandelwerk.knowledge.models import (
    Article,
    ArticleVersion,
    Attachment,
    Expertise,
    KnowledgeSettings,
    Topic,
)
from wandelwerk.organisation.exits import employee_exit_date
from wandelwerk.organisation.models import Employee, ITSystem
from wandelwerk.ozg.models import AdministrativeService
from wandelwerk.tenants.tenancy import require_municipality


def knowledge_settings() -> KnowledgeSettings:
    """The municipality's settings, or the defaults (unsaved) while it has none."""
    return KnowledgeSettings.objects.first() or KnowledgeSettings(four_eyes=False)


def articles(*, editor: bool) -> QuerySet[Article]:
    """The articles a user may find: all for editors, the published ones for readers."""
    queryset = Article.objects.select_related("owner", "deputy")
    return queryset if editor else queryset.filter(published_version__isnull=False)


def article_for_page(pk: int, *, editor: bool) -> QuerySet[Article]:
    return (
        articles(editor=editor)
        .filter(pk=pk)
        .select_related("published_version", "submitted_by")
        .prefetch_related(
            "org_units",
            "services",
            "it_systems",
            "measures",
            Prefetch("attachments", queryset=Attachment.objects.select_related("uploaded_by")),
        )
    )


def versions(article: Article) -> QuerySet[ArticleVersion]:
    return article.versions.select_related("author", "approved_by").order_by("-number")


def overdue(today: dt.date) -> QuerySet[Article]:
    """Articles whose review date has passed, oldest first."""
    return (
        Article.objects.filter(next_review__lt=today)
        .select_related("owner", "deputy")
        .prefetch_related("org_units")
        .order_by("next_review", "title", "pk")
    )


def shown_articles(ids: list[int], *, editor: bool) -> dict[int, Article]:
    """``{id: article}`` of those among ``ids`` the user may see, in one query."""
    found = articles(editor=editor).filter(pk__in=ids).defer("body")
    return {article.pk: article for article in found}


def search_scope(
    *, editor: bool, unit: Any = None, service: Any = None, status: str = ""
) -> search.Scope:
    """The articles a search may return, with the page's filters."""
    return search.Scope(
        municipality=require_municipality().pk,
        public_only=not editor,
        unit=unit.pk if unit is not None else None,
        service=service.pk if service is not None else None,
        status=status if editor else "",
    )


def owned_by(user: Any) -> Q:
    return Q(owner=user) | Q(deputy=user)


@dataclass(frozen=True)
class DiffLine:
    kind: str  # "same", "added", "removed", "gap"
    text: str


def diff(old: str, new: str, *, context: int = 2) -> list[DiffLine]:
    """The lines of ``new`` against ``old``: added, removed, and ``context`` unchanged lines
    around each change (longer unchanged stretches shown as a gap)."""
    old_lines, new_lines = old.splitlines(), new.splitlines()
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    lines: list[DiffLine] = []
    for group in matcher.get_grouped_opcodes(context):
        if lines:
            lines.append(DiffLine("gap", "…"))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                lines += [DiffLine("same", line) for line in old_lines[i1:i2]]
                continue
            lines += [DiffLine("removed", line) for line in old_lines[i1:i2]]
            lines += [DiffLine("added", line) for line in new_lines[j1:j2]]
    return lines


@dataclass
class Leaver:
    """A person with an account who owns or deputises articles and leaves soon (or left)."""

    user: Any
    employee: Any
    exit_date: dt.date
    articles: list[Article]

    @property
    def responsible(self) -> Any:
        """Who sees to the hand-over: the head of the unit, or above it when the leaver is
        the head."""
        unit = self.employee.org_unit
        if unit.head_user_id and unit.head_user_id != self.user.pk:
            return unit.head_user
        return unit.parent.head_user if unit.parent else None


def leavers(municipality: Any, today: dt.date, *, months: int = 12) -> list[Leaver]:
    """Owners and deputies of articles whose exit (by the forecast) falls before ``today`` plus
    ``months``, soonest first, each with the articles they still hold. Personal data: only for
    those with the right (the caller audits the read)."""
    horizon = add_months(today, months)
    employees = (
        Employee.objects.filter(user__isnull=False)
        .filter(Q(user__owned_articles__isnull=False) | Q(user__deputised_articles__isnull=False))
        .distinct()
        .select_related(
            "user", "org_unit__head_user", "org_unit__parent__head_user", "age_limit_group"
        )
    )
    found = {}
    for employee in employees:
        exit_date = employee_exit_date(employee, municipality.land)
        if exit_date is not None and exit_date <= horizon:
            found[employee.user_id] = Leaver(employee.user, employee, exit_date, [])
    held = (
        Article.objects.filter(Q(owner_id__in=found) | Q(deputy_id__in=found))
        .select_related("owner", "deputy")
        .order_by("title", "pk")
    )
    for article in held:
        for user_id in {article.owner_id, article.deputy_id} & found.keys():
            found[user_id].articles.append(article)
    return sorted(found.values(), key=lambda leaver: (leaver.exit_date, leaver.user.pk))


KNOWING = ("expert", "competent")


def expertise_rows(*, unit: Any = None, employee: Any = None) -> QuerySet[Expertise]:
    rows = Expertise.objects.select_related(
        "employee__org_unit", "employee__user", "topic", "service", "it_system",
        "successor__user",
    ).order_by("employee__org_unit__code", "topic__name", "service__name", "it_system__name", "pk")  # fmt: skip
    if unit is not None:
        rows = rows.filter(employee__org_unit=unit)
    if employee is not None:
        rows = rows.filter(employee=employee)
    return rows


def subject_key(row: Expertise) -> tuple[str, int]:
    if row.topic_id:
        return ("topic", row.topic_id)
    return ("service", row.service_id) if row.service_id else ("it_system", row.it_system_id or 0)


def single_holders(rows: list[Expertise]) -> set[tuple[int, tuple[str, int]]]:
    """(unit id, subject) pairs that only one person of the unit knows (expert or competent):
    the knowledge the unit loses with that one person."""
    holders: dict[tuple[int, tuple[str, int]], set[int]] = {}
    for row in rows:
        if row.level in KNOWING:
            holders.setdefault((row.employee.org_unit_id, subject_key(row)), set()).add(
                row.employee_id
            )
    return {pair for pair, people in holders.items() if len(people) == 1}


def subjects_matching(query: str) -> dict[str, list[int]]:
    """Ids of topics, services and IT systems whose name contains every word of ``query`` (in
    any German form, word beginnings finding compounds), by kind."""
    terms = search.text.query_terms(query)
    if not terms:
        return {"topic": [], "service": [], "it_system": []}

    def hit(name: str) -> bool:
        stems = [s for w in search.text.WORD.findall(name) if (s := search.text.word_stem(w))]
        return all(any(s.startswith(t) for s in stems) for t in terms)

    sources = {
        "topic": Topic.objects.values_list("pk", "name"),
        "service": AdministrativeService.objects.values_list("pk", "name"),
        "it_system": ITSystem.objects.values_list("pk", "name"),
    }
    return {kind: [pk for pk, name in rows if hit(name)] for kind, rows in sources.items()}


def who_knows(query: str) -> QuerySet[Expertise]:
    """„Wer weiß etwas über …?“: the people who know a subject named like ``query``, the
    deepest knowledge first."""
    ids = subjects_matching(query)
    order = Case(
        *(When(level=level, then=n) for n, level in enumerate(("expert", "competent", "basic"))),
        output_field=IntegerField(),
    )
    return (
        expertise_rows()
        .filter(
            Q(topic__in=ids["topic"])
            | Q(service__in=ids["service"])
            | Q(it_system__in=ids["it_system"])
        )
        .order_by(order, "employee__org_unit__code", "pk")
    )


def orphaned() -> QuerySet[Article]:
    """Articles whose owner is no longer an active member of the municipality (account
    deactivated or access ended): they need a new owner."""
    from wandelwerk.organisation.forms import members

    return (
        Article.objects.exclude(owner__in=members())
        .select_related("owner", "deputy")
        .order_by("title", "pk")
    )
