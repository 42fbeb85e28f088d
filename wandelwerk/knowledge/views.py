"""Pages of the section „Wissen“."""

from __future__ import annotations

from django.views.generic import TemplateView

from wandelwerk.tenants.views import MunicipalityMixin


class IndexView(MunicipalityMixin, TemplateView):
    template_name = "knowledge/index.html"
