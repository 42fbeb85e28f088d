"""Where one measure stands in the plans: shown on the measure's page (loaded from here, since
the roadmap builds on the measures and not the other way round), or as a page of its own."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from wandelwerk.measures.models import Measure
from wandelwerk.roadmap import queries
from wandelwerk.tenants.views import MunicipalityMixin


class MeasureStandingsView(MunicipalityMixin, TemplateView):
    template_name = "roadmap/measure_standings.html"
    permission_required = "roadmap.view"

    def get_template_names(self) -> list[str]:
        if getattr(self.request, "htmx", False):
            return ["roadmap/measure_standings.html#standings"]
        return [self.template_name]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        self.measure = get_object_or_404(Measure, pk=kwargs["pk"])
        context = super().get_context_data(**kwargs)
        context["measure"] = self.measure
        context["standings"] = queries.standings(self.measure)
        return context

    def get_breadcrumbs(self) -> list[dict[str, Any]]:
        return self.crumbs(
            {"label": self.measure.title, "url": self.measure.get_absolute_url()},
            {"label": "Im Fahrplan"},
        )
