from django.urls import path

from wandelwerk.core import job_views

app_name = "core"

urlpatterns = [
    path("<int:pk>/", job_views.JobView.as_view(), name="job"),
]
