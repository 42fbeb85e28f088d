from django.urls import path

from wandelwerk.imports.views import import_urls
from wandelwerk.ozg import views

app_name = "ozg"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("neu/", views.ServiceFormView.as_view(), name="service_create"),
    path("<int:pk>/", views.ServiceDetailView.as_view(), name="service_detail"),
    path("<int:pk>/bearbeiten/", views.ServiceFormView.as_view(), name="service_update"),
    path("<int:pk>/loeschen/", views.ServiceDeleteView.as_view(), name="service_delete"),
    path("<int:pk>/meilensteine/", views.MilestonesView.as_view(), name="milestones"),
    path("katalog/", views.CatalogView.as_view(), name="catalog"),
    path("katalog/<int:ozg_id>/", views.CatalogServiceView.as_view(), name="catalog_service"),
    path("katalog/uebernehmen/", views.AdoptView.as_view(), name="adopt"),
    path("standardsatz/", views.StandardSetView.as_view(), name="standard_set"),
    path("prioritaeten/", views.PrioritiesView.as_view(), name="priorities"),
    path("dashboard/", views.DashboardView.as_view(), name="dashboard"),
    *import_urls("ozg", ["services"]),
]
