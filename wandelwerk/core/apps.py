from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "wandelwerk.core"
    label = "core"
    verbose_name = _("Kern")

    def ready(self) -> None:
        from django.conf import settings

        from wandelwerk.core.secrets import check_secret_key

        if not settings.DEBUG and getattr(settings, "WANDELWERK_CHECK_SECRET_KEY", True):
            check_secret_key(settings.SECRET_KEY)
