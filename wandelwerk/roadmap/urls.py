from django.urls import path

from wandelwerk.roadmap import views

app_name = "roadmap"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("vergleich/", views.CompareView.as_view(), name="compare"),
    path("szenarien/neu/", views.ScenarioFormView.as_view(), name="scenario_create"),
    path("szenarien/<int:pk>/", views.ScenarioDetailView.as_view(), name="scenario_detail"),
    path(
        "szenarien/<int:pk>/bearbeiten/", views.ScenarioFormView.as_view(), name="scenario_update"
    ),
    path(
        "szenarien/<int:pk>/loeschen/", views.ScenarioDeleteView.as_view(), name="scenario_delete"
    ),
    path("szenarien/<int:pk>/aktion/", views.ScenarioActionView.as_view(), name="scenario_action"),
]
