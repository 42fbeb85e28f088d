from django.urls import path

from wandelwerk.ozg import views

app_name = "ozg"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
]
