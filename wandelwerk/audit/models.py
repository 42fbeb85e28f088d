"""The audit trail: who changed what, when, in which municipality; and who read personal data."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wandelwerk.tenants.tenancy import TenantManager


class Action(models.TextChoices):
    CREATE = "create", _("angelegt")
    UPDATE = "update", _("geändert")
    DELETE = "delete", _("gelöscht")
    IMPORT = "import", _("importiert")
    VIEW_PERSONAL = "view_personal", _("Personaldaten gelesen")
    TRANSITION = "transition", _("Status geändert")
    LOGIN = "login", _("angemeldet")
    LOGIN_FAILED = "login_failed", _("Anmeldung fehlgeschlagen")
    INVITE = "invite", _("eingeladen")
    PASSWORD_SET = "password_set", _("Passwort gesetzt")
    SECOND_FACTOR_ON = "second_factor_on", _("zweiter Faktor eingerichtet")
    SECOND_FACTOR_OFF = "second_factor_off", _("zweiter Faktor entfernt")


class AuditEvent(models.Model):
    municipality = models.ForeignKey(
        "tenants.Municipality",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Kommune"),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Person"),
    )
    actor_name = models.CharField(_("Person (Name)"), max_length=150, blank=True)
    action = models.CharField(_("Aktion"), max_length=20, choices=Action.choices)
    object_type = models.CharField(_("Objektart"), max_length=100)
    object_id = models.CharField(_("Objekt-ID"), max_length=64, blank=True)
    object_repr = models.CharField(_("Objekt"), max_length=300, blank=True)
    before = models.JSONField(_("vorher"), null=True, blank=True)
    after = models.JSONField(_("nachher"), null=True, blank=True)
    created_at = models.DateTimeField(_("Zeitpunkt"), auto_now_add=True, db_index=True)

    objects = TenantManager["AuditEvent"]()
    unscoped_manager = models.Manager()  # noqa: DJ012

    class Meta:
        verbose_name = _("Protokolleintrag")
        verbose_name_plural = _("Protokolleinträge")
        ordering = ["-created_at", "-id"]
        base_manager_name = "unscoped_manager"
        indexes = [
            models.Index(fields=["municipality", "-created_at"], name="audit_muni_time"),
            # the log's filter lists the kinds of records a municipality's trail holds: read
            # from this index alone instead of every event (a city's imports alone are 10,000)
            models.Index(fields=["municipality", "object_type"], name="audit_muni_type"),
        ]

    def __str__(self) -> str:
        return f"{self.created_at:%d.%m.%Y %H:%M} {self.actor_name} {self.get_action_display()} {self.object_repr}"

    def changes(self) -> list[tuple[str, object, object]]:
        """(field, before, after) for every field that differs."""
        before = self.before or {}
        after = self.after or {}
        keys = sorted(set(before) | set(after))
        return [(k, before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)]
