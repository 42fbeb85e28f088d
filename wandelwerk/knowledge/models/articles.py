"""The knowledge base: articles with their versions and attachments, and the municipality's
settings for it.

An article's own ``title`` and ``body`` are its working copy; every save of them is kept as an
:class:`ArticleVersion`. Readers see the published version (``published_version``), which only
changes when an editor publishes, or, with the four-eyes rule, when a second person approves.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wandelwerk.tenants.tenancy import TenantModel


class KnowledgeSettings(TenantModel):
    """How a municipality runs its knowledge base (one row per municipality, made on demand)."""

    four_eyes = models.BooleanField(
        _("Vier-Augen-Freigabe"),
        default=False,
        help_text=_(
            "Artikel und ihre Änderungen werden erst sichtbar, wenn eine zweite Person sie "
            "freigibt; wer die Fassung geschrieben oder vorgelegt hat, kann sie nicht freigeben."
        ),
    )
    attrition_months = models.CharField(
        _("Austrittsfaktor: Grenzen in Monaten"),
        max_length=40,
        default="12,24,36,60",
        validators=[
            RegexValidator(
                r"^\d{1,3},\d{1,3},\d{1,3},\d{1,3}$", _("Vier Zahlen, durch Kommas getrennt.")
            )
        ],
        help_text=_(
            "Austritt in höchstens so vielen Monaten ergibt den Faktor 5, 4, 3, 2; später oder "
            "unbekannt: 1 (nach TVA/IAEA)."
        ),
    )
    risk_high = models.PositiveSmallIntegerField(
        _("hohes Risiko ab"), default=16, validators=[MinValueValidator(2), MaxValueValidator(25)]
    )
    risk_medium = models.PositiveSmallIntegerField(
        _("mittleres Risiko ab"),
        default=9,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
    )
    handover_lead_months = models.PositiveSmallIntegerField(
        _("Übergabe abgeschlossen (Monate vor dem Austritt)"),
        default=18,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    retention_months = models.PositiveSmallIntegerField(
        _("Personaldaten löschen (Monate nach dem Austritt)"),
        default=6,
        validators=[MinValueValidator(0), MaxValueValidator(120)],
        help_text=_(
            "So lange nach dem Austritt bleiben Beschäftigtendaten; danach werden sie "
            "anonymisiert (ein geplanter Auftrag, protokolliert)."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Einstellungen Wissen")
        verbose_name_plural = _("Einstellungen Wissen")
        constraints = [
            models.UniqueConstraint(fields=["municipality"], name="knowledgesettings_unique")
        ]

    def __str__(self) -> str:
        return str(_("Einstellungen Wissen"))


class ArticleTemplate(models.TextChoices):
    HANDOVER = "handover", _("Übergabedokument")
    PROCESS = "process", _("Prozessbeschreibung")
    FAQ = "faq", _("FAQ")
    CHECKLIST = "checklist", _("Checkliste")
    FREE = "free", _("freier Artikel")


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    REVIEW = "review", _("zur Freigabe vorgelegt")
    PUBLISHED = "published", _("veröffentlicht")


class Article(TenantModel):
    title = models.CharField(_("Titel"), max_length=200)
    template = models.CharField(
        _("Vorlage"), max_length=20, choices=ArticleTemplate.choices, default=ArticleTemplate.FREE
    )
    body = models.TextField(
        _("Text"), blank=True, help_text=_("Markdown: # Überschrift, **fett**, - Liste, [Link](…)")
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=ArticleStatus.choices, default=ArticleStatus.DRAFT
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="owned_articles",
        verbose_name=_("Verantwortlich"),
    )
    deputy = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deputised_articles",
        verbose_name=_("Vertretung"),
    )
    review_interval_months = models.PositiveSmallIntegerField(
        _("Prüfintervall (Monate)"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("Wie oft die verantwortliche Person prüft, ob der Artikel noch stimmt."),
    )
    next_review = models.DateField(_("nächste Prüfung"))
    last_reviewed = models.DateField(_("zuletzt geprüft"), null=True, blank=True)
    org_units = models.ManyToManyField(
        "organisation.OrgUnit", blank=True, related_name="articles", verbose_name=_("Einheiten")
    )
    services = models.ManyToManyField(
        "ozg.AdministrativeService",
        blank=True,
        related_name="articles",
        verbose_name=_("Leistungen"),
    )
    it_systems = models.ManyToManyField(
        "organisation.ITSystem", blank=True, related_name="articles", verbose_name=_("IT-Verfahren")
    )
    measures = models.ManyToManyField(
        "measures.Measure", blank=True, related_name="articles", verbose_name=_("Maßnahmen")
    )
    published_version = models.ForeignKey(
        "ArticleVersion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Wissensartikel")
        verbose_name_plural = _("Wissensartikel")
        ordering = ["title", "id"]
        indexes = [models.Index(fields=["municipality", "next_review"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:article_detail", args=[self.municipality.slug, self.pk])

    @property
    def is_public(self) -> bool:
        """Readers without editing rights see the article (its published version)."""
        return self.published_version_id is not None


class ArticleVersion(TenantModel):
    """One saved state of an article's text, kept for ever (history and diff)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("Fassung"))
    title = models.CharField(_("Titel"), max_length=200)
    body = models.TextField(_("Text"), blank=True)
    note = models.CharField(_("Änderungsnotiz"), max_length=300, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    published_at = models.DateTimeField(_("veröffentlicht am"), null=True)

    class Meta:
        verbose_name = _("Fassung")
        verbose_name_plural = _("Fassungen")
        ordering = ["article", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="articleversion_unique")
        ]

    def __str__(self) -> str:
        return f"{self.title} (Fassung {self.number})"


def attachment_path(instance: Attachment, filename: str) -> str:
    """Stored under a random name: the original name is kept in the database only."""
    return f"knowledge/{instance.municipality_id}/{uuid.uuid4().hex}"


class Attachment(TenantModel):
    """A file attached to an article, checked like DigiCheck evidence and served only through
    a view that checks membership."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("Datei"), upload_to=attachment_path, max_length=200)
    name = models.CharField(_("Dateiname"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("Größe (Bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Anhang")
        verbose_name_plural = _("Anhänge")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.name
