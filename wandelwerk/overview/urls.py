from django.urls import path

from wandelwerk.overview import views

app_name = "overview"

urlpatterns = [
    path("", views.StartView.as_view(), name="start"),
    path("aufgaben/", views.WorkView.as_view(), name="work"),
    path("k/<slug:municipality_slug>/", views.OverviewView.as_view(), name="index"),
]
