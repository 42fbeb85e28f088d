from django.urls import path

from wandelwerk.assessments.checks import uploads, views, workshop
from wandelwerk.assessments.evidence import views as evidence_views

app_name = "assessments"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("neu/", views.CreateView.as_view(), name="create"),
    path("vier-augen/", views.FourEyesView.as_view(), name="four_eyes"),
    path("ergebnisse/", views.ResultsView.as_view(), name="results"),
    path("<int:pk>/", views.DetailView.as_view(), name="detail"),
    path("<int:pk>/workshop/", workshop.WorkshopView.as_view(), name="workshop"),
    path("<int:pk>/status/", views.TransitionView.as_view(), name="transition"),
    path("<int:pk>/export/", views.ExportView.as_view(), name="export"),
    path(
        "<int:pk>/nachweise/",
        uploads.DetailEvidenceView.as_view(),
        name="evidence_upload",
    ),
    path(
        "<int:pk>/workshop/nachweise/",
        uploads.WorkshopEvidenceView.as_view(),
        name="workshop_evidence_upload",
    ),
    path(
        "<int:pk>/nachweise/<int:evidence_pk>/",
        evidence_views.EvidenceDownloadView.as_view(),
        name="evidence_download",
    ),
    path(
        "<int:pk>/nachweise/<int:evidence_pk>/loeschen/",
        evidence_views.EvidenceDeleteView.as_view(),
        name="evidence_delete",
    ),
]
