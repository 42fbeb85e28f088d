"""DigiCheck: frameworks (versioned questionnaires, for every municipality) and assessments."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wandelwerk.tenants.tenancy import TenantModel

AREA_KEYS = ["change", "knowledge", "process", "digital"]


class FrameworkStatus(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    PUBLISHED = "published", _("veröffentlicht")


class Framework(models.Model):
    """A questionnaire in one version. Published versions never change; a provider adapts one by
    copying it into a draft, editing the draft and publishing it under a new key or version."""

    key = models.SlugField(_("Schlüssel"), max_length=80)
    name = models.CharField(_("Name"), max_length=200)
    version = models.CharField(_("Version"), max_length=20)
    description = models.TextField(_("Beschreibung"), blank=True)
    scale = models.JSONField(_("Antwortskala"), default=list)
    source = models.CharField(_("Datei"), max_length=200, blank=True)
    checksum = models.CharField(max_length=64, blank=True)
    status = models.CharField(
        _("Status"),
        max_length=20,
        choices=FrameworkStatus.choices,
        default=FrameworkStatus.PUBLISHED,
    )
    based_on = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="copies",
        verbose_name=_("kopiert aus"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Fragebogen")
        verbose_name_plural = _("Fragebögen")
        ordering = ["name", "version"]
        constraints = [
            models.UniqueConstraint(fields=["key", "version"], name="framework_unique_version")
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.version}"

    @property
    def is_draft(self) -> bool:
        return self.status == FrameworkStatus.DRAFT

    def questions_in_order(self) -> models.QuerySet[Question]:
        """Every question in the order the workshop asks them."""
        return (
            Question.objects.filter(criterion__area__framework=self)
            .select_related("criterion__area")
            .order_by("order")
        )


class Area(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="areas")
    key = models.CharField(_("Schlüssel"), max_length=20)
    name = models.CharField(_("Handlungsfeld"), max_length=100)
    description = models.TextField(blank=True)
    weight = models.PositiveSmallIntegerField(default=1)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return self.name


class Criterion(models.Model):
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="criteria")
    key = models.CharField(max_length=20)
    name = models.CharField(_("Kriterium"), max_length=200)
    weight = models.PositiveSmallIntegerField(default=1)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return self.name


class AskedOf(models.TextChoices):
    ALL = "all", _("ganze Verwaltung und Einheiten")
    ADMINISTRATION = "administration", _("nur ganze Verwaltung")
    UNITS = "units", _("nur Organisationseinheiten")


class Question(models.Model):
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="questions")
    key = models.CharField(_("Schlüssel"), max_length=20)
    text = models.TextField(_("Frage"))
    help = models.TextField(_("Hinweis für die Moderation"), blank=True)
    weight = models.PositiveSmallIntegerField(default=1)
    asked_of = models.CharField(
        _("Gefragt für"), max_length=20, choices=AskedOf.choices, default=AskedOf.ALL
    )
    applies_to = models.CharField(max_length=20, default="all")
    min_staff = models.PositiveSmallIntegerField(
        _("ab Beschäftigten"),
        default=0,
        help_text=_("Für kleinere Einheiten wird die Frage nicht gestellt (0: immer)."),
    )
    levels = models.JSONField(_("Stufen"), default=dict)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return f"{self.key}: {self.text}"


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    IN_REVIEW = "in_review", _("in Prüfung")
    APPROVED = "approved", _("freigegeben")


class AssessmentLocked(ValueError):
    """The DigiCheck is approved: its answers, targets and evidence no longer change."""


class Assessment(TenantModel):
    framework = models.ForeignKey(
        Framework, on_delete=models.PROTECT, related_name="+", verbose_name=_("Fragebogen")
    )
    org_unit = models.ForeignKey(
        "organisation.OrgUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assessments",
        verbose_name=_("Organisationseinheit"),
        help_text=_("Leer: die ganze Verwaltung."),
    )
    date = models.DateField(_("Datum"))
    participants = models.TextField(_("Teilnehmende"), blank=True)
    status = models.CharField(
        _("Status"), max_length=20, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT
    )
    approved_at = models.DateTimeField(_("freigegeben am"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("zur Prüfung gegeben von"),
    )
    # Questions of the framework this check does not ask (key → why), fixed when it is created:
    # the unit's traits may change later, the check stays as it was asked.
    not_asked = models.JSONField(_("nicht gestellte Fragen"), default=dict, blank=True)
    # Its scores as approved ({"criteria", "areas", "overall", "answered", "total"}): computed
    # once, when it is approved; empty while it is a draft or in review.
    scores = models.JSONField(_("Bewertung"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("DigiCheck")
        verbose_name_plural = _("DigiChecks")
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        where = (
            self.org_unit.name if self.org_unit_id and self.org_unit else str(_("ganze Verwaltung"))
        )
        return f"DigiCheck {where} ({self.date:%d.%m.%Y})"

    def get_absolute_url(self) -> str:
        return reverse("assessments:detail", args=[self.municipality.slug, self.pk])

    @property
    def locked(self) -> bool:
        return self.status == AssessmentStatus.APPROVED

    def asked_questions(self) -> models.QuerySet[Question]:
        """The questions this check asks, in the workshop's order (see ``not_asked``)."""
        return self.framework.questions_in_order().exclude(key__in=list(self.not_asked))


class Answer(TenantModel):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    level = models.PositiveSmallIntegerField(_("Stufe"), null=True, blank=True)
    not_applicable = models.BooleanField(_("nicht zutreffend"), default=False)
    comment = models.TextField(_("Kommentar"), blank=True)
    version = models.PositiveIntegerField(default=0)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Antwort")
        verbose_name_plural = _("Antworten")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "question"], name="answer_unique_question"
            )
        ]

    def __str__(self) -> str:
        return f"{self.question.key}: {'n. z.' if self.not_applicable else self.level}"

    @property
    def label(self) -> str:
        if self.not_applicable:
            return "nicht zutreffend"
        return "–" if self.level is None else str(self.level)


def evidence_path(instance: Evidence, filename: str) -> str:
    """Stored under a random name: the original name is kept in the database only."""
    return f"evidence/{instance.municipality_id}/{uuid.uuid4().hex}"


class Evidence(TenantModel):
    """A file that backs an answer (an organisation chart, a process map, a service agreement).
    Served only through a view that checks membership; never under a public media URL."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("Datei"), upload_to=evidence_path, max_length=200)
    name = models.CharField(_("Dateiname"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("Größe (Bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Nachweis")
        verbose_name_plural = _("Nachweise")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.name


class Target(TenantModel):
    """Soll: the level an area should reach."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="targets")
    area_key = models.CharField(max_length=20)
    level = models.DecimalField(max_digits=3, decimal_places=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assessment", "area_key"], name="target_unique_area")
        ]

    def __str__(self) -> str:
        return f"{self.area_key}: {self.level}"
