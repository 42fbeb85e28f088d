from django.urls import path

from wandelwerk.imports.views import import_urls
from wandelwerk.organisation import views, wave

app_name = "organisation"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("ruhestandswelle/", wave.WaveView.as_view(), name="wave"),
    path("einheiten/", views.OrgUnitListView.as_view(), name="orgunit_list"),
    path("einheiten/neu/", views.OrgUnitFormView.as_view(), name="orgunit_create"),
    path("einheiten/<int:pk>/", views.OrgUnitDetailView.as_view(), name="orgunit_detail"),
    path("einheiten/<int:pk>/bearbeiten/", views.OrgUnitFormView.as_view(), name="orgunit_update"),
    path("einheiten/<int:pk>/loeschen/", views.OrgUnitDeleteView.as_view(), name="orgunit_delete"),
    path("beschaeftigte/", views.EmployeeListView.as_view(), name="employee_list"),
    path("beschaeftigte/neu/", views.EmployeeFormView.as_view(), name="employee_create"),
    path("beschaeftigte/<int:pk>/", views.EmployeeDetailView.as_view(), name="employee_detail"),
    path(
        "beschaeftigte/<int:pk>/bearbeiten/",
        views.EmployeeFormView.as_view(),
        name="employee_update",
    ),
    path(
        "beschaeftigte/<int:pk>/loeschen/",
        views.EmployeeDeleteView.as_view(),
        name="employee_delete",
    ),
    path("verfahren/", views.ITSystemListView.as_view(), name="itsystem_list"),
    path("verfahren/neu/", views.ITSystemFormView.as_view(), name="itsystem_create"),
    path("verfahren/<int:pk>/", views.ITSystemDetailView.as_view(), name="itsystem_detail"),
    path(
        "verfahren/<int:pk>/bearbeiten/", views.ITSystemFormView.as_view(), name="itsystem_update"
    ),
    path(
        "verfahren/<int:pk>/loeschen/", views.ITSystemDeleteView.as_view(), name="itsystem_delete"
    ),
    path("altersgrenzen/", views.AgeLimitListView.as_view(), name="agelimit_list"),
    path("altersgrenzen/neu/", views.AgeLimitFormView.as_view(), name="agelimit_create"),
    path(
        "altersgrenzen/<int:pk>/bearbeiten/",
        views.AgeLimitFormView.as_view(),
        name="agelimit_update",
    ),
    path(
        "altersgrenzen/<int:pk>/loeschen/",
        views.AgeLimitDeleteView.as_view(),
        name="agelimit_delete",
    ),
    *import_urls("organisation", ["org_units", "employees", "it_systems"]),
]
