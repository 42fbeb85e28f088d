"""Measure templates (catalogue, for every municipality) and a municipality's measures."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wandelwerk.tenants.tenancy import TenantModel


class Area(models.TextChoices):
    CHANGE = "change", _("Change-Management")
    KNOWLEDGE = "knowledge", _("Wissensmanagement")
    PROCESS = "process", _("Prozessmanagement")
    DIGITAL = "digital", _("Digitalmanagement")


# One colour per area on every chart (board, Gantt chart, dependency graph), with enough contrast
# for white text and to each other.
AREA_COLORS = {
    "change": "#b2182b",
    "knowledge": "#5e3c99",
    "process": "#a6761d",
    "digital": "#0b4f8a",
}


class Skill(models.TextChoices):
    """The skills of the provider's team a measure's provider days are split into."""

    CONSULTING = "consulting", _("Beratung")
    ENGINEERING = "engineering", _("Technik")
    TRAINING = "training", _("Schulung")


class ProviderSplit:
    """Provider days split by skill: ``engineering_days`` and ``training_days`` are part of
    ``provider_days``; the rest is consulting."""

    provider_days: int
    engineering_days: int
    training_days: int

    def provider_split(self) -> dict[str, int]:
        engineering = min(self.engineering_days, self.provider_days)
        training = min(self.training_days, self.provider_days - engineering)
        return {
            Skill.CONSULTING.value: self.provider_days - engineering - training,
            Skill.ENGINEERING.value: engineering,
            Skill.TRAINING.value: training,
        }


class Scope(models.TextChoices):
    ADMINISTRATION = "administration", _("ganze Verwaltung")
    UNIT = "unit", _("je Organisationseinheit")
    SERVICE = "service", _("je Leistung")


class MeasureTemplate(ProviderSplit, models.Model):
    """A measure from the catalogue (``wandelwerk/catalogs/measures/``), with the rule that recommends it."""

    key = models.SlugField(_("Schlüssel"), max_length=80, unique=True)
    title = models.CharField(_("Titel"), max_length=200)
    area = models.CharField(_("Handlungsfeld"), max_length=20, choices=Area.choices)
    description = models.TextField(_("Beschreibung"))
    scope = models.CharField(_("Geltungsbereich"), max_length=20, choices=Scope.choices)
    duration = models.PositiveSmallIntegerField(_("Dauer (Halbjahre)"))
    internal_days = models.PositiveIntegerField(_("eigene Personentage"))
    provider_days = models.PositiveIntegerField(_("Beratertage IT-Dienstleister"))
    engineering_days = models.PositiveIntegerField(_("davon Technik"), default=0)
    training_days = models.PositiveIntegerField(_("davon Schulung"), default=0)
    budget_eur = models.PositiveIntegerField(_("Budget (Euro)"))
    benefit = models.PositiveSmallIntegerField(_("Nutzen (1–10)"))
    prerequisite_keys = models.JSONField(_("Voraussetzungen (Maßnahmen)"), default=list, blank=True)
    raises_level = models.PositiveSmallIntegerField(_("hebt auf Stufe"), default=0)
    raises_criteria = models.JSONField(_("hebt die Kriterien"), default=list, blank=True)
    min_levels = models.JSONField(
        _("Voraussetzungen (Mindest-Reifegrad)"), default=dict, blank=True
    )
    # Land → {"title": …, "description": …} where a Land's law names it differently.
    by_land = models.JSONField(_("Fassungen je Bundesland"), default=dict, blank=True)
    applies_to = models.CharField(_("gilt für"), max_length=20, default="all")
    min_staff = models.PositiveSmallIntegerField(_("ab Beschäftigten"), default=0)
    rule = models.JSONField(_("Empfehlungsregel"), default=list, blank=True)
    reason = models.TextField(_("Begründung (Vorlage)"), blank=True)

    class Meta:
        verbose_name = _("Maßnahmenvorlage")
        verbose_name_plural = _("Maßnahmenkatalog")
        ordering = ["area", "title"]

    def __str__(self) -> str:
        return self.title

    def text_for(self, land: str) -> tuple[str, str]:
        """Title and description as they apply in ``land``."""
        variant = self.by_land.get(land, {})
        return variant.get("title", self.title), variant.get("description", self.description)


class Status(models.TextChoices):
    PROPOSED = "proposed", _("vorgeschlagen")
    ACCEPTED = "accepted", _("angenommen")
    REJECTED = "rejected", _("abgelehnt")
    PLANNED = "planned", _("geplant")
    IN_PROGRESS = "in_progress", _("in Arbeit")
    DONE = "done", _("erledigt")
    DELAYED = "delayed", _("verzögert")


ACTIVE_STATUSES = {Status.ACCEPTED, Status.PLANNED, Status.IN_PROGRESS, Status.DONE, Status.DELAYED}


class Source(models.TextChoices):
    CATALOGUE = "catalogue", _("aus dem Katalog")
    RECOMMENDATION = "recommendation", _("Empfehlung aus dem DigiCheck")
    OWN = "own", _("eigene Maßnahme")
    HANDOVER = "handover", _("Wissensübergabe")


class FundingProgramme(models.Model):
    """A funding programme (Förderprogramm): recorded by the provider for every municipality
    (``municipality`` empty) or by one municipality for itself. A funded measure must be spent
    within the programme's period; the plan holds it there and splits its cost into funding and
    own funds."""

    municipality = models.ForeignKey(
        "tenants.Municipality",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="funding_programmes",
        verbose_name=_("Kommune"),
        help_text=_("Leer: vom IT-Dienstleister für alle Kommunen erfasst."),
    )
    name = models.CharField(_("Name"), max_length=200)
    funder = models.CharField(_("Fördergeber"), max_length=200, blank=True)
    rate = models.PositiveSmallIntegerField(
        _("Förderquote (%)"), validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    cap_eur = models.PositiveIntegerField(
        _("Höchstbetrag je Maßnahme (€)"),
        null=True,
        blank=True,
        help_text=_("Leer: ohne Höchstbetrag."),
    )
    areas = models.JSONField(
        _("förderfähige Handlungsfelder"),
        default=list,
        blank=True,
        help_text=_("Keins gewählt: Maßnahmen aller Handlungsfelder."),
    )
    template_keys = models.JSONField(
        _("förderfähige Maßnahmen (Katalog)"),
        default=list,
        blank=True,
        help_text=_("Keine gewählt: jede Maßnahme der förderfähigen Handlungsfelder."),
    )
    apply_by = models.DateField(_("Antragsfrist"), null=True, blank=True)
    spend_from = models.DateField(_("Förderzeitraum ab"), null=True, blank=True)
    spend_by = models.DateField(
        _("Mittel verausgabt bis"),
        help_text=_("Bis dahin muss eine geförderte Maßnahme abgeschlossen sein."),
    )
    note = models.TextField(_("Hinweise"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Förderprogramm")
        verbose_name_plural = _("Förderprogramme")
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name

    def covers(self, area: str, template_key: str = "") -> bool:
        """Whether it funds a measure of ``area`` made from the catalogue's ``template_key``
        ("" for a municipality's own measure)."""
        if self.areas and area not in self.areas:
            return False
        return not self.template_keys or template_key in self.template_keys

    def funding_of(self, cost: int) -> int:
        """The funding for a measure costing ``cost`` euro: the rate, at most the cap."""
        amount = cost * self.rate // 100
        return min(amount, self.cap_eur) if self.cap_eur is not None else amount


class Measure(ProviderSplit, TenantModel):
    """A municipality's measure: from the catalogue, recommended, own, or from elsewhere (e.g. a
    hand-over before an exit) with a deadline. The planner places it in a half-year."""

    template = models.ForeignKey(
        MeasureTemplate,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Vorlage"),
    )
    title = models.CharField(_("Titel"), max_length=200)
    area = models.CharField(_("Handlungsfeld"), max_length=20, choices=Area.choices)
    description = models.TextField(_("Beschreibung"), blank=True)
    org_unit = models.ForeignKey(
        "organisation.OrgUnit",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="measures",
        verbose_name=_("Organisationseinheit"),
        help_text=_("Leer: die ganze Verwaltung."),
    )
    service = models.ForeignKey(
        "ozg.AdministrativeService",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="measures",
        verbose_name=_("Leistung"),
    )
    duration = models.PositiveSmallIntegerField(_("Dauer (Halbjahre)"), default=1)
    internal_days = models.PositiveIntegerField(_("eigene Personentage"), default=0)
    provider_days = models.PositiveIntegerField(_("Beratertage IT-Dienstleister"), default=0)
    engineering_days = models.PositiveIntegerField(
        _("davon Technik"),
        default=0,
        help_text=_("Tage der Technikerinnen und Techniker des IT-Dienstleisters."),
    )
    training_days = models.PositiveIntegerField(
        _("davon Schulung"),
        default=0,
        help_text=_("Tage der Trainerinnen und Trainer; der Rest ist Beratung."),
    )
    budget_eur = models.PositiveIntegerField(_("Budget (Euro)"), default=0)
    benefit = models.PositiveSmallIntegerField(_("Nutzen (1–10)"), default=5)
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.PROPOSED
    )
    source = models.CharField(
        _("Herkunft"), max_length=20, choices=Source.choices, default=Source.OWN
    )
    reason = models.TextField(_("Begründung"), blank=True)
    assessment = models.ForeignKey(
        "assessments.Assessment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals",
        verbose_name=_("empfohlen aus DigiCheck"),
    )
    funding = models.ForeignKey(
        FundingProgramme,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="measures",
        verbose_name=_("Förderprogramm"),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_measures",
        verbose_name=_("Verantwortlich"),
        help_text=_(
            "Eine Person mit Zugang zu dieser Kommune; sie sieht die Maßnahme unter „Meine Aufgaben“."
        ),
    )
    # What was recorded as free text before owners were people; kept where no person matched.
    owner_name = models.CharField(
        _("Verantwortlich (bisherige Angabe)"), max_length=200, blank=True
    )
    deadline = models.DateField(_("Frist"), null=True, blank=True)
    deadline_is_hard = models.BooleanField(
        _("feste Frist"),
        default=False,
        help_text=_("Eine feste Frist darf der Plan nicht überschreiten."),
    )
    earliest_start = models.DateField(_("frühester Beginn"), null=True, blank=True)
    prerequisites = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="dependents",
        verbose_name=_("Voraussetzungen"),
    )
    started_on = models.DateField(_("begonnen am"), null=True, blank=True)
    percent_done = models.PositiveSmallIntegerField(
        _("erledigt (%)"),
        default=0,
        validators=[MaxValueValidator(100)],
        help_text=_("Wie viel der Arbeit schon getan ist; der Plan verteilt nur den Rest."),
    )
    finished_on = models.DateField(_("abgeschlossen am"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Maßnahme")
        verbose_name_plural = _("Maßnahmen")
        ordering = ["area", "title"]

    def __str__(self) -> str:
        where = f" ({self.org_unit.code})" if self.org_unit_id and self.org_unit else ""
        return f"{self.title}{where}"

    def get_absolute_url(self) -> str:
        return reverse("measures:measure_detail", args=[self.municipality.slug, self.pk])


class MeasureActual(TenantModel):
    """What a measure actually cost in one fiscal year: euro and staff days, as recorded by the
    municipality (the progress report sets them against the baseline)."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="actuals")
    fiscal_year = models.PositiveSmallIntegerField(
        _("Haushaltsjahr"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    euro = models.PositiveIntegerField(_("Ist-Kosten (€)"), default=0)
    internal_days = models.PositiveIntegerField(_("eigene Personentage (Ist)"), default=0)
    provider_days = models.PositiveIntegerField(_("Beratertage (Ist)"), default=0)
    note = models.CharField(_("Bemerkung"), max_length=300, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Ist-Wert")
        verbose_name_plural = _("Ist-Werte")
        ordering = ["fiscal_year"]
        constraints = [
            models.UniqueConstraint(fields=["measure", "fiscal_year"], name="measureactual_unique")
        ]

    def __str__(self) -> str:
        return f"{self.measure.title}: {self.fiscal_year}"

    def get_absolute_url(self) -> str:
        return self.measure.get_absolute_url()
