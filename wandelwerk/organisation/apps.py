from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationConfig(AppConfig):
    name = "wandelwerk.organisation"
    label = "organisation"
    verbose_name = _("Organisation")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from wandelwerk.organisation import importers  # noqa: F401  (registers the import kinds)
        from wandelwerk.organisation.models import AgeLimitGroup, Employee
        from wandelwerk.organisation.stand import on_write

        for model in (Employee, AgeLimitGroup):  # a new staff stand (organisation.stand)
            post_save.connect(on_write, sender=model, dispatch_uid=f"stand-save-{model.__name__}")
            post_delete.connect(on_write, sender=model, dispatch_uid=f"stand-del-{model.__name__}")
