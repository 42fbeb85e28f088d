from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running an installation: bootstrap after an update, backup and restore."""

    name = "wandelwerk.operations"
    verbose_name = "Betrieb"
