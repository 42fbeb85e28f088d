from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "wandelwerk.reports"
    label = "reports"
    verbose_name = _("Berichte")

    def ready(self) -> None:
        from wandelwerk.reports import tasks  # noqa: F401  (registers the build job)
