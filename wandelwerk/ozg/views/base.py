"""What every page of the section shares: permission, breadcrumbs, the edit flag."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from wandelwerk.tenants.views import MunicipalityMixin


class OzgMixin(MunicipalityMixin):
    permission_required = "ozg.view"

    def crumbs(self, *extra: dict[str, Any]) -> list[dict[str, Any]]:
        slug = self.municipality.slug
        return [
            {"label": self.municipality.name, "url": reverse("overview:index", args=[slug])},
            {"label": _("Leistungen"), "url": reverse("ozg:index", args=[slug])},
            *extra,
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.setdefault("breadcrumbs", self.crumbs())
        context["can_change"] = self.can("ozg.change")
        return context
