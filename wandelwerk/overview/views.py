"""The start page (the municipalities I look after) and a municipality's overview."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import TemplateView

from wandelwerk.organisation.queries import overview_figures
from wandelwerk.overview.cockpit import cockpit
from wandelwerk.overview.queries import municipalities_with_figures
from wandelwerk.ozg.queries import summary as ozg_summary
from wandelwerk.tenants.queries import is_provider_admin
from wandelwerk.tenants.views import MunicipalityMixin

SORTS = {
    "name": "name",
    "population": "population",
    "org_units": "org_unit_count",
    "employees": "employee_count",
    "services": "service_count",
}


class StartView(LoginRequiredMixin, TemplateView):
    template_name = "overview/start.html"

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


class OverviewView(MunicipalityMixin, TemplateView):
    template_name = "overview/index.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        figures = overview_figures(
            self.municipality, exact=self.can("organisation.view_personal_data")
        )
        context.update(
            figures=figures, ozg=ozg_summary(), cockpit=cockpit(self.municipality, figures)
        )
        return context
