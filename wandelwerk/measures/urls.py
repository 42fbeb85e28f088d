from django.urls import path

from wandelwerk.measures import actuals, funding, triage, views

app_name = "measures"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("katalog/", views.CatalogView.as_view(), name="catalog"),
    path("katalog/<slug:key>/", views.AddFromCatalogView.as_view(), name="add_from_catalog"),
    path("neu/", views.MeasureFormView.as_view(), name="measure_create"),
    path("abhaengigkeiten/", views.GraphView.as_view(), name="graph"),
    path("<int:pk>/", views.MeasureDetailView.as_view(), name="measure_detail"),
    path("<int:pk>/bearbeiten/", views.MeasureFormView.as_view(), name="measure_update"),
    path("<int:pk>/loeschen/", views.MeasureDeleteView.as_view(), name="measure_delete"),
    path("<int:pk>/status/", views.StatusView.as_view(), name="measure_status"),
    path("<int:pk>/stand/", views.ProgressView.as_view(), name="measure_progress"),
    path("foerderprogramme/", funding.ProgrammeListView.as_view(), name="funding"),
    path("foerderprogramme/neu/", funding.ProgrammeFormView.as_view(), name="funding_create"),
    path("foerderprogramme/<int:pk>/", funding.ProgrammeFormView.as_view(), name="funding_update"),
    path(
        "foerderprogramme/<int:pk>/loeschen/",
        funding.ProgrammeDeleteView.as_view(),
        name="funding_delete",
    ),
    path("<int:measure_pk>/ist/neu/", actuals.ActualFormView.as_view(), name="actual_create"),
    path("<int:measure_pk>/ist/<int:pk>/", actuals.ActualFormView.as_view(), name="actual_update"),
    path("aus-digicheck/<int:pk>/", views.RecommendView.as_view(), name="recommend"),
    path("aus-digicheck/<int:pk>/sichten/", triage.TriageView.as_view(), name="triage"),
]
