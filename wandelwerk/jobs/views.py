"""A background job's page."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from wandelwerk.jobs.models import Job
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
        return context
