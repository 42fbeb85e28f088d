"""The organisation inventory: org units (a tree), employees, IT systems (Fachverfahren)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import ClassVar

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wandelwerk.organisation.stand import StaffManager, UnscopedStaffManager
from wandelwerk.tenants.tenancy import TenantModel


class OrgUnit(TenantModel):
    code = models.CharField(_("Kürzel"), max_length=30)
    name = models.CharField(_("Bezeichnung"), max_length=200)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("Übergeordnete Einheit"),
    )
    # The unit head as a person with an account (notified, sees the unit's hand-overs); the
    # name alone stays for units whose head has no account yet (and as imported).
    head_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="headed_units",
        verbose_name=_("Leitung"),
        help_text=_("Die Person mit Konto in Wandelwerk, die die Einheit leitet."),
    )
    head = models.CharField(
        _("Leitung (Name)"),
        max_length=200,
        blank=True,
        help_text=_("Nur, solange die Leitung noch kein Konto hat."),
    )
    citizen_contact = models.BooleanField(
        _("mit Bürgerkontakt"),
        default=False,
        help_text=_(
            "Die Einheit erbringt Leistungen direkt für Bürgerinnen, Bürger oder Unternehmen."
        ),
    )

    class Meta:
        verbose_name = _("Organisationseinheit")
        verbose_name_plural = _("Organisationseinheiten")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "code"], name="orgunit_unique_code")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("organisation:orgunit_detail", args=[self.municipality.slug, self.pk])


class AgeLimitGroup(TenantModel):
    """A group of civil servants with a special age limit by Land law, e.g. Justizvollzug 62
    (§ 118 LBG NRW), Feuerwehr-Einsatzdienst or Polizeivollzug: the municipality enters the
    limit its Land sets."""

    name = models.CharField(_("Bezeichnung"), max_length=120)
    years = models.PositiveSmallIntegerField(
        _("Altersgrenze (Jahre)"), validators=[MinValueValidator(50), MaxValueValidator(70)]
    )
    months = models.PositiveSmallIntegerField(
        _("und Monate"), default=0, validators=[MaxValueValidator(11)]
    )
    legal_basis = models.CharField(
        _("Rechtsgrundlage"), max_length=200, blank=True, help_text=_("z. B. § 118 LBG NRW")
    )

    class Meta:
        verbose_name = _("Besondere Altersgrenze")
        verbose_name_plural = _("Besondere Altersgrenzen")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "name"], name="agelimitgroup_unique_name"
            )
        ]

    def __str__(self) -> str:
        months = _(" und %(m)s Monate") % {"m": self.months} if self.months else ""
        return f"{self.name} ({self.years} Jahre{months})"

    @property
    def limit(self) -> tuple[int, int]:
        return self.years, self.months

    def get_absolute_url(self) -> str:
        return reverse("organisation:agelimit_list", args=[self.municipality.slug])


class EmploymentType(models.TextChoices):
    CIVIL_SERVANT = "civil_servant", _("Beamte")
    EMPLOYEE = "employee", _("Tarif")


class Employee(TenantModel):
    """A member of staff. Birth year/month and exit date are personal data (HR only)."""

    personnel_number = models.CharField(_("Personalnummer"), max_length=40)
    org_unit = models.ForeignKey(
        OrgUnit,
        on_delete=models.PROTECT,
        related_name="employees",
        verbose_name=_("Organisationseinheit"),
    )
    position = models.CharField(_("Funktion"), max_length=200, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="employments",
        verbose_name=_("Konto"),
        help_text=_("Das Konto dieser Person in Wandelwerk, falls sie eines hat."),
    )
    employment_type = models.CharField(
        _("Beschäftigungsart"),
        max_length=20,
        choices=EmploymentType.choices,
        default=EmploymentType.EMPLOYEE,
    )
    fte = models.DecimalField(
        _("Stellenanteil"),
        max_digits=4,
        decimal_places=3,
        default=Decimal("1"),
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("1"))],
        help_text=_("Anteil einer Vollzeitstelle, z. B. 0,5."),
    )
    # Personal data (view_personal_data permission only).
    birth_year = models.PositiveSmallIntegerField(
        _("Geburtsjahr"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    birth_month = models.PositiveSmallIntegerField(
        _("Geburtsmonat"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )
    born_on_first = models.BooleanField(
        _("am Monatsersten geboren"),
        default=False,
        help_text=_(
            "Wer am 1. eines Monats geboren ist, erreicht die Altersgrenze einen Monat früher."
        ),
    )
    planned_exit_date = models.DateField(
        _("geplantes Austrittsdatum"),
        null=True,
        blank=True,
        help_text=_("Überschreibt das berechnete Renteneintrittsdatum."),
    )
    term_end = models.DateField(
        _("Ende der Amtszeit"),
        null=True,
        blank=True,
        help_text=_(
            "Nur für Wahlbeamtinnen und Wahlbeamte: sie scheiden mit dem Ende der Amtszeit aus."
        ),
    )
    age_limit_group = models.ForeignKey(
        AgeLimitGroup,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="employees",
        verbose_name=_("besondere Altersgrenze"),
    )

    # Writes that send no signals change the staff stand too (organisation.stand).
    objects = StaffManager()
    unscoped_manager: ClassVar[UnscopedStaffManager] = UnscopedStaffManager()

    PERSONAL_FIELDS = (
        "birth_year",
        "birth_month",
        "born_on_first",
        "planned_exit_date",
        "term_end",
    )

    class Meta:
        verbose_name = _("Beschäftigte Person")
        verbose_name_plural = _("Beschäftigte")
        ordering = ["personnel_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "personnel_number"], name="employee_unique_number"
            ),
            models.UniqueConstraint(
                fields=["municipality", "user"],
                condition=models.Q(user__isnull=False),
                name="employee_unique_user",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.personnel_number} ({self.position or _('ohne Funktion')})"

    def get_absolute_url(self) -> str:
        return reverse("organisation:employee_detail", args=[self.municipality.slug, self.pk])


class Hosting(models.TextChoices):
    LOCAL = "local", _("lokal")
    DATA_CENTRE = "data_centre", _("Rechenzentrum")
    CLOUD = "cloud", _("Cloud")


class ITSystem(TenantModel):
    name = models.CharField(_("Bezeichnung"), max_length=200)
    vendor = models.CharField(_("Hersteller"), max_length=200, blank=True)
    org_units = models.ManyToManyField(
        OrgUnit, blank=True, related_name="it_systems", verbose_name=_("Organisationseinheiten")
    )
    hosting = models.CharField(
        _("Betrieb"), max_length=20, choices=Hosting.choices, default=Hosting.DATA_CENTRE
    )
    end_of_support = models.DateField(_("Supportende"), null=True, blank=True)

    class Meta:
        verbose_name = _("IT-Verfahren")
        verbose_name_plural = _("IT-Verfahren")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="itsystem_unique_name")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organisation:itsystem_detail", args=[self.municipality.slug, self.pk])

    def support_ends_soon(self, today: dt.date | None = None) -> bool:
        if self.end_of_support is None:
            return False
        today = today or dt.date.today()
        return self.end_of_support <= today + dt.timedelta(days=365)
