"""Scenarios (Umsetzungsszenarien) and the plans the planner makes for them."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wandelwerk.measures.models import Skill
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

    # What a plan records of its scenario and a what-if varies: capacities, budget, weights.
    TUNABLE = (
        "budget_per_year",
        "internal_days_per_period",
        "provider_days_per_period",
        "change_capacity",
        "weight_benefit",
        "weight_deadlines",
        "weight_focus",
    )

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
    """One run of the planner for a scenario: a record of its moment. It keeps the parameters it
    was computed with and, in its placements, every measure as planned; nothing of it is read
    from the live scenario or measures again, so a plan the council adopted never changes."""

    class Status(models.TextChoices):
        OPTIMAL = "optimal", _("bestmöglich")
        FEASIBLE = "feasible", _("zulässig")
        INFEASIBLE = "infeasible", _("nicht lösbar")
        UNKNOWN = "unknown", _("ohne Ergebnis")

    class Reference(models.TextChoices):
        NONE = "", _("keiner")
        PREVIOUS = "previous", _("der vorige Plan")
        BASELINE = "baseline", _("die Basis")

    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="plans")
    status = models.CharField(_("Ergebnis"), max_length=20, choices=Status.choices)
    objective = models.FloatField(_("Zielwert"), null=True, blank=True)
    bound = models.FloatField(_("Schranke"), null=True, blank=True)
    gap = models.FloatField(_("Abstand zum Optimum"), null=True, blank=True)
    seconds = models.FloatField(_("Rechenzeit (s)"), default=0)
    first_period = models.IntegerField(_("erstes Halbjahr"), default=0)  # HalfYear.ordinal
    periods = models.PositiveSmallIntegerField(_("Anzahl Halbjahre"), default=0)
    planned_on = models.DateField(_("geplant am Stand vom"), null=True, blank=True)
    parameters = models.JSONField(_("Parameter"), default=dict, blank=True)
    reference = models.CharField(
        _("Ausgangspunkt"), max_length=20, choices=Reference.choices, blank=True
    )
    previous = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    baseline = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    diagnosis = models.JSONField(_("Diagnose"), default=list, blank=True)
    # Where the plan takes each unit's maturity (``maturity.projection_record``), as planned.
    projection = models.JSONField(_("Reifegrad-Projektion"), default=dict, blank=True)
    warnings = models.JSONField(_("Hinweise"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Plan")
        verbose_name_plural = _("Pläne")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.scenario} ({self.created_at:%d.%m.%Y %H:%M})"

    @property
    def first_half_year(self) -> HalfYear:
        return HalfYear.from_ordinal(self.first_period)

    @property
    def half_years(self) -> list[HalfYear]:
        return [self.first_half_year.shift(i) for i in range(self.periods)]


class Placement(TenantModel):
    """Where a plan puts one measure, the measure as it was planned, and why it sits there.

    ``start`` and ``end`` are calendar half-years (``HalfYear.ordinal``), ``end`` inclusive;
    ``demands`` holds the staff days per resource and ``costs`` the euro for each half-year it
    runs (keyed by ``HalfYear.ordinal``; the fiscal year follows from the plan's parameters);
    ``reason`` and the moves are data the pages put into words (see ``texts.py``)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="placements")
    # The measure it was; kept when the measure is deleted (no constraint), so a plan's page
    # never changes: its link then leads to "not found".
    measure = models.ForeignKey(
        "measures.Measure",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="placements",
    )
    title = models.CharField(_("Maßnahme"), max_length=200, default="")
    area = models.CharField(_("Handlungsfeld"), max_length=20, default="")
    org_unit = models.CharField(_("Organisationseinheit (Kürzel)"), max_length=30, blank=True)
    org_unit_name = models.CharField(_("Organisationseinheit"), max_length=200, blank=True)
    status = models.CharField(_("Status bei der Planung"), max_length=20, default="")
    start = models.IntegerField(_("Beginn (Halbjahr)"), null=True, blank=True)
    end = models.IntegerField(_("Ende (Halbjahr, einschließlich)"), null=True, blank=True)
    duration = models.PositiveSmallIntegerField(_("Dauer (Halbjahre)"), default=1)
    demands = models.JSONField(_("Personentage je Halbjahr"), default=dict, blank=True)
    costs = models.JSONField(_("Euro je Halbjahr (Eigenmittel)"), default=dict, blank=True)
    funding = models.JSONField(_("Fördermittel je Halbjahr"), default=dict, blank=True)
    programme = models.CharField(_("Förderprogramm"), max_length=200, blank=True)
    benefit = models.PositiveSmallIntegerField(_("Nutzen"), default=0)
    deadline = models.DateField(_("Frist"), null=True, blank=True)
    deadline_hard = models.BooleanField(_("feste Frist"), default=False)
    prerequisites = models.JSONField(_("Voraussetzungen"), default=list, blank=True)
    reason = models.JSONField(_("Warum dort"), default=dict, blank=True)
    move_previous = models.JSONField(_("Verschiebung gegenüber dem vorigen Plan"), null=True)
    move_baseline = models.JSONField(_("Verschiebung gegenüber der Basis"), null=True)
    critical = models.BooleanField(_("auf der kritischen Kette"), default=False)
    late = models.BooleanField(_("Frist verfehlt"), default=False)

    class Meta:
        verbose_name = _("Einplanung")
        verbose_name_plural = _("Einplanungen")
        ordering = ["start", "title", "id"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The measure's name as the plan shows it: with its unit, as measures are named."""
        return f"{self.title} ({self.org_unit})" if self.org_unit else self.title

    @property
    def start_half_year(self) -> HalfYear | None:
        return None if self.start is None else HalfYear.from_ordinal(self.start)

    @property
    def end_half_year(self) -> HalfYear | None:
        return None if self.end is None else HalfYear.from_ordinal(self.end)


class TeamCapacity(models.Model):
    """Days the provider's own team has for one skill in one half-year, across every
    municipality. Belongs to the provider, not to a municipality."""

    skill = models.CharField(_("Fähigkeit"), max_length=20, choices=Skill.choices)
    period = models.IntegerField(_("Halbjahr"))  # HalfYear.ordinal
    days = models.PositiveIntegerField(_("Tage"), default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Teamkapazität")
        verbose_name_plural = _("Teamkapazitäten")
        ordering = ["period", "skill"]
        constraints = [
            models.UniqueConstraint(fields=["skill", "period"], name="team_capacity_unique")
        ]

    def __str__(self) -> str:
        return f"{self.get_skill_display()} {HalfYear.from_ordinal(self.period).label}: {self.days}"


class TeamPlan(models.Model):
    """One run of the provider-wide allocation: how the team's days are shared among the
    municipalities' plans, a record of its moment (``result`` holds every municipality's wish,
    allocation and what could give way, as computed)."""

    status = models.CharField(_("Ergebnis"), max_length=20, choices=Plan.Status.choices)
    objective = models.FloatField(_("Zielwert"), null=True, blank=True)
    bound = models.FloatField(_("Schranke"), null=True, blank=True)
    gap = models.FloatField(_("Abstand zum Optimum"), null=True, blank=True)
    seconds = models.FloatField(_("Rechenzeit (s)"), default=0)
    first_period = models.IntegerField(_("erstes Halbjahr"))
    periods = models.PositiveSmallIntegerField(_("Anzahl Halbjahre"))
    result = models.JSONField(_("Ergebnis"), default=dict)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Teamplan")
        verbose_name_plural = _("Teampläne")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Teamplan {self.created_at:%d.%m.%Y %H:%M}"

    @property
    def half_years(self) -> list[HalfYear]:
        first = HalfYear.from_ordinal(self.first_period)
        return [first.shift(i) for i in range(self.periods)]
