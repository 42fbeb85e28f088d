from django.urls import path

from wandelwerk.roadmap import views

app_name = "roadmap"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
]
