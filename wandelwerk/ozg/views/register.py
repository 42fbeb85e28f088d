"""The register: list with filters and export, a service's page, its form, milestones."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from wandelwerk.core.views import ListingMixin
from wandelwerk.ozg import logic, queries
from wandelwerk.ozg.forms import MilestonesForm, RegisterFilterForm, ServiceForm
from wandelwerk.ozg.models import AdministrativeService, MilestoneKind, level_name
from wandelwerk.tenants.views import (
    MunicipalityMixin,
    ObjectDeleteView,
    ObjectFormView,
    ObjectMixin,
)

EXPORT_COLUMNS = [
    ("LeiKa-Schlüssel", lambda s: s.leika_key),
    ("OZG-ID", lambda s: s.ozg_service_id or ""),
    ("Bezeichnung", lambda s: s.name),
    ("Organisationseinheit", lambda s: s.org_unit.code if s.org_unit else ""),
    ("Zielgruppe", lambda s: s.get_target_group_display()),
    ("Fallzahl pro Jahr", lambda s: s.cases_per_year),
    ("Bearbeitungszeit (Minuten)", lambda s: s.minutes_per_case),
    ("Reifegrad", lambda s: s.maturity_level),
    ("Ziel-Reifegrad", lambda s: s.target_level),
    ("Reifegradmodell", lambda s: s.rgm_version),
    ("Eigene Leistung", lambda s: "ja" if s.is_own else "nein"),
]


class IndexView(MunicipalityMixin, ListingMixin, TemplateView):
    """The register: every service of the municipality."""

    permission_required = "ozg.view"
    template_name = "ozg/index.html"
    filter_form_class = RegisterFilterForm
    sort_fields = {
        "name": "name",
        "key": "leika_key",
        "unit": "org_unit__code",
        "group": "target_group",
        "cases": "cases_per_year",
        "level": "maturity_level",
        "target": "target_level",
    }
    default_sort = "name"
    export_filename = "leistungen"
    export_columns = EXPORT_COLUMNS

    def get_base_queryset(self) -> Any:
        return queries.services()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["total"] = AdministrativeService.objects.count()
        return context


class ServiceDetailView(ObjectMixin, TemplateView):
    template_name = "ozg/service_detail.html"
    permission_required = "ozg.view"
    model = AdministrativeService
    queryset = queries.services()
    list_url_name = "ozg:index"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        self.object = self.load_object()
        context = super().get_context_data(**kwargs)
        service = self.object
        context["history"] = [
            (c, level_name(c.level, c.rgm_version))
            for c in service.level_history.select_related("actor")
        ]
        existing = {m.kind: m for m in service.milestones.all()}
        context["milestones"] = [
            (label, existing.get(kind)) for kind, label in MilestoneKind.choices
        ]
        context["entry"] = service.leika_entry
        return context


class ServiceFormView(ObjectFormView):
    model = AdministrativeService
    list_url_name = "ozg:index"
    form_class = ServiceForm
    permission_required = "ozg.change"

    def save(self, form: ServiceForm) -> AdministrativeService:
        values = {name: form.cleaned_data[name] for name in form.Meta.fields}
        if values.get("ozg_service"):
            values["topic_id"] = values["ozg_service"].topic_id
            values["life_situation_id"] = values["ozg_service"].life_situation_id
        return logic.save_service(actor=self.request.user, service=self.object, values=values)


class ServiceDeleteView(ObjectDeleteView):
    model = AdministrativeService
    list_url_name = "ozg:index"
    permission_required = "ozg.change"

    def delete(self, obj: AdministrativeService) -> None:
        logic.delete_service(actor=self.request.user, service=obj)


class MilestonesView(ObjectMixin, TemplateView):
    template_name = "ozg/milestones.html"
    permission_required = "ozg.change"
    model = AdministrativeService
    queryset = queries.services()
    list_url_name = "ozg:index"

    def get_breadcrumbs(self) -> list[dict[str, Any]]:
        return self.crumbs(
            {"label": self.object.name, "url": self.object.get_absolute_url()},
            {"label": _("Meilensteine")},
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        self.object = self.object or self.load_object()
        context = super().get_context_data(**kwargs)
        if "form" not in kwargs:
            initial = {}
            for m in self.object.milestones.all():
                initial[f"{m.kind}_planned"], initial[f"{m.kind}_done"] = m.planned, m.done
            context["form"] = MilestonesForm(initial=initial)
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = self.load_object()
        form = MilestonesForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        logic.save_milestones(actor=request.user, service=self.object, dates=form.dates())
        messages.success(request, _("Meilensteine gespeichert."))
        return redirect(self.object.get_absolute_url())
