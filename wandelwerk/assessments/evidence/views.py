"""Evidence files (Nachweise) of DigiCheck answers: download only through the membership check,
delete while the check is not locked. Uploading happens on the pages of the check."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.http.response import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from wandelwerk.assessments.evidence import logic, queries
from wandelwerk.assessments.models import Assessment, AssessmentLocked, Evidence
from wandelwerk.tenants.views import MunicipalityMixin


class EvidenceMixin(MunicipalityMixin):
    permission_required = "assessments.view"
    kwargs: dict[str, Any]

    def load_evidence(self) -> tuple[Assessment, Evidence]:
        assessment = get_object_or_404(
            Assessment.objects.select_related("org_unit", "framework"), pk=self.kwargs["pk"]
        )
        item = queries.evidence(assessment, self.kwargs["evidence_pk"])
        if item is None:
            raise Http404
        return assessment, item


class EvidenceDownloadView(EvidenceMixin, View):
    """The file as an attachment under its original name; never shown inline."""

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        _assessment, item = self.load_evidence()
        try:
            handle = item.file.open("rb")
        except FileNotFoundError as exc:
            raise Http404 from exc
        response = FileResponse(
            handle, as_attachment=True, filename=item.name, content_type=item.content_type
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response


class EvidenceDeleteView(EvidenceMixin, TemplateView):
    """GET asks, POST deletes; back to the workshop card or the detail page it came from."""

    template_name = "assessments/evidence_delete.html"
    permission_required = "assessments.change"

    def back(self, assessment: Assessment, item: Evidence) -> str:
        source = self.request.POST.get("zurueck") or self.request.GET.get("zurueck")
        if source == "workshop":
            questions = [q.pk for q in assessment.asked_questions()]
            index = questions.index(item.answer.question_id)
            return (
                reverse("assessments:workshop", args=[assessment.municipality.slug, assessment.pk])
                + f"?n={index}"
            )
        return assessment.get_absolute_url() + "#antworten"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        assessment, item = self.load_evidence()
        if assessment.locked:
            messages.error(request, _("Der DigiCheck ist freigegeben und gesperrt."))
            return redirect(self.back(assessment, item))
        context = self.get_context_data(
            object=item,
            assessment=assessment,
            back=self.back(assessment, item),
            source=request.GET.get("zurueck", ""),
            breadcrumbs=self.crumbs(
                {"label": str(assessment), "url": assessment.get_absolute_url()},
                {"label": _("Nachweis löschen")},
            ),
        )
        return self.render_to_response(context)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        assessment, item = self.load_evidence()
        back = self.back(assessment, item)
        try:
            logic.delete_evidence(actor=request.user, evidence=item)
        except AssessmentLocked as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Nachweis „%(name)s“ gelöscht.") % {"name": item.name})
        return redirect(back)
