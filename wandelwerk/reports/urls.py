from django.urls import path

from wandelwerk.reports import paper_views, views

app_name = "reports"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("strategiebericht/", views.DocumentView.as_view(), name="document"),
    path("inhalt/", views.SettingsView.as_view(), name="settings"),
    path("erstellen/", views.BuildView.as_view(), name="build"),
    path("dateien/<int:pk>/", views.FileView.as_view(), name="file"),
    path("dateien/<int:pk>/uebergeben/", views.HandOverView.as_view(), name="hand_over"),
    path("dateien/<int:pk>/loeschen/", views.DeleteFileView.as_view(), name="file_delete"),
    path("vorlagen/neu/", paper_views.PaperFormView.as_view(), name="paper_create"),
    path("vorlagen/<int:pk>/", paper_views.PaperView.as_view(), name="paper"),
    path("vorlagen/<int:pk>/bearbeiten/", paper_views.PaperFormView.as_view(), name="paper_update"),
    path("vorlagen/<int:pk>/pdf/", paper_views.PaperPdfView.as_view(), name="paper_pdf"),
]
