"""Start page (the municipalities I look after), a municipality's overview, administration."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from wandelwerk.core.views import MunicipalityMixin
from wandelwerk.organisation.queries import overview_figures
from wandelwerk.ozg.queries import summary as ozg_summary
from wandelwerk.tenants import logic
from wandelwerk.tenants.forms import ConsultantsForm, MunicipalityForm
from wandelwerk.tenants.queries import (
    consultants_of,
    is_provider_admin,
    members_of,
    municipalities_with_figures,
)

SORTS = {
    "name": "name",
    "population": "population",
    "org_units": "org_unit_count",
    "employees": "employee_count",
    "services": "service_count",
}


class StartView(LoginRequiredMixin, TemplateView):
    template_name = "tenants/start.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        sort = self.request.GET.get("sort", "name")
        field = SORTS.get(sort.lstrip("-"), "name")
        ordering = ("-" if sort.startswith("-") else "") + field
        context["municipalities"] = municipalities_with_figures(self.request.user).order_by(
            ordering, "name"
        )
        context["sort"] = sort if sort.lstrip("-") in SORTS else "name"
        context["can_create"] = is_provider_admin(self.request.user)
        return context


class ProviderAdminRequiredMixin(LoginRequiredMixin):
    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not request.user.has_perm("tenants.manage_municipalities"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class MunicipalityCreateView(ProviderAdminRequiredMixin, FormView):
    template_name = "tenants/municipality_form.html"
    form_class = MunicipalityForm

    def form_valid(self, form: MunicipalityForm) -> HttpResponse:
        data = form.cleaned_data
        municipality = logic.create_municipality(
            actor=self.request.user,
            slug=data["slug"],
            name=data["name"],
            ags=data["ags"],
            land=data["land"],
            population=data["population"],
        )
        logic.set_consultants(
            actor=self.request.user, municipality=municipality, users=list(data["consultants"])
        )
        messages.success(
            self.request, _("Kommune „%(name)s“ angelegt.") % {"name": municipality.name}
        )
        return redirect("tenants:overview", municipality.slug)


class OverviewView(MunicipalityMixin, TemplateView):
    template_name = "tenants/overview.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["figures"] = overview_figures(self.municipality)
        context["ozg"] = ozg_summary()
        context["breadcrumbs"] = [{"label": self.municipality.name}]
        return context


class MembersView(MunicipalityMixin, TemplateView):
    """Who works in this municipality; provider admins assign the consultants here."""

    template_name = "tenants/members.html"
    permission_required = "tenants.manage_members"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["members"] = members_of(self.municipality)
        context["can_assign"] = is_provider_admin(self.request.user)
        if context["can_assign"]:
            initial = [m.user for m in consultants_of(self.municipality)]
            context["form"] = kwargs.get("form") or ConsultantsForm(
                initial={"consultants": initial}
            )
        context["breadcrumbs"] = [
            {
                "label": self.municipality.name,
                "url": reverse("tenants:overview", args=[self.municipality.slug]),
            },
            {"label": _("Mitglieder")},
        ]
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_provider_admin(request.user):
            raise PermissionDenied
        form = ConsultantsForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            logic.set_consultants(
                actor=request.user,
                municipality=self.municipality,
                users=list(form.cleaned_data["consultants"]),
            )
        except logic.TenantError as exc:
            form.add_error("consultants", str(exc))
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(request, _("Beratung zugeordnet."))
        return redirect("tenants:members", self.municipality.slug)
