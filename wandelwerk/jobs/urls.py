from django.urls import path

from wandelwerk.jobs import views

app_name = "jobs"

urlpatterns = [
    path("<int:pk>/", views.JobView.as_view(), name="detail"),
    path("<int:pk>/beenden/", views.StopView.as_view(), name="stop"),
]
