"""Knowledge-loss risk after TVA/IAEA, the hand-overs made for it, and who may see exits."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wandelwerk.tenants.tenancy import TenantModel

POSITION_FACTORS = [
    (5, _("5 – kritisch und einzigartig, kaum dokumentiert, Ersatz dauert Jahre")),
    (4, _("4 – kritisches Wissen und Können")),
    (3, _("3 – wichtig, teilweise dokumentiert oder mit anderen geteilt")),
    (2, _("2 – wichtig, dokumentiert")),
    (1, _("1 – nicht kritisch")),
]


class RiskRating(TenantModel):
    """A rating of one employee's knowledge-loss risk after TVA/IAEA, kept as it was made: the
    position factor set by the unit head or HR, the attrition factor from the exit expected at
    that moment, their product. The latest rating per employee is the current one."""

    employee = models.ForeignKey(
        "organisation.Employee", on_delete=models.CASCADE, related_name="risk_ratings"
    )
    position_factor = models.PositiveSmallIntegerField(
        _("Positionsfaktor"), choices=POSITION_FACTORS
    )
    note = models.CharField(
        _("Begründung"),
        max_length=300,
        blank=True,
        help_text=_("Welches Wissen ist kritisch, einzigartig oder nicht dokumentiert?"),
    )
    attrition_factor = models.PositiveSmallIntegerField(_("Austrittsfaktor"))
    exit_date = models.DateField(_("erwarteter Austritt"), null=True)
    total = models.PositiveSmallIntegerField(_("Risikowert"))
    rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    rated_at = models.DateTimeField(auto_now_add=True)

    PERSONAL_FIELDS = ("exit_date", "attrition_factor", "total")

    class Meta:
        verbose_name = _("Risikobewertung")
        verbose_name_plural = _("Risikobewertungen")
        ordering = ["employee", "-rated_at", "-id"]

    def __str__(self) -> str:
        return f"{self.employee}: {self.position_factor}"


class HandOver(TenantModel):
    """The hand-over measure made for one employee's high risk. The measure names the unit and
    the topics only; who leaves and when stays here, for those with the right."""

    employee = models.ForeignKey(
        "organisation.Employee", on_delete=models.CASCADE, related_name="handovers"
    )
    measure = models.OneToOneField(
        "measures.Measure", on_delete=models.CASCADE, related_name="handover"
    )
    rating = models.ForeignKey(RiskRating, on_delete=models.SET_NULL, null=True, related_name="+")
    compressed = models.BooleanField(
        default=False,
        help_text="Der Austritt liegt näher als die Vorlaufzeit: frühestes Halbjahr statt Frist.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Übergabe")
        verbose_name_plural = _("Übergaben")
        ordering = ["measure__deadline", "id"]

    def __str__(self) -> str:
        return str(self.measure)


class ExitDataGrant(TenantModel):
    """HR lets a unit head see who leaves when in that unit (risk list, hand-overs)."""

    org_unit = models.ForeignKey(
        "organisation.OrgUnit", on_delete=models.CASCADE, related_name="exit_data_grants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="exit_data_grants"
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Freigabe der Austrittsdaten")
        verbose_name_plural = _("Freigaben der Austrittsdaten")
        constraints = [
            models.UniqueConstraint(fields=["org_unit", "user"], name="exitdatagrant_unique")
        ]

    def __str__(self) -> str:
        return f"{self.org_unit}: {self.user}"
