"""The user model: custom from the start, so that it can grow without a painful migration."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    display_name = models.CharField(_("Anzeigename"), max_length=150, blank=True)
    # Demo accounts sign in with their published password alone; nothing else should.
    second_factor_exempt = models.BooleanField(_("ohne zweiten Faktor (Demo)"), default=False)
    reminders = models.BooleanField(
        _("Erinnerungen per E-Mail"),
        default=True,
        help_text=_("Einmal in der Woche eine E-Mail mit den Aufgaben, die fällig sind."),
    )
    reminded_on = models.DateField(_("zuletzt erinnert am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Person")
        verbose_name_plural = _("Personen")

    def __str__(self) -> str:
        return self.display_name or self.get_full_name() or self.username
