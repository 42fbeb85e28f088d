"""The audit log of a municipality, in the user's words; personal data only for those with the
right to see it."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wandelwerk.audit import queries
from wandelwerk.audit.forms import AuditFilterForm
from wandelwerk.audit.presentation import Entry, present
from wandelwerk.core.views import ListingMixin
from wandelwerk.tenants.queries import get_access
from wandelwerk.tenants.views import MunicipalityMixin


def _changes(entry: Entry) -> str:
    return "; ".join(f"{c.field}: {c.before} → {c.after}" for c in entry.changes)


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
        ("Zeitpunkt", lambda e: e.event.created_at),
        ("Person", lambda e: e.event.actor_name),
        ("Aktion", lambda e: e.event.get_action_display()),
        ("Objektart", lambda e: e.type_label),
        ("Objekt", lambda e: e.event.object_repr),
        ("Änderungen", _changes),
    ]

    def get_base_queryset(self) -> Any:
        return queries.events()

    def sees_personal(self) -> bool:
        access = get_access(self.request.user, self.municipality)
        return access is not None and access.can_view_personal_data

    def export(self, queryset: Any) -> HttpResponse:
        entries = present(queryset, sees_personal=self.sees_personal())
        headers = [header for header, _ in self.export_columns]
        return self.export_response(
            headers, ([getter(e) for _, getter in self.export_columns] for e in entries)
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        if "page_obj" in kwargs:
            context["entries"] = present(
                kwargs["page_obj"].object_list, sees_personal=self.sees_personal()
            )
        return context
