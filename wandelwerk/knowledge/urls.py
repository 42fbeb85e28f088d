from django.urls import path

from wandelwerk.knowledge import views

app_name = "knowledge"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
]
