from django.urls import path

from wandelwerk.measures import views

app_name = "measures"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
]
