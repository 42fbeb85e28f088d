"""An uploaded import file, kept between preview and confirmation."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wandelwerk.tenants.tenancy import TenantModel


class ImportUpload(TenantModel):
    """An uploaded import file kept between preview and confirmation, so nothing is lost."""

    class Status(models.TextChoices):
        PENDING = "pending", _("zur Prüfung")
        APPLIED = "applied", _("übernommen")
        DISCARDED = "discarded", _("verworfen")

    kind = models.CharField(_("Art"), max_length=40)
    filename = models.CharField(_("Datei"), max_length=255)
    content = models.BinaryField(_("Inhalt"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    # The check made on upload (counts, errors, first rows), shown by the preview without
    # reading the file again; the confirmation checks once more against the data of its moment.
    checked = models.JSONField(_("Prüfung"), null=True, blank=True)
    result = models.JSONField(_("Ergebnis"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Import")
        verbose_name_plural = _("Importe")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.filename} ({self.kind})"
