from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationConfig(AppConfig):
    name = "wandelwerk.organisation"
    label = "organisation"
    verbose_name = _("Organisation")

    def ready(self) -> None:
        from wandelwerk.organisation import importers  # noqa: F401  (registers the import kinds)
