"""The council report: what a municipality chooses to print, and the archive of handed-over
reports, each stored as it was handed over and never changed."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wandelwerk.tenants.tenancy import TenantModel


class Kind(models.TextChoices):
    STRATEGY = "strategy", _("Strategiebericht (Abschlussbericht)")
    PROGRESS = "progress", _("Umsetzungsbericht")


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
