"""Use cases of the knowledge base. Each runs in one transaction with its audit row and keeps
the search index in step.

The working copy of an article is edited; every change of its text is kept as a new version.
Readers see the published version. Publishing takes an editor; with the municipality's four-eyes
rule, an editor submits and a second person, who neither wrote nor submitted that version,
approves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from wandelwerk.audit.logic import delete_audited, record, save_audited, snapshot
from wandelwerk.audit.models import Action
from wandelwerk.core.dates import add_months
from wandelwerk.knowledge import markdown, search
from wandelwerk.knowledge.models import (
    Article,
    ArticleStatus,
    ArticleVersion,
    Expertise,
    KnowledgeSettings,
    Topic,
)
from wandelwerk.knowledge.queries import knowledge_settings
from wandelwerk.tenants.tenancy import require_municipality

LINKS = ("org_units", "services", "it_systems", "measures")


class NotAllowed(ValidationError):
    """A step the article's state or the four-eyes rule does not allow; says why, in German."""


def _article_snapshot(article: Article) -> dict[str, Any]:
    data = snapshot(article, exclude=["body"])
    data["body"] = f"{len(article.body)} Zeichen"
    return data


def reindex(articles: Iterable[Article]) -> None:
    """Put what readers see of ``articles`` into the search index: the published version, or
    the working copy of an article never published; with their links for the filters."""
    documents = []
    for article in articles:
        shown = article.published_version
        title, body = (shown.title, shown.body) if shown else (article.title, article.body)
        documents.append(
            search.Document(
                pk=article.pk,
                title=title,
                text=markdown.plain(body),
                municipality=article.municipality_id,
                public=shown is not None,
                status=article.status,
                units=tuple(u.pk for u in article.org_units.all()),
                services=tuple(s.pk for s in article.services.all()),
            )
        )
    search.index(documents)


SETTINGS = (
    "four_eyes",
    "attrition_months",
    "risk_high",
    "risk_medium",
    "handover_lead_months",
    "retention_months",
)


@transaction.atomic
def save_settings(*, actor: Any, **values: Any) -> KnowledgeSettings:
    """Change the municipality's rules (any of ``SETTINGS``); the medium threshold stays below
    the high one."""
    current = knowledge_settings()
    before = snapshot(current) if current.pk else None
    for name, value in values.items():
        if name not in SETTINGS:
            raise ValueError(name)
        setattr(current, name, value)
    if current.risk_medium >= current.risk_high:
        raise ValidationError({"risk_medium": "Mittleres Risiko muss unter hohem Risiko beginnen."})
    save_audited(actor=actor, instance=current, before=before)
    return current


def _new_version(article: Article, *, actor: Any, note: str) -> ArticleVersion:
    last = article.versions.order_by("-number").values_list("number", flat=True).first() or 0
    return ArticleVersion.objects.create(
        municipality=article.municipality,
        article=article,
        number=last + 1,
        title=article.title,
        body=article.body,
        note=note.strip(),
        author=actor if getattr(actor, "is_authenticated", False) else None,
    )


@transaction.atomic
def save_article(
    *,
    actor: Any,
    article: Article | None = None,
    title: str,
    body: str,
    template: str,
    owner: Any,
    deputy: Any = None,
    review_interval_months: int = 12,
    next_review: dt.date | None = None,
    note: str = "",
    links: dict[str, Iterable[Any]] | None = None,
    today: dt.date | None = None,
) -> Article:
    """Create (``article=None``) or update an article. A change of title or text is kept as a
    new version and turns a published or submitted article back into a draft (readers keep
    seeing the published version until the change is published)."""
    today = today or timezone.localdate()
    before = _article_snapshot(article) if article is not None and article.pk else None
    text_changed = article is None or (article.title, article.body) != (title.strip(), body)
    article = article or Article(municipality=require_municipality())
    if deputy is not None and deputy == owner:
        raise ValidationError({"deputy": "Die Vertretung muss eine andere Person sein."})
    article.title, article.body, article.template = title.strip(), body, template
    article.owner, article.deputy = owner, deputy
    article.review_interval_months = review_interval_months
    article.next_review = next_review or add_months(today, review_interval_months)
    if text_changed and before is not None:
        article.status = ArticleStatus.DRAFT
        article.submitted_by = None
    article.full_clean()
    article.save()
    for name, values in (links or {}).items():
        if name not in LINKS:
            raise ValueError(name)
        getattr(article, name).set(values)
    if text_changed:
        _new_version(article, actor=actor, note=note)
    record(
        actor=actor,
        action=Action.CREATE if before is None else Action.UPDATE,
        obj=article,
        before=before,
        after=_article_snapshot(article),
    )
    reindex([article])
    return article


def _save_step(
    actor: Any, article: Article, before: dict[str, Any], fields: list[str], *, index: bool = True
) -> Article:
    """Save a step of the article's life (``fields`` changed) and audit it; ``index`` keeps the
    search index in step where the step changes what it holds (status, published text)."""
    article.save(update_fields=[*fields, "updated_at"])
    record(
        actor=actor,
        action=Action.UPDATE,
        obj=article,
        before=before,
        after=_article_snapshot(article),
    )
    if index:
        reindex([article])
    return article


def _latest(article: Article) -> ArticleVersion:
    version = article.versions.order_by("-number").first()
    assert version is not None  # every article is created with its first version
    return version


@transaction.atomic
def submit(*, actor: Any, article: Article) -> Article:
    """Put the working copy up for approval (four-eyes rule)."""
    if article.status != ArticleStatus.DRAFT:
        raise NotAllowed("Nur ein Entwurf kann zur Freigabe vorgelegt werden.")
    before = _article_snapshot(article)
    article.status, article.submitted_by = ArticleStatus.REVIEW, actor
    return _save_step(actor, article, before, ["status", "submitted_by"])


