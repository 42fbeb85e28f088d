"""Long work in the background and its progress."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wandelwerk.tenants.tenancy import TenantModel


class Job(TenantModel):
    """Long work (a planning run, a report, a large import) running in the background, with the
    progress the page shows while it runs."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("wartet")
        RUNNING = "running", _("läuft")
        DONE = "done", _("fertig")
        FAILED = "failed", _("fehlgeschlagen")

    kind = models.CharField(_("Art"), max_length=60)
    title = models.CharField(_("Titel"), max_length=200)
    params = models.JSONField(_("Parameter"), default=dict, blank=True)
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("Fortschritt (%)"), default=0)
    message = models.CharField(_("Meldung"), max_length=300, blank=True)
    result = models.JSONField(_("Ergebnis"), null=True, blank=True)
    interim = models.JSONField(_("Zwischenstand"), null=True, blank=True)
    result_url = models.CharField(_("Ergebnis-Adresse"), max_length=300, blank=True)
    # Asked to end early: a job that can (a planning run) ends and keeps what it has found.
    stop_requested = models.BooleanField(_("Abbruch erbeten"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Hintergrundauftrag")
        verbose_name_plural = _("Hintergrundaufträge")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)


class WorkerBeat(models.Model):
    """A background worker's sign of life, written every few seconds while it runs (not tenant
    data: one row per worker process)."""

    worker_id = models.CharField(max_length=64, unique=True)
    pid = models.PositiveIntegerField(default=0)
    host = models.CharField(max_length=200, blank=True)
    started_at = models.DateTimeField()
    seen_at = models.DateTimeField(db_index=True)
    last_error = models.CharField(max_length=300, blank=True)
    last_error_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Lebenszeichen eines Workers")
        verbose_name_plural = _("Lebenszeichen der Worker")

    def __str__(self) -> str:
        return f"{self.host}:{self.pid}"
