"""The municipality's navigation: sections in the order users work through them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

# (URL namespace, index URL name, label)
SECTIONS: list[tuple[str, str, Any]] = [
    ("overview", "tenants:overview", _("Übersicht")),
    ("organisation", "organisation:index", _("Organisation")),
    ("ozg", "ozg:index", _("Leistungen")),
    ("assessments", "assessments:index", _("DigiCheck")),
    ("measures", "measures:index", _("Maßnahmen")),
    ("roadmap", "roadmap:index", _("Fahrplan")),
    ("knowledge", "knowledge:index", _("Wissen")),
    ("reports", "reports:index", _("Berichte")),
]


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    active: bool