def publish_refusal(*, actor: Any, article: Article) -> str | None:
    """Why ``actor`` may not publish ``article`` now, or None."""
    if article.status == ArticleStatus.PUBLISHED:
        return "Diese Fassung ist bereits veröffentlicht."
    if not knowledge_settings().four_eyes:
        return None
    if article.status != ArticleStatus.REVIEW:
        return "Mit Vier-Augen-Freigabe muss der Entwurf zuerst zur Freigabe vorgelegt werden."
    latest = _latest(article)
    if actor.pk in (latest.author_id, article.submitted_by_id):
        return (
            "Vier-Augen-Freigabe: Wer die Fassung geschrieben oder vorgelegt hat, kann sie "
            "nicht selbst freigeben."
        )
    return None


@transaction.atomic
def publish(*, actor: Any, article: Article) -> Article:
    """Make the latest version the one readers see (with four eyes: approve it)."""
    refusal = publish_refusal(actor=actor, article=article)
    if refusal:
        raise NotAllowed(refusal)
    before = _article_snapshot(article)
    latest = _latest(article)
    latest.published_at = timezone.now()
    latest.approved_by = actor if knowledge_settings().four_eyes else None
    latest.save(update_fields=["published_at", "approved_by"])
    article.published_version = latest
    article.status, article.submitted_by = ArticleStatus.PUBLISHED, None
    return _save_step(actor, article, before, ["published_version", "status", "submitted_by"])


@transaction.atomic
def send_back(*, actor: Any, article: Article) -> Article:
    """Return a submitted article to its authors as a draft."""
    if article.status != ArticleStatus.REVIEW:
        raise NotAllowed("Nur ein vorgelegter Artikel kann zurückgegeben werden.")
    before = _article_snapshot(article)
    article.status, article.submitted_by = ArticleStatus.DRAFT, None
    return _save_step(actor, article, before, ["status", "submitted_by"])


@transaction.atomic
def confirm_review(*, actor: Any, article: Article, today: dt.date | None = None) -> Article:
    """The article was checked and still holds: the next review moves one interval on."""
    today = today or timezone.localdate()
    before = _article_snapshot(article)
    article.last_reviewed = today
    article.next_review = add_months(today, article.review_interval_months)
    return _save_step(actor, article, before, ["last_reviewed", "next_review"], index=False)


@transaction.atomic
def hand_over(*, actor: Any, articles: Iterable[Article], leaver: Any, successor: Any) -> int:
    """Give ``leaver``'s articles to ``successor``: as owner where the leaver owns them, as
    deputy where the leaver deputises (a successor who already deputises an article they now
    own leaves that deputy place empty). Returns how many articles changed."""
    if successor is None or successor == leaver:
        raise ValidationError({"successor": "Bitte eine andere Person als Nachfolge wählen."})
    changed = 0
    for article in articles:
        before = _article_snapshot(article)
        if article.owner_id == leaver.pk:
            article.owner = successor
            if article.deputy_id == successor.pk:
                article.deputy = None
        elif article.deputy_id == leaver.pk and article.owner_id != successor.pk:
            article.deputy = successor
        elif article.deputy_id == leaver.pk:
            article.deputy = None
        else:
            continue
        _save_step(actor, article, before, ["owner", "deputy"], index=False)
        changed += 1
    return changed


@transaction.atomic
def delete_article(*, actor: Any, article: Article) -> None:
    before = _article_snapshot(article)
    pk = article.pk
    article.delete()  # its versions and attachments go with it; the index row by trigger/cascade
    record(actor=actor, action=Action.DELETE, obj=article, object_id=str(pk), before=before)


@transaction.atomic
def save_expertise(
    *,
    actor: Any,
    expertise: Expertise | None = None,
    employee: Any,
    topic_name: str = "",
    service: Any = None,
    it_system: Any = None,
    level: str,
    documented: bool,
    successor: Any = None,
) -> Expertise:
    """Record what one employee knows of one subject: a topic by name (made on first use, in the
    employee's unit), a service or an IT system; exactly one of them."""
    given = [bool(topic_name.strip()), service is not None, it_system is not None]
    if sum(given) != 1:
        raise ValidationError(
            "Bitte genau eines angeben: ein Thema, eine Leistung oder ein IT-Verfahren."
        )
    if successor is not None and successor == employee:
        raise ValidationError({"successor": "Die Nachfolge muss eine andere Person sein."})
    before = snapshot(expertise) if expertise is not None and expertise.pk else None
    expertise = expertise or Expertise(municipality=require_municipality())
    topic = None
    if topic_name.strip():
        topic, _created = Topic.objects.get_or_create(
            name=topic_name.strip()[:200],
            defaults={"municipality": require_municipality(), "org_unit": employee.org_unit},
        )
    expertise.employee, expertise.topic, expertise.service, expertise.it_system = (
        employee, topic, service, it_system,
    )  # fmt: skip
    expertise.level, expertise.documented, expertise.successor = level, documented, successor
    try:
        with transaction.atomic():
            save_audited(actor=actor, instance=expertise, before=before)
    except IntegrityError as exc:
        raise ValidationError("Diese Person hat zu diesem Gegenstand schon einen Eintrag.") from exc
    return expertise


@transaction.atomic
def delete_expertise(*, actor: Any, expertise: Expertise) -> None:
    delete_audited(
        actor=actor, instance=expertise, in_use_message="Der Eintrag wird noch verwendet."
    )
