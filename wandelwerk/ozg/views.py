"""Pages of the section „Leistungen“."""

from __future__ import annotations

from django.views.generic import TemplateView

from wandelwerk.core.views import MunicipalityMixin


class IndexView(MunicipalityMixin, TemplateView):
    template_name = "ozg/index.html"
