"""Who knows what: topics and the Wissenslandkarte."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from wandelwerk.tenants.tenancy import TenantModel


class Topic(TenantModel):
    """A field of knowledge that is neither a service nor an IT system (e.g. „Vergaberecht“,
    „Haushaltsaufstellung“); it belongs to the unit where the knowledge is needed."""

    name = models.CharField(_("Thema"), max_length=200)
    org_unit = models.ForeignKey(
        "organisation.OrgUnit",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="topics",
        verbose_name=_("Organisationseinheit"),
    )

    class Meta:
        verbose_name = _("Wissensthema")
        verbose_name_plural = _("Wissensthemen")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="topic_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class ExpertiseLevel(models.TextChoices):
    EXPERT = "expert", _("Expertin/Experte")
    COMPETENT = "competent", _("kompetent")
    BASIC = "basic", _("Grundkenntnisse")


class Expertise(TenantModel):
    """Who knows what (Wissenslandkarte): one employee's knowledge of one topic, service or IT
    system, how deep, whether it is written down, and who is to take it over."""

    employee = models.ForeignKey(
        "organisation.Employee",
        on_delete=models.CASCADE,
        related_name="expertise",
        verbose_name=_("Beschäftigte Person"),
    )
    topic = models.ForeignKey(
        Topic, on_delete=models.CASCADE, null=True, blank=True, related_name="expertise",
        verbose_name=_("Thema"),
    )  # fmt: skip
    service = models.ForeignKey(
        "ozg.AdministrativeService", on_delete=models.CASCADE, null=True, blank=True,
        related_name="expertise", verbose_name=_("Leistung"),
    )  # fmt: skip
    it_system = models.ForeignKey(
        "organisation.ITSystem", on_delete=models.CASCADE, null=True, blank=True,
        related_name="expertise", verbose_name=_("IT-Verfahren"),
    )  # fmt: skip
    level = models.CharField(
        _("Kenntnisstand"), max_length=20, choices=ExpertiseLevel.choices,
        default=ExpertiseLevel.COMPETENT,
    )  # fmt: skip
    documented = models.BooleanField(
        _("dokumentiert"),
        default=False,
        help_text=_("Das Wissen ist so aufgeschrieben, dass andere damit arbeiten können."),
    )
    successor = models.ForeignKey(
        "organisation.Employee", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="succession", verbose_name=_("Nachfolge"),
    )  # fmt: skip
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Wissen einer Person")
        verbose_name_plural = _("Wissenslandkarte")
        ordering = ["employee", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(topic__isnull=False, service__isnull=True, it_system__isnull=True)
                    | models.Q(topic__isnull=True, service__isnull=False, it_system__isnull=True)
                    | models.Q(topic__isnull=True, service__isnull=True, it_system__isnull=False)
                ),
                name="expertise_one_subject",
            ),
            *(
                models.UniqueConstraint(
                    fields=["employee", field],
                    condition=models.Q(**{f"{field}__isnull": False}),
                    name=f"expertise_unique_{field}",
                )
                for field in ("topic", "service", "it_system")
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee}: {self.subject}"

    @property
    def subject(self) -> Topic | Any:
        return self.topic or self.service or self.it_system

    @property
    def subject_kind(self) -> str:
        if self.topic_id:
            return str(_("Thema"))
        return str(_("Leistung")) if self.service_id else str(_("IT-Verfahren"))
