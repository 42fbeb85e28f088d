from django.urls import path

from wandelwerk.tenants import views

app_name = "tenants"

urlpatterns = [
    path("", views.StartView.as_view(), name="start"),
    path("kommunen/neu/", views.MunicipalityCreateView.as_view(), name="create"),
    path("k/<slug:municipality_slug>/", views.OverviewView.as_view(), name="overview"),
    path("k/<slug:municipality_slug>/mitglieder/", views.MembersView.as_view(), name="members"),
]
