from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OzgConfig(AppConfig):
    name = "wandelwerk.ozg"
    label = "ozg"
    verbose_name = _("Leistungen (OZG)")
