"""Pages of the section „Berichte“."""

from __future__ import annotations

from django.views.generic import TemplateView

from wandelwerk.tenants.views import MunicipalityMixin


class IndexView(MunicipalityMixin, TemplateView):
    template_name = "reports/index.html"
