from django.urls import path

from wandelwerk.assessments.frameworks import views

app_name = "frameworks"

urlpatterns = [
    path("", views.ListView.as_view(), name="list"),
    path("<int:pk>/kopieren/", views.CopyView.as_view(), name="copy"),
    path("<int:pk>/bearbeiten/", views.EditView.as_view(), name="edit"),
    path("<int:pk>/veroeffentlichen/", views.PublishView.as_view(), name="publish"),
    path("<int:pk>/loeschen/", views.DeleteView.as_view(), name="delete"),
    path("<int:pk>/yaml/", views.ExportView.as_view(), name="export"),
    path("<int:pk>/handlungsfelder/<int:part>/", views.AreaView.as_view(), name="area"),
    path("<int:pk>/kriterien/<int:part>/", views.CriterionView.as_view(), name="criterion"),
    path(
        "<int:pk>/kriterien/<int:part>/neue-frage/",
        views.QuestionAddView.as_view(),
        name="question_add",
    ),
    path("<int:pk>/fragen/<int:part>/", views.QuestionView.as_view(), name="question"),
    path(
        "<int:pk>/fragen/<int:part>/entfernen/",
        views.QuestionDeleteView.as_view(),
        name="question_delete",
    ),
]
