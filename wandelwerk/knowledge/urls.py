from django.urls import path

from wandelwerk.knowledge.views import articles, care, expertise, files, history, risk

app_name = "knowledge"

urlpatterns = [
    path("", articles.IndexView.as_view(), name="index"),
    path("artikel/neu/", articles.ArticleFormView.as_view(), name="article_create"),
    path("artikel/vorschau/", articles.PreviewView.as_view(), name="article_preview"),
    path("artikel/<int:pk>/", articles.ArticleDetailView.as_view(), name="article_detail"),
    path("artikel/<int:pk>/bearbeiten/", articles.ArticleFormView.as_view(), name="article_update"),
    path("artikel/<int:pk>/loeschen/", articles.ArticleDeleteView.as_view(), name="article_delete"),
    path(
        "artikel/<int:pk>/schritt/<slug:action>/",
        articles.ArticleActionView.as_view(),
        name="article_action",
    ),
    path("artikel/<int:pk>/versionen/", history.HistoryView.as_view(), name="article_history"),
    path(
        "artikel/<int:pk>/versionen/<int:number>/",
        history.VersionView.as_view(),
        name="article_version",
    ),
    path("artikel/<int:pk>/aenderungen/", history.DiffView.as_view(), name="article_diff"),
    path("artikel/<int:pk>/anhaenge/", files.AttachmentAddView.as_view(), name="attachment_add"),
    path(
        "artikel/<int:pk>/anhaenge/<int:file_pk>/",
        files.AttachmentDownloadView.as_view(),
        name="attachment_download",
    ),
    path(
        "artikel/<int:pk>/anhaenge/<int:file_pk>/loeschen/",
        files.AttachmentDeleteView.as_view(),
        name="attachment_delete",
    ),
    path("pruefungen/", care.OverdueView.as_view(), name="overdue"),
    path("uebergaben/", care.LeaversView.as_view(), name="leavers"),
    path("uebergaben/<int:user_pk>/", care.HandOverView.as_view(), name="hand_over"),
    path("einstellungen/", care.SettingsView.as_view(), name="settings"),
    path("risiko/", risk.RiskView.as_view(), name="risk"),
    path("risiko/einheit/<int:pk>/", risk.RateView.as_view(), name="risk_rate"),
    path("risiko/person/<int:pk>/", risk.HistoryView.as_view(), name="risk_history"),
    path("risiko/uebergaben/", risk.CreateHandOversView.as_view(), name="handover_create"),
    path("risiko/freigaben/", risk.GrantsView.as_view(), name="grants"),
    path("wissenslandkarte/", expertise.ExpertiseMapView.as_view(), name="expertise"),
    path("wissenslandkarte/neu/", expertise.ExpertiseFormView.as_view(), name="expertise_create"),
    path(
        "wissenslandkarte/<int:pk>/",
        expertise.ExpertiseFormView.as_view(),
        name="expertise_update",
    ),
    path(
        "wissenslandkarte/<int:pk>/loeschen/",
        expertise.ExpertiseDeleteView.as_view(),
        name="expertise_delete",
    ),
]
