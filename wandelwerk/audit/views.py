from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wandelwerk.audit import queries
from wandelwerk.audit.forms import AuditFilterForm
from wandelwerk.core.views import ListingMixin
from wandelwerk.tenants.views import MunicipalityMixin


class AuditLogView(MunicipalityMixin, ListingMixin, TemplateView):
    template_name = "audit/log.html"
    permission_required = "audit.view_log"
    page_title = _("Protokoll")
    filter_form_class = AuditFilterForm
    sort_fields = {
        "time": "created_at",
        "actor": "actor_name",
        "action": "action",
        "type": "object_type",
    }
    default_sort = "-time"
    export_filename = "protokoll"
    export_columns = [
        ("Zeitpunkt", lambda e: e.created_at),
        ("Person", lambda e: e.actor_name),
        ("Aktion", lambda e: e.get_action_display()),
        ("Objektart", lambda e: e.object_type),
        ("Objekt", lambda e: e.object_repr),
        ("vorher", lambda e: str(e.before or "")),
        ("nachher", lambda e: str(e.after or "")),
    ]

    def get_base_queryset(self) -> Any:
        return queries.events()
