"""Pages of the section „Fahrplan“."""

from __future__ import annotations

from django.views.generic import TemplateView

from wandelwerk.core.views import MunicipalityMixin


class IndexView(MunicipalityMixin, TemplateView):
    template_name = "roadmap/index.html"
