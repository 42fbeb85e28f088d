"""Scenarios (Umsetzungsszenarien) and the plans the planner makes for them."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wandelwerk.roadmap.periods import HalfYear
from wandelwerk.tenants.tenancy import TenantModel


class Scenario(TenantModel):
    """Capacities, budget and priorities under which the measures are planned."""

    name = models.CharField(_("Name"), max_length=120)
    description = models.TextField(_("Beschreibung"), blank=True)
    start_year = models.PositiveSmallIntegerField(
        _("Beginn (Jahr)"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    start_half = models.PositiveSmallIntegerField(
        _("Beginn (Halbjahr)"), choices=[(1, _("1. Halbjahr")), (2, _("2. Halbjahr"))], default=1
    )
    periods = models.PositiveSmallIntegerField(
        _("Anzahl Halbjahre"), default=10, validators=[MinValueValidator(1), MaxValueValidator(20)]
    )
    internal_days_per_period = models.PositiveIntegerField(
        _("eigene Personentage je Halbjahr"), default=200
    )
    provider_days_per_period = models.PositiveIntegerField(
        _("Beratertage des IT-Dienstleisters je Halbjahr"), default=60
    )
    budget_per_year = models.PositiveIntegerField(
        _("Budget je Haushaltsjahr (Euro)"), default=150_000
    )
    change_capacity = models.PositiveSmallIntegerField(
        _("Veränderungskapazität je Einheit"),
        default=2,
        help_text=_("Wie viele Maßnahmen eine Organisationseinheit gleichzeitig verkraftet."),
    )
    weight_benefit = models.PositiveSmallIntegerField(_("Gewicht: Nutzen früh"), default=3)
    weight_deadlines = models.PositiveSmallIntegerField(_("Gewicht: Fristen einhalten"), default=5)
    weight_focus = models.PositiveSmallIntegerField(
        _("Gewicht: wenige Handlungsfelder zugleich"), default=1
    )
    is_baseline = models.BooleanField(_("Basis (vom Rat beschlossen)"), default=False)
    frozen_at = models.DateTimeField(_("festgeschrieben am"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Szenario")
        verbose_name_plural = _("Szenarien")
        ordering = ["-is_baseline", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("roadmap:scenario_detail", args=[self.municipality.slug, self.pk])

    @property
    def first_period(self) -> HalfYear:
        return HalfYear(self.start_year, self.start_half)

    @property
    def frozen(self) -> bool:
        return self.frozen_at is not None


class Plan(TenantModel):
    """One run of the planner for a scenario: its status, quality and placements."""

    class Status(models.TextChoices):
        OPTIMAL = "optimal", _("optimal")
        FEASIBLE = "feasible", _("zulässig")
        INFEASIBLE = "infeasible", _("nicht lösbar")
        UNKNOWN = "unknown", _("ohne Ergebnis")

    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="plans")
    status = models.CharField(_("Ergebnis"), max_length=20, choices=Status.choices)
    objective = models.FloatField(_("Zielwert"), null=True, blank=True)
    bound = models.FloatField(_("Schranke"), null=True, blank=True)
    gap = models.FloatField(_("Abstand zum Optimum"), null=True, blank=True)
    seconds = models.FloatField(_("Rechenzeit (s)"), default=0)
    diagnosis = models.JSONField(_("Diagnose"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Plan")
        verbose_name_plural = _("Pläne")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.scenario} ({self.created_at:%d.%m.%Y %H:%M})"


class Placement(TenantModel):
    """Where the plan puts one measure, and why not earlier."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="placements")
    measure = models.ForeignKey(
        "measures.Measure", on_delete=models.CASCADE, related_name="placements"
    )
    start = models.SmallIntegerField(_("Beginn (Halbjahr-Index)"), null=True, blank=True)
    end = models.SmallIntegerField(
        _("Ende (Halbjahr-Index, einschließlich)"), null=True, blank=True
    )
    reason = models.CharField(_("Warum nicht früher"), max_length=300, blank=True)
    critical = models.BooleanField(_("auf der kritischen Kette"), default=False)
    late = models.BooleanField(_("Frist verfehlt"), default=False)

    class Meta:
        verbose_name = _("Einplanung")
        verbose_name_plural = _("Einplanungen")
        ordering = ["start", "measure__title"]

    def __str__(self) -> str:
        return f"{self.measure}: {self.start}–{self.end}"
