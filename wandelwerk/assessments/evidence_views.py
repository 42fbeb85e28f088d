"""Evidence files (Nachweise) of DigiCheck answers: upload in the workshop or on the detail page,
download only through the membership check, delete while the check is not locked."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.http.response import FileResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from wandelwerk.assessments import logic, queries
from wandelwerk.assessments.evidence import EvidenceRejected
from wandelwerk.assessments.forms import EvidenceForm, evidence_form_for
from wandelwerk.assessments.models import Assessment, Evidence, Question
from wandelwerk.assessments.views import AssessmentsMixin, DetailView, WorkshopView


class EvidenceUploadMixin:
    """POST ``question`` (its id) and ``file``; the page class decides what follows."""

    http_method_names: Sequence[str] = ["post"]
    permission_required = "assessments.change"
    request: HttpRequest
    load: Callable[[], Assessment]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        assessment = self.load()
        if assessment.locked:
            messages.error(request, _("Der DigiCheck ist freigegeben und gesperrt."))
            return redirect(assessment.get_absolute_url())
        questions = queries.questions(assessment)
        question = next(
            (q for q in questions if str(q.pk) == request.POST.get("question", "")), None
        )
        if question is None:
            messages.error(request, _("Bitte wählen Sie die Frage, zu der der Nachweis gehört."))
            return redirect(assessment.get_absolute_url())
        form = evidence_form_for(question, request.POST, request.FILES)
        if form.is_valid():
            try:
                item = logic.add_evidence(
                    actor=request.user,
                    assessment=assessment,
                    question=question,
                    upload=form.cleaned_data["file"],
                )
            except logic.AssessmentLocked as exc:
                messages.error(request, str(exc))
                return redirect(assessment.get_absolute_url())
            except EvidenceRejected as exc:
                form.add_error("file", str(exc))
            else:
                message = _("Nachweis „%(name)s“ zu %(key)s gespeichert.") % {
                    "name": item.name,
                    "key": question.key,
                }
                return self.uploaded(assessment, questions.index(question), message)
        return self.rejected(assessment, question, questions.index(question), form)

    def uploaded(self, assessment: Assessment, index: int, message: str) -> HttpResponse:
        raise NotImplementedError

    def rejected(
        self, assessment: Assessment, question: Question, index: int, form: EvidenceForm
    ) -> HttpResponse:
        raise NotImplementedError


class WorkshopEvidenceView(EvidenceUploadMixin, WorkshopView):
    """Upload from the workshop card: htmx swaps the card, without JS the page reloads."""

    def uploaded(self, assessment: Assessment, index: int, message: str) -> HttpResponse:
        if getattr(self.request, "htmx", False):
            return self.render_card(assessment, index, saved_message=message)
        messages.success(self.request, message)
        return redirect(workshop_url(assessment, index))

    def rejected(
        self, assessment: Assessment, question: Question, index: int, form: EvidenceForm
    ) -> HttpResponse:
        return self.render_card(assessment, index, evidence_form=form)


class DetailEvidenceView(EvidenceUploadMixin, DetailView):
    """Upload from the answer list of the detail page."""

    def uploaded(self, assessment: Assessment, index: int, message: str) -> HttpResponse:
        messages.success(self.request, message)
        return redirect(assessment.get_absolute_url() + "#antworten")

    def rejected(
        self, assessment: Assessment, question: Question, index: int, form: EvidenceForm
    ) -> HttpResponse:
        context = self.get_context_data(evidence_form=form, evidence_question=question.pk)
        return self.render_to_response(context)


def workshop_url(assessment: Assessment, index: int) -> str:
    return (
        reverse("assessments:workshop", args=[assessment.municipality.slug, assessment.pk])
        + f"?n={index}"
    )


class EvidenceMixin(AssessmentsMixin):
    def load_evidence(self) -> tuple[Assessment, Evidence]:
        assessment = self.load()
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
            questions = [q.pk for q in queries.questions(assessment)]
            index = questions.index(item.answer.question_id)
            return workshop_url(assessment, index)
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
        except logic.AssessmentLocked as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Nachweis „%(name)s“ gelöscht.") % {"name": item.name})
        return redirect(back)
