from django.urls import path

from wandelwerk.roadmap.views import compare, scenarios, standings, whatif

app_name = "roadmap"

urlpatterns = [
    path("", scenarios.IndexView.as_view(), name="index"),
    path("vergleich/", compare.CompareView.as_view(), name="compare"),
    path("szenarien/neu/", scenarios.ScenarioFormView.as_view(), name="scenario_create"),
    path("szenarien/<int:pk>/", scenarios.ScenarioDetailView.as_view(), name="scenario_detail"),
    path(
        "szenarien/<int:pk>/bearbeiten/",
        scenarios.ScenarioFormView.as_view(),
        name="scenario_update",
    ),
    path(
        "szenarien/<int:pk>/loeschen/",
        scenarios.ScenarioDeleteView.as_view(),
        name="scenario_delete",
    ),
    path(
        "szenarien/<int:pk>/aktion/", scenarios.ScenarioActionView.as_view(), name="scenario_action"
    ),
    path(
        "szenarien/<int:pk>/festschreiben/", scenarios.FreezeView.as_view(), name="scenario_freeze"
    ),
    path("szenarien/<int:pk>/was-waere-wenn/", whatif.WhatIfView.as_view(), name="whatif"),
    path(
        "massnahmen/<int:pk>/", standings.MeasureStandingsView.as_view(), name="measure_standings"
    ),
]
