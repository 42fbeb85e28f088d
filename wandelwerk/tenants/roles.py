"""Roles of a membership and what each may do."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PROVIDER_ADMIN = "provider_admin", _("Administration IT-Dienstleister")
    CONSULTANT = "consultant", _("Beratung")
    MUNICIPALITY_ADMIN = "municipality_admin", _("Administration Kommune")
    EDITOR = "editor", _("Bearbeitung")
    VIEWER = "viewer", _("Lesezugriff")


# Which roles hold which rights (see rules.py). Consultants read and edit like editors and
# approve DigiChecks like municipality admins, but only municipality and provider admins manage
# members and read the audit log.
EDITING_ROLES = frozenset(
    {Role.PROVIDER_ADMIN, Role.CONSULTANT, Role.MUNICIPALITY_ADMIN, Role.EDITOR}
)
ADMIN_ROLES = frozenset({Role.PROVIDER_ADMIN, Role.MUNICIPALITY_ADMIN})
CONSULTING_ROLES = frozenset({Role.PROVIDER_ADMIN, Role.CONSULTANT, Role.MUNICIPALITY_ADMIN})
