"""A municipality's navigation: its sections, the breadcrumbs of a page, what the user may do.

``SECTIONS`` is the only list of sections; the menu and every breadcrumb trail are built from it.
Section URLs are named by string, so this module imports no app.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from wandelwerk.tenants import tenancy

Crumb = dict[str, Any]  # {"label": …, "url": …}; the current page has no "url"


@dataclass(frozen=True)
class Section:
    namespace: str  # the URL namespace of the section's pages
    url_name: str  # its first page
    label: str | Promise


SECTIONS: list[Section] = [
    Section("overview", "overview:index", _("Übersicht")),
    Section("organisation", "organisation:index", _("Organisation")),
    Section("ozg", "ozg:index", _("Leistungen")),
    Section("assessments", "assessments:index", _("DigiCheck")),
    Section("measures", "measures:index", _("Maßnahmen")),
    Section("roadmap", "roadmap:index", _("Fahrplan")),
    Section("knowledge", "knowledge:index", _("Wissen")),
    Section("reports", "reports:index", _("Berichte")),
]
_BY_NAMESPACE = {section.namespace: section for section in SECTIONS}
HOME = SECTIONS[0]


def is_section_start(url_name: str) -> bool:
    """Whether ``url_name`` is the first page of a section (it has its own crumb already)."""
    return any(section.url_name == url_name for section in SECTIONS)


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    active: bool


def breadcrumbs(municipality: Any, namespace: str, *trail: Crumb) -> list[Crumb]:
    """Municipality › section of ``namespace`` › ``trail``; the last crumb (the page itself)
    carries no link. A namespace outside the sections (members, audit log) adds no section."""
    slug = municipality.slug
    crumbs: list[Crumb] = [{"label": municipality.name, "url": reverse(HOME.url_name, args=[slug])}]
    section = _BY_NAMESPACE.get(namespace)
    if section is not None and section is not HOME:
        crumbs.append({"label": str(section.label), "url": reverse(section.url_name, args=[slug])})
    crumbs.extend(trail)
    crumbs[-1] = {"label": crumbs[-1]["label"]}
    return crumbs


class Permissions:
    """What the user may do in the current municipality, for templates:
    ``{% if can.organisation.change %}`` asks the rule ``organisation.change``."""

    def __init__(self, user: Any, municipality: Any) -> None:
        self._user = user
        self._municipality = municipality

    def __getitem__(self, app: str) -> _AppPermissions:
        return _AppPermissions(self, app)

    def has(self, perm: str) -> bool:
        return bool(self._user.has_perm(perm, self._municipality))


class _AppPermissions:
    def __init__(self, permissions: Permissions, app: str) -> None:
        self._permissions = permissions
        self._app = app

    def __getitem__(self, name: str) -> bool:
        return self._permissions.has(f"{self._app}.{name}")


def navigation(request: HttpRequest) -> dict[str, Any]:
    """Context processor: the menu of the current municipality and the user's permissions."""
    municipality = tenancy.current_municipality()
    if municipality is None:
        return {}
    match = request.resolver_match
    namespace = match.namespace if match else ""
    view_name = match.view_name if match else ""
    items = [
        NavItem(
            str(section.label),
            reverse(section.url_name, args=[municipality.slug]),
            view_name == section.url_name if section is HOME else namespace == section.namespace,
        )
        for section in SECTIONS
    ]
    return {
        "nav_items": items,
        "municipality": municipality,
        "can": Permissions(request.user, municipality),
    }
