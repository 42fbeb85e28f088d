"""The tenant (Municipality) and who may work in it (Membership)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wandelwerk.tenants.roles import Role


class SizeClass(models.TextChoices):
    XS = "xs", _("unter 5.000 Einwohner")
    S = "s", _("5.000 bis 20.000 Einwohner")
    M = "m", _("20.000 bis 50.000 Einwohner")
    L = "l", _("50.000 bis 100.000 Einwohner")
    XL = "xl", _("über 100.000 Einwohner")

    @classmethod
    def for_population(cls, population: int) -> SizeClass:
        if population < 5_000:
            return cls.XS
        if population < 20_000:
            return cls.S
        if population < 50_000:
            return cls.M
        if population < 100_000:
            return cls.L
        return cls.XL


class Land(models.TextChoices):
    BW = "BW", "Baden-Württemberg"
    BY = "BY", "Bayern"
    BE = "BE", "Berlin"
    BB = "BB", "Brandenburg"
    HB = "HB", "Bremen"
    HH = "HH", "Hamburg"
    HE = "HE", "Hessen"
    MV = "MV", "Mecklenburg-Vorpommern"
    NI = "NI", "Niedersachsen"
    NW = "NW", "Nordrhein-Westfalen"
    RP = "RP", "Rheinland-Pfalz"
    SL = "SL", "Saarland"
    SN = "SN", "Sachsen"
    ST = "ST", "Sachsen-Anhalt"
    SH = "SH", "Schleswig-Holstein"
    TH = "TH", "Thüringen"


class Tier(models.TextChoices):
    """Where a municipality stands in NRW's tiered task model (§ 4 GO NRW): the larger a
    kreisangehörige town, the more of the Kreis's tasks it carries out itself."""

    GEMEINDE = "gemeinde", _("kreisangehörige Gemeinde")
    MITTLERE = "mittlere", _("Mittlere kreisangehörige Stadt")
    GROSSE = "grosse", _("Große kreisangehörige Stadt")
    KREISFREI = "kreisfrei", _("kreisfreie Stadt")


class Municipality(models.Model):
    slug = models.SlugField(_("Kurzname"), max_length=60, unique=True)
    name = models.CharField(_("Name"), max_length=200)
    ags = models.CharField(
        _("Amtlicher Gemeindeschlüssel"),
        max_length=8,
        blank=True,
        validators=[RegexValidator(r"^\d{8}$", _("Der AGS hat genau 8 Ziffern."))],
    )
    land = models.CharField(_("Bundesland"), max_length=2, choices=Land.choices, default=Land.NW)
    population = models.PositiveIntegerField(_("Einwohnerzahl"), default=0)
    tier = models.CharField(
        _("Stellung im Aufgabenmodell"),
        max_length=20,
        choices=Tier.choices,
        default=Tier.GEMEINDE,
        help_text=_(
            "Nach § 4 GO NRW: bestimmt, welche Leistungen die Kommune selbst erbringt und "
            "welche der Kreis oder das Land."
        ),
    )
    kreis = models.CharField(
        _("Kreis"), max_length=120, blank=True, help_text=_("Leer bei kreisfreien Städten.")
    )
    size_class = models.CharField(
        _("Größenklasse"), max_length=2, choices=SizeClass.choices, default=SizeClass.S
    )
    fiscal_year_start_month = models.PositiveSmallIntegerField(
        _("Beginn des Haushaltsjahres (Monat)"), default=1
    )
    require_second_factor = models.BooleanField(
        _("zweiter Faktor für alle Mitglieder"),
        default=False,
        help_text=_(
            "Alle Mitglieder melden sich zusätzlich mit einem Code aus einer Authenticator-App "
            "an. Für den IT-Dienstleister (Administration und Beratung) gilt das immer."
        ),
    )
    check_four_eyes = models.BooleanField(
        _("Vier-Augen-Prinzip bei DigiChecks"),
        default=False,
        help_text=_(
            "Wer einen DigiCheck zur Prüfung gegeben hat, kann ihn nicht selbst freigeben."
        ),
    )
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    # Replaced by every write to the municipality's staff records (organisation.stand).
    staff_version = models.CharField(max_length=32, default="", editable=False)

    class Meta:
        verbose_name = _("Kommune")
        verbose_name_plural = _("Kommunen")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        if self.population:
            self.size_class = SizeClass.for_population(self.population)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def clean(self) -> None:
        if self.tier == Tier.KREISFREI and self.kreis:
            raise ValidationError({"kreis": _("Eine kreisfreie Stadt gehört zu keinem Kreis.")})


class Membership(models.Model):
    """A user's role in one municipality; provider admins hold one membership for all."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("Person"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("Kommune"),
    )
    role = models.CharField(_("Rolle"), max_length=32, choices=Role.choices)
    can_view_personal_data = models.BooleanField(
        _("darf Personaldaten sehen"),
        default=False,
        help_text=_("Nur für das Personalamt: Geburtsjahr, -monat und Austrittsdatum."),
    )
    # The identity provider whose groups grant this membership (kept in step with them at each
    # sign-in through it); empty: given in Wandelwerk.
    source = models.CharField(_("vergeben durch"), max_length=60, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Mitgliedschaft")
        verbose_name_plural = _("Mitgliedschaften")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "municipality"], name="membership_unique_user_municipality"
            ),
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(municipality__isnull=True),
                name="membership_unique_provider_admin",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(role=Role.PROVIDER_ADMIN, municipality__isnull=True)
                    | (~models.Q(role=Role.PROVIDER_ADMIN) & models.Q(municipality__isnull=False))
                ),
                name="membership_provider_admin_has_no_municipality",
            ),
        ]

    def __str__(self) -> str:
        where = self.municipality or _("alle Kommunen")
        return f"{self.user} – {self.get_role_display()} ({where})"
