"""The OZG catalogue (reference data for everyone) and each municipality's service register."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wandelwerk.tenants.tenancy import TenantModel

# --- Reference catalogue (not tenant-owned) -------------------------------------------------


class Topic(models.Model):
    """Themenfeld of the OZG catalogue."""

    id = models.PositiveIntegerField(primary_key=True)
    name = models.CharField(_("Themenfeld"), max_length=200)

    class Meta:
        verbose_name = _("Themenfeld")
        verbose_name_plural = _("Themenfelder")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class LifeSituation(models.Model):
    """Lebens- oder Unternehmenslage."""

    id = models.PositiveIntegerField(primary_key=True)
    name = models.CharField(_("Lebenslage"), max_length=200)
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="life_situations")

    class Meta:
        verbose_name = _("Lebens- oder Unternehmenslage")
        verbose_name_plural = _("Lebens- und Unternehmenslagen")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class OzgService(models.Model):
    """An OZG-Leistung (bundle of LeiKa entries), identified by its OZG-ID."""

    ozg_id = models.PositiveIntegerField(_("OZG-ID"), primary_key=True)
    name = models.CharField(_("OZG-Leistung"), max_length=300, db_index=True)
    life_situation = models.ForeignKey(
        LifeSituation, on_delete=models.PROTECT, related_name="services"
    )
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="services")

    class Meta:
        verbose_name = _("OZG-Leistung")
        verbose_name_plural = _("OZG-Leistungen")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.ozg_id})"


class Carrier(models.TextChoices):
    """Who carries a LeiKa service out in NRW (assigned by ``carriers.py``)."""

    GEMEINDE = "gemeinde", _("jede Gemeinde")
    MITTLERE = "mittlere", _("ab Mittlerer kreisangehöriger Stadt")
    GROSSE = "grosse", _("ab Großer kreisangehöriger Stadt")
    KREIS = "kreis", _("Kreis und kreisfreie Stadt")
    LAND = "land", _("Land")
    BUND = "bund", _("Bund")
    ANDERE = "andere", _("andere Stelle (Kammer u. a.)")


class LeikaEntry(models.Model):
    """A single administrative service of the LeiKa, with its key, type and legal basis."""

    leika_key = models.CharField(
        _("LeiKa-Schlüssel"), max_length=14, unique=True, null=True, blank=True
    )
    in_leika = models.BooleanField(_("im LeiKa"), default=True)
    name = models.CharField(_("Bezeichnung"), max_length=300, db_index=True)
    leika_type = models.CharField(_("LeiKa-Typ"), max_length=20, blank=True)
    sdg1 = models.BooleanField(default=False)
    sdg2 = models.BooleanField(default=False)
    laws_short = models.CharField(_("Gesetze (Kürzel)"), max_length=300, blank=True)
    laws = models.TextField(_("Gesetze"), blank=True)
    legal_basis = models.TextField(_("Rechtsgrundlagen"), blank=True)
    ozg_service = models.ForeignKey(
        OzgService, on_delete=models.PROTECT, null=True, blank=True, related_name="entries"
    )
    # Who carries it out in NRW (``carriers.py``), with the source that says so.
    carrier = models.CharField(
        _("Träger in NRW"), max_length=20, blank=True, db_index=True, choices=Carrier.choices
    )
    carrier_source = models.CharField(_("Quelle der Zuordnung"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("LeiKa-Leistung")
        verbose_name_plural = _("LeiKa-Leistungen")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.leika_key or 'ohne Schlüssel'})"

    @property
    def municipal(self) -> bool:
        """Carried out by Land or Kommune: LeiKa-Typ 2/3, 4 or 5."""
        return is_municipal_type(self.leika_type)


MUNICIPAL_TYPES = {"2", "3", "2/3", "4", "5"}


def is_municipal_type(leika_type: str) -> bool:
    return any(part.strip() in MUNICIPAL_TYPES for part in leika_type.split(","))


# --- The municipality's register --------------------------------------------------------------


class TargetGroup(models.TextChoices):
    CITIZENS = "citizens", _("Bürger")
    BUSINESSES = "businesses", _("Unternehmen")
    INTERNAL = "internal", _("intern")


class Channel(models.TextChoices):
    ONLINE = "online", _("online")
    OFFICE = "office", _("vor Ort")
    POST = "post", _("Post")
    PHONE = "phone", _("Telefon")
    EMAIL = "email", _("E-Mail")


class MaturityModel(models.TextChoices):
    V1_1 = "1.1", _("Reifegradmodell 1.1 (Stufen 0–4)")
    V2_0 = "2.0", _("Reifegradmodell 2.0 (Stufen 0–7)")


MAX_LEVEL = {MaturityModel.V1_1: 4, MaturityModel.V2_0: 7}


def level_name(level: int | None, version: str) -> str:
    from wandelwerk.ozg.levels import level_name as name

    return name(level, version)


leika_key_validator = RegexValidator(r"^\d{14}$", _("Ein LeiKa-Schlüssel hat genau 14 Ziffern."))


class AdministrativeService(TenantModel):
    """A service (Leistung) in the municipality's register."""

    name = models.CharField(_("Bezeichnung"), max_length=300)
    leika_key = models.CharField(
        _("LeiKa-Schlüssel"), max_length=14, blank=True, validators=[leika_key_validator]
    )
    leika_entry = models.ForeignKey(
        LeikaEntry, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    is_own = models.BooleanField(
        _("eigene Leistung"),
        default=False,
        help_text=_("Nicht im Katalog: eine Leistung der Kommune selbst."),
    )
    ozg_service = models.ForeignKey(
        OzgService,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("OZG-Leistung"),
    )
    topic = models.ForeignKey(
        Topic,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Themenfeld"),
    )
    life_situation = models.ForeignKey(
        LifeSituation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Lebenslage"),
    )
    target_group = models.CharField(
        _("Zielgruppe"), max_length=20, choices=TargetGroup.choices, default=TargetGroup.CITIZENS
    )
    org_unit = models.ForeignKey(
        "organisation.OrgUnit",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="services",
        verbose_name=_("Organisationseinheit"),
    )
    cases_per_year = models.PositiveIntegerField(_("Fallzahl pro Jahr"), null=True, blank=True)
    minutes_per_case = models.PositiveIntegerField(
        _("Bearbeitungszeit (Minuten)"), null=True, blank=True
    )
    channels = models.JSONField(_("Zugangswege"), default=list, blank=True)
    it_system = models.ForeignKey(
        "organisation.ITSystem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="services",
        verbose_name=_("IT-Verfahren"),
    )
    online_since = models.DateField(_("online seit"), null=True, blank=True)
    rgm_version = models.CharField(
        _("Reifegradmodell"),
        max_length=3,
        choices=MaturityModel.choices,
        default=MaturityModel.V1_1,
    )
    maturity_level = models.PositiveSmallIntegerField(_("Reifegrad"), default=0)
    target_level = models.PositiveSmallIntegerField(_("Ziel-Reifegrad"), default=3)
    efa_reuse = models.BooleanField(
        _("EfA-Nachnutzung"),
        default=False,
        help_text=_("Nachnutzung einer „Einer für Alle“-Lösung."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Leistung")
        verbose_name_plural = _("Leistungen")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "leika_key"],
                condition=~models.Q(leika_key=""),
                name="service_unique_leika_key",
            ),
        ]
        indexes = [models.Index(fields=["municipality", "name"], name="service_muni_name")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("ozg:service_detail", args=[self.municipality.slug, self.pk])

    def clean(self) -> None:
        top = MAX_LEVEL.get(MaturityModel(self.rgm_version), 4)
        errors = {}
        if self.maturity_level > top:
            errors["maturity_level"] = _(
                "Im Reifegradmodell %(v)s gibt es die Stufen 0 bis %(max)s."
            ) % {"v": self.rgm_version, "max": top}
        if self.target_level > top:
            errors["target_level"] = _(
                "Im Reifegradmodell %(v)s gibt es die Stufen 0 bis %(max)s."
            ) % {"v": self.rgm_version, "max": top}
        if errors:
            raise ValidationError(errors)

    @property
    def level_label(self) -> str:
        return level_name(self.maturity_level, self.rgm_version)

    @property
    def channel_labels(self) -> list[str]:
        labels = dict(Channel.choices)
        return [str(labels.get(c, c)) for c in self.channels or []]

    @property
    def workload_hours(self) -> float | None:
        if self.cases_per_year is None or self.minutes_per_case is None:
            return None
        return self.cases_per_year * self.minutes_per_case / 60

    @property
    def ozg_compliant(self) -> bool:
        return self.maturity_level >= 3


class MaturityChange(TenantModel):
    """Every change of a service's level, with its date: the history behind progress over time."""

    service = models.ForeignKey(
        AdministrativeService, on_delete=models.CASCADE, related_name="level_history"
    )
    date = models.DateField(_("Datum"))
    rgm_version = models.CharField(
        _("Reifegradmodell"), max_length=3, choices=MaturityModel.choices
    )
    level = models.PositiveSmallIntegerField(_("Reifegrad"))
    previous_level = models.PositiveSmallIntegerField(_("vorher"), null=True, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("Reifegradänderung")
        verbose_name_plural = _("Reifegradänderungen")
        ordering = ["date", "id"]

    def __str__(self) -> str:
        return f"{self.service}: {self.previous_level} → {self.level} ({self.date})"


class MilestoneKind(models.TextChoices):
    CONCEPT = "concept", _("Konzeption")
    IMPLEMENTATION = "implementation", _("Umsetzung")
    GO_LIVE = "go_live", _("Go-live")
    ROLLOUT = "rollout", _("Rollout")


class Milestone(TenantModel):
    service = models.ForeignKey(
        AdministrativeService, on_delete=models.CASCADE, related_name="milestones"
    )
    kind = models.CharField(_("Meilenstein"), max_length=20, choices=MilestoneKind.choices)
    planned = models.DateField(_("geplant"), null=True, blank=True)
    done = models.DateField(_("erreicht"), null=True, blank=True)

    class Meta:
        verbose_name = _("Meilenstein")
        verbose_name_plural = _("Meilensteine")
        constraints = [
            models.UniqueConstraint(fields=["service", "kind"], name="milestone_unique_kind")
        ]

    def __str__(self) -> str:
        return f"{self.service}: {self.get_kind_display()}"


class PriorityWeights(TenantModel):
    """The municipality's weights for the priority list."""

    workload = models.DecimalField(
        _("Gewicht Arbeitsaufwand"),
        max_digits=4,
        decimal_places=2,
        default=1,
        validators=[MinValueValidator(0)],
    )
    gap = models.DecimalField(
        _("Gewicht Abstand zum Ziel"),
        max_digits=4,
        decimal_places=2,
        default=1,
        validators=[MinValueValidator(0)],
    )
    citizens = models.DecimalField(
        _("Faktor Bürger"),
        max_digits=4,
        decimal_places=2,
        default=1,
        validators=[MinValueValidator(0)],
    )
    businesses = models.DecimalField(
        _("Faktor Unternehmen"),
        max_digits=4,
        decimal_places=2,
        default=1,
        validators=[MinValueValidator(0)],
    )
    internal = models.DecimalField(
        _("Faktor intern"),
        max_digits=4,
        decimal_places=2,
        default="0.5",
        validators=[MinValueValidator(0)],
    )

    class Meta:
        verbose_name = _("Gewichtung der Prioritäten")
        verbose_name_plural = _("Gewichtungen der Prioritäten")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality"], name="priority_weights_one_per_municipality"
            )
        ]

    def __str__(self) -> str:
        return str(_("Gewichtung"))
