"""Context for every page: the municipality's navigation."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from wandelwerk.core.navigation import SECTIONS, NavItem


def navigation(request: HttpRequest) -> dict[str, Any]:
    municipality = getattr(request, "municipality", None)
    if municipality is None:
        return {}
    match = request.resolver_match
    namespace = match.namespace if match else ""
    url_name = match.view_name if match else ""
    items = []
    for section, url, label in SECTIONS:
        active = (namespace == section) or (section == "overview" and url_name == url)
        if section == "overview" and namespace == "tenants" and url_name != url:
            active = False
        items.append(NavItem(str(label), reverse(url, args=[municipality.slug]), active))
    return {
        "nav_items": items,
        "municipality": municipality,
        "access": getattr(request, "access", None),
    }
