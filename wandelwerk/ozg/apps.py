from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OzgConfig(AppConfig):
    name = "wandelwerk.ozg"
    label = "ozg"
    verbose_name = _("Leistungen (OZG)")

    def ready(self) -> None:
        from wandelwerk.ozg import imports  # noqa: F401  (registers the import kind "services")
