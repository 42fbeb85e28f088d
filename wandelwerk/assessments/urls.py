from django.urls import path

from wandelwerk.assessments import views

app_name = "assessments"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("neu/", views.CreateView.as_view(), name="create"),
    path("ergebnisse/", views.ResultsView.as_view(), name="results"),
    path("<int:pk>/", views.DetailView.as_view(), name="detail"),
    path("<int:pk>/workshop/", views.WorkshopView.as_view(), name="workshop"),
    path("<int:pk>/status/", views.TransitionView.as_view(), name="transition"),
    path("<int:pk>/empfehlungen/", views.RecommendView.as_view(), name="recommend"),
]
