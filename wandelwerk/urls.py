"""URL configuration. Every municipality's pages live below ``/k/<municipality_slug>/``."""

from django.urls import include, path

from wandelwerk.core.views import healthz
from wandelwerk.jobs.views import readyz
from wandelwerk.roadmap.views.team import TeamView

TENANT = "k/<slug:municipality_slug>/"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("", include("wandelwerk.accounts.urls")),
    path("sso/", include("wandelwerk.accounts.sso_urls")),
    path("", include("wandelwerk.overview.urls")),
    path(TENANT + "organisation/", include("wandelwerk.organisation.urls")),
    path(TENANT + "leistungen/", include("wandelwerk.ozg.urls")),
    path("frageboegen/", include("wandelwerk.assessments.frameworks.urls")),
    path("team/", TeamView.as_view(), name="team"),
    path(TENANT + "digicheck/", include("wandelwerk.assessments.urls")),
    path(TENANT + "massnahmen/", include("wandelwerk.measures.urls")),
    path(TENANT + "fahrplan/", include("wandelwerk.roadmap.urls")),
    path(TENANT + "wissen/", include("wandelwerk.knowledge.urls")),
    path(TENANT + "berichte/", include("wandelwerk.reports.urls")),
    path(TENANT + "protokoll/", include("wandelwerk.audit.urls")),
    path(TENANT + "auftraege/", include("wandelwerk.jobs.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
]
