from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoadmapConfig(AppConfig):
    name = "wandelwerk.roadmap"
    label = "roadmap"
    verbose_name = _("Fahrplan")

    def ready(self) -> None:
        from wandelwerk.assessments.checks import sections
        from wandelwerk.roadmap import (
            outlook,
            tasks,  # noqa: F401  (registers the planning job)
        )

        sections.register(outlook.results_section)
