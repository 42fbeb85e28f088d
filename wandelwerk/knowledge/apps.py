from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "wandelwerk.knowledge"
    label = "knowledge"
    verbose_name = _("Wissen")

    def ready(self) -> None:
        from django.db.models.signals import post_delete

        from wandelwerk.core.files import discard_after_commit
        from wandelwerk.knowledge.models import Attachment

        post_delete.connect(
            discard_after_commit, sender=Attachment, dispatch_uid="knowledge.attachment"
        )
