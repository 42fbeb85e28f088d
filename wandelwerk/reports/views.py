"""Pages of the section „Berichte“: the report, what it prints, building files, handing one over
to the council and the archive."""

from __future__ import annotations

import io
from typing import Any

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView

from wandelwerk.jobs.logic import start_job
from wandelwerk.reports import content, document, logic, progress
from wandelwerk.reports.forms import HandOverForm, SettingsForm
from wandelwerk.reports.models import (
    MEDIA_TYPES,
    CouncilPaper,
    Format,
    Kind,
    ReportFile,
    ReportSettings,
)
from wandelwerk.tenants.views import MunicipalityMixin, ObjectFormView


def _files() -> Any:
    return ReportFile.objects.defer("content").select_related(
        "created_by", "handed_over_by", "plan"
    )


class IndexView(MunicipalityMixin, TemplateView):
    permission_required = "reports.view"
    template_name = "reports/index.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        config = content.report_settings()
        files = list(_files())
        context.update(
            config=config,
            sections=[s for s in content.SECTIONS if s.key not in (config.left_out or [])],
            plan=content.proposed_plan(config.scenario),
            drafts=[f for f in files if not f.archived],
            archive=[f for f in files if f.archived],
            formats=[Format.PDF, Format.DOCX, Format.HTML],
            papers=list(CouncilPaper.objects.select_related("scenario")),
            calendar=progress.calendar(timezone.localdate()),
        )
        return context


class DocumentView(MunicipalityMixin, View):
    """The strategy report (or with ``?art=progress`` the progress report) as one HTML page,
    built from the current data."""

    permission_required = "reports.view"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        kind = Kind.PROGRESS if request.GET.get("art") == Kind.PROGRESS else Kind.STRATEGY
        context = logic.context_of(kind)
        context["back_url"] = reverse("reports:index", args=[self.municipality.slug])
        return HttpResponse(document.html(context, standalone=False))


class SettingsView(ObjectFormView):
    model = ReportSettings
    form_class = SettingsForm
    list_url_name = "reports:index"
    permission_required = "reports.change"

    def load_object(self) -> ReportSettings:
        return content.report_settings()

    def get_heading(self) -> str:
        return _("Was der Bericht enthält")

    def get_cancel_url(self) -> str:
        return self.list_url()

    def save(self, form: SettingsForm) -> ReportSettings:
        return logic.save_settings(
            actor=self.request.user,
            preface=form.cleaned_data["preface"],
            left_out=form.left_out(),
            scenario=form.cleaned_data["scenario"],
            progress_first_due=form.cleaned_data["progress_first_due"],
            progress_every_months=form.cleaned_data["progress_every_months"],
        )

    def get_success_url(self) -> str:
        return self.list_url()


class BuildView(MunicipalityMixin, View):
    """POST: build the report as PDF, Word or HTML in the background."""

    http_method_names = ["post"]
    permission_required = "reports.change"

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        fmt = request.POST.get("format", "")
        kind = request.POST.get("kind", Kind.STRATEGY)
        if fmt not in Format.values or kind not in (Kind.STRATEGY, Kind.PROGRESS):
            messages.error(request, _("Dieses Format gibt es nicht."))
            return redirect("reports:index", self.municipality.slug)
        job = start_job(
            actor=request.user,
            kind="reports.build",
            title=_("%(kind)s erstellen: %(format)s")
            % {"kind": Kind(kind).label, "format": Format(fmt).label},
            params={"kind": kind, "format": fmt},
        )
        return redirect("jobs:detail", self.municipality.slug, job.pk)


class FileMixin(MunicipalityMixin):
    def load_file(self) -> ReportFile:
        return get_object_or_404(ReportFile.objects.all(), pk=self.kwargs["pk"])  # type: ignore[attr-defined]


class FileView(FileMixin, View):
    """A built or archived report, byte for byte as stored, as a download."""

    permission_required = "reports.view"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        report = self.load_file()
        response = FileResponse(
            io.BytesIO(bytes(report.content)),
            as_attachment=True,
            filename=report.filename,
            content_type=MEDIA_TYPES[Format(report.format)],
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        response["Digest"] = f"sha-256={report.sha256}"
        return response


class HandOverView(FileMixin, FormView):
    """Record that a built report went to the council; it then belongs to the archive."""

    permission_required = "reports.hand_over"
    template_name = "reports/hand_over.html"
    form_class = HandOverForm
    page_title = gettext_lazy("Dem Ausschuss übergeben")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["report"] = self.load_file()
        return context

    def get_initial(self) -> dict[str, Any]:
        return {"on": timezone.localdate(), "recipient": "Haupt- und Finanzausschuss"}

    def form_valid(self, form: HandOverForm) -> HttpResponse:
        report = self.load_file()
        try:
            logic.hand_over(
                actor=self.request.user,
                report=report,
                on=form.cleaned_data["on"],
                recipient=form.cleaned_data["recipient"],
            )
        except logic.Archived as exc:
            messages.error(self.request, str(exc))
        else:
            messages.success(self.request, _("Übergeben und archiviert."))
        return redirect("reports:index", self.municipality.slug)


class DeleteFileView(FileMixin, View):
    """POST: delete a file that was not handed over."""

    http_method_names = ["post"]
    permission_required = "reports.change"

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        report = self.load_file()
        try:
            logic.delete_file(actor=request.user, report=report)
        except logic.Archived as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Datei gelöscht."))
        return redirect("reports:index", self.municipality.slug)
