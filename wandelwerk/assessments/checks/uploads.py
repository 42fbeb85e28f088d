"""Uploading evidence files from the workshop card or the detail page of a DigiCheck: the pages
of the check render again with the upload's result."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from wandelwerk.assessments.checks import queries
from wandelwerk.assessments.checks.views import DetailView, load_assessment
from wandelwerk.assessments.checks.workshop import WorkshopView
from wandelwerk.assessments.evidence import logic
from wandelwerk.assessments.evidence.forms import EvidenceForm, evidence_form_for
from wandelwerk.assessments.models import Assessment, AssessmentLocked, Question
from wandelwerk.core.uploads import UploadRejected


class EvidenceUploadMixin:
    """POST ``question`` (its id) and ``file``; the page class decides what follows."""

    http_method_names: Sequence[str] = ["post"]
    permission_required = "assessments.change"
    request: HttpRequest
    kwargs: dict[str, Any]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        assessment = load_assessment(self.kwargs["pk"])
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
            except AssessmentLocked as exc:
                messages.error(request, str(exc))
                return redirect(assessment.get_absolute_url())
            except UploadRejected as exc:
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
