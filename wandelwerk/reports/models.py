"""The council report: what a municipality chooses to print, and the archive of handed-over
reports, each stored as it was handed over and never changed."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wandelwerk.tenants.tenancy import TenantModel


class Kind(models.TextChoices):
    STRATEGY = "strategy", _("Strategiebericht (Abschlussbericht)")
    PROGRESS = "progress", _("Umsetzungsbericht")
    PAPER = "paper", _("Beschlussvorlage")


class Format(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", _("Word (.docx)")
    HTML = "html", "HTML"


MEDIA_TYPES = {
    Format.PDF: "application/pdf",
    Format.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    Format.HTML: "text/html; charset=utf-8",
}


class ReportSettings(TenantModel):
    """What the municipality's strategy report prints (one row per municipality, made on demand):
    the preface, the sections switched off and the scenario it proposes."""

    preface = models.TextField(
        _("Vorwort"),
        blank=True,
        help_text=_("Erscheint vor der Zusammenfassung; Absätze durch eine Leerzeile trennen."),
    )
    left_out = models.JSONField(_("ausgelassene Abschnitte"), default=list, blank=True)
    scenario = models.ForeignKey(
        "roadmap.Scenario",
        verbose_name=_("vorgeschlagenes Szenario"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Ohne Angabe: die Basis (Ratsbeschluss), sonst das zuletzt geplante Szenario."),
    )
    progress_first_due = models.DateField(
        _("erster Umsetzungsbericht fällig am"),
        null=True,
        blank=True,
        help_text=_("Danach im gewählten Abstand; ohne Angabe gibt es keinen Berichtskalender."),
    )
    progress_every_months = models.PositiveSmallIntegerField(
        _("Umsetzungsbericht alle … Monate"),
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Einstellungen Bericht")
        verbose_name_plural = _("Einstellungen Bericht")
        constraints = [
            models.UniqueConstraint(fields=["municipality"], name="reportsettings_unique")
        ]

    def __str__(self) -> str:
        return str(_("Einstellungen Bericht"))


class ReportFile(TenantModel):
    """A built report: its bytes, their SHA-256 checksum and the plan it shows. Handed over to
    the council (``handed_over_on`` set) it belongs to the archive: it is kept as it is, never
    changed and never deleted."""

    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    format = models.CharField(_("Format"), max_length=10, choices=Format.choices)
    title = models.CharField(_("Titel"), max_length=300)
    filename = models.CharField(_("Dateiname"), max_length=200)
    content = models.BinaryField(_("Inhalt"))
    size = models.PositiveIntegerField(_("Größe (Bytes)"))
    sha256 = models.CharField(_("SHA-256-Prüfsumme"), max_length=64)
    plan = models.ForeignKey(
        "roadmap.Plan",
        verbose_name=_("gezeigter Plan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    plan_label = models.CharField(_("gezeigter Plan (Bezeichnung)"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("erstellt am"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("erstellt von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    handed_over_on = models.DateField(_("übergeben am"), null=True, blank=True)
    handed_over_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("übergeben von"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    recipient = models.CharField(_("übergeben an"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("Berichtsdatei")
        verbose_name_plural = _("Berichtsdateien")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def archived(self) -> bool:
        return self.handed_over_on is not None

    def get_absolute_url(self) -> str:
        return reverse("reports:file", args=[self.municipality.slug, self.pk])

    def intact(self) -> bool:
        """Whether the stored bytes still have the checksum taken when they were made."""
        return hashlib.sha256(bytes(self.content)).hexdigest() == self.sha256


class Result(models.TextChoices):
    ADOPTED = "adopted", _("beschlossen")
    ADOPTED_CHANGED = "adopted_changed", _("mit Änderungen beschlossen")
    REJECTED = "rejected", _("abgelehnt")
    DEFERRED = "deferred", _("vertagt")


ADOPTING = (Result.ADOPTED, Result.ADOPTED_CHANGED)


class CouncilPaper(TenantModel):
    """A Beschlussvorlage: the scenario proposed for adoption, in the usual form of a council
    paper. Editable until the committee's decision is recorded; an adopting decision freezes the
    scenario as the baseline and archives the paper with it."""

    number = models.CharField(_("Drucksachennummer"), max_length=40, blank=True)
    body = models.CharField(_("Gremium"), max_length=200, default="Haupt- und Finanzausschuss")
    meeting_on = models.DateField(_("Sitzung am"), null=True, blank=True)
    subject = models.CharField(_("Betreff"), max_length=300)
    proposal = models.TextField(_("Beschlussvorschlag"))
    facts = models.TextField(_("Sachverhalt und Begründung"))
    finance_note = models.TextField(
        _("Finanzielle Auswirkungen: Erläuterung"),
        blank=True,
        help_text=_("Die Beträge je Haushaltsjahr kommen aus dem Plan des Szenarios."),
    )
    scenario = models.ForeignKey(
        "roadmap.Scenario",
        verbose_name=_("vorgeschlagenes Szenario"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    report = models.ForeignKey(
        ReportFile,
        verbose_name=_("Anlage: Bericht"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_on = models.DateField(_("Beschluss am"), null=True, blank=True)
    result = models.CharField(_("Ergebnis"), max_length=20, choices=Result.choices, blank=True)
    changes = models.TextField(_("Änderungen im Beschluss"), blank=True)
    decision_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Beschluss erfasst von"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    archived = models.ForeignKey(
        ReportFile,
        verbose_name=_("archivierte Fassung"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Beschlussvorlage")
        verbose_name_plural = _("Beschlussvorlagen")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.subject

    @property
    def decided(self) -> bool:
        return bool(self.result)

    def get_absolute_url(self) -> str:
        return reverse("reports:paper", args=[self.municipality.slug, self.pk])
