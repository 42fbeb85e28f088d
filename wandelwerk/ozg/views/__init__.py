"""Pages of the service register: the register itself, the catalogue, priorities and dashboard."""

from wandelwerk.ozg.views.analysis import DashboardView, PrioritiesView
from wandelwerk.ozg.views.catalog import AdoptView, CatalogServiceView, CatalogView, StandardSetView
from wandelwerk.ozg.views.register import (
    IndexView,
    MilestonesView,
    ServiceDeleteView,
    ServiceDetailView,
    ServiceFormView,
)

__all__ = [
    "AdoptView",
    "CatalogServiceView",
    "CatalogView",
    "DashboardView",
    "IndexView",
    "MilestonesView",
    "PrioritiesView",
    "ServiceDeleteView",
    "ServiceDetailView",
    "ServiceFormView",
    "StandardSetView",
]
