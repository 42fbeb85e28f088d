"""A background job's page."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from wandelwerk.jobs import logic, queries
from wandelwerk.jobs.models import Job
from wandelwerk.jobs.registry import INTERIM_TEMPLATES
from wandelwerk.tenants.views import MunicipalityMixin


class JobView(MunicipalityMixin, TemplateView):
    """A background job's progress; htmx requests get only the progress block (polled each second)."""

    template_name = "jobs/job.html"

    def get_breadcrumbs(self) -> list[dict[str, Any]]:
        return []  # the job's own page: its title says what it is

    def get_template_names(self) -> list[str]:
        if getattr(self.request, "htmx", False):
            return ["jobs/job.html#progress"]
        return [self.template_name]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        job = get_object_or_404(Job.objects.all(), pk=kwargs["pk"])
        if job.created_by_id not in (None, self.request.user.pk) and not self.can(
            "tenants.manage_members"
        ):
            raise Http404
        context["job"] = job
        context["waiting"] = queries.waiting_reason(job)
        if job.interim is not None and job.status == Job.Status.RUNNING:
            context["interim_template"] = INTERIM_TEMPLATES.get(job.kind, "")
        return context


class StopView(JobView):
    """POST: ask the job to end early (a planning run keeps the best plan found so far)."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        job = self.get_context_data(**kwargs)["job"]
        if logic.request_stop(job=job):
            messages.info(
                request, _("Die Suche wird beendet; der beste Plan bisher wird übernommen.")
            )
        return redirect("jobs:detail", self.municipality.slug, job.pk)


def readyz(request: HttpRequest) -> JsonResponse:
    """200 when the database answers and a background worker gave a sign of life within the
    last minute, 503 otherwise (``/healthz`` checks the web process alone)."""
    state = queries.worker_state()
    body = {
        "status": "ok" if state.alive else "degraded",
        "database": "ok",
        "worker": "alive" if state.alive else "missing",
        "worker_last_seen": state.last_seen.isoformat() if state.last_seen else None,
    }
    return JsonResponse(body, status=200 if state.alive else 503)
