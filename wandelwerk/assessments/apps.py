from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "wandelwerk.assessments"
    label = "assessments"
    verbose_name = _("DigiCheck")

    def ready(self) -> None:
        from django.db.models.signals import post_delete

        from wandelwerk.assessments.models import Evidence
        from wandelwerk.core.files import discard_after_commit

        post_delete.connect(
            discard_after_commit, sender=Evidence, dispatch_uid="assessments.evidence_file"
        )
