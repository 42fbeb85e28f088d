from django.urls import path

from wandelwerk.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
]
