from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from wandelwerk.audit import queries
from wandelwerk.audit.forms import AuditFilterForm
from wandelwerk.core.views import ListingMixin
from wandelwerk.tenants.views import MunicipalityMixin


class AuditLogView(MunicipalityMixin, ListingMixin, TemplateView):
    template_name = "audit/log.html"
    permission_required = "audit.view_log"
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

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = [
            {
                "label": self.municipality.name,
                "url": reverse("overview:index", args=[self.municipality.slug]),
            },
            {"label": _("Protokoll")},
        ]
        return context
