from django.urls import path

from wandelwerk.assessments import views

app_name = "assessments"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
]
