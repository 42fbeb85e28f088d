"""The DigiCheck workshop: one question at a time, made to be shown on a projector."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from wandelwerk.assessments.checks import logic, queries
from wandelwerk.assessments.checks.views import load_assessment
from wandelwerk.assessments.evidence.forms import evidence_form_for
from wandelwerk.assessments.evidence.queries import evidence_of
from wandelwerk.assessments.models import Answer, Assessment, AssessmentLocked
from wandelwerk.core.params import whole_number
from wandelwerk.tenants.views import MunicipalityMixin


class WorkshopView(MunicipalityMixin, TemplateView):
    """One question at a time, large type, keys 0–4 and N, saved as you go."""

    permission_required = "assessments.view"

    template_name = "assessments/workshop.html"

    def get_template_names(self) -> list[str]:
        if getattr(self.request, "htmx", False):
            return ["assessments/workshop.html#card"]
        return [self.template_name]

    def card(self, assessment: Assessment, index: int, **extra: Any) -> dict[str, Any]:
        questions = queries.questions(assessment)
        if not questions:
            raise Http404
        index = max(0, min(index, len(questions) - 1))
        question = questions[index]
        answer = Answer.objects.filter(assessment=assessment, question=question).first()
        done = set(
            Answer.objects.filter(assessment=assessment)
            .exclude(level__isnull=True, not_applicable=False)
            .values_list("question_id", flat=True)
        )
        answered = sum(1 for q in questions if q.pk in done)
        open_after = [i for i, q in enumerate(questions) if q.pk not in done and i > index]
        open_before = [i for i, q in enumerate(questions) if q.pk not in done and i < index]
        next_open = (open_after + open_before)[0] if open_after or open_before else None
        levels = [
            (int(k), v) for k, v in sorted(question.levels.items(), key=lambda kv: int(kv[0]))
        ]
        may_upload = self.can("assessments.change") and not assessment.locked
        return {
            "object": assessment,
            "question": question,
            "answer": answer,
            "evidence": evidence_of(assessment, question) if answer else [],
            "evidence_form": evidence_form_for(question) if may_upload else None,
            "levels": levels,
            "index": index,
            "number": index + 1,
            "count": len(questions),
            "answered": answered,
            "percent": round(100 * answered / len(questions)),
            "has_next": index + 1 < len(questions),
            "next_open": next_open,
            **extra,
        }

    def render_card(self, assessment: Assessment, index: int, **extra: Any) -> HttpResponse:
        """The card of question ``index``: alone for htmx, otherwise in the whole page."""
        if getattr(self.request, "htmx", False):
            context = super().get_context_data(**self.kwargs)
        else:
            context = self.get_context_data(**self.kwargs)
        context.update(self.card(assessment, index, **extra))
        return self.render_to_response(context)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        assessment = load_assessment(self.kwargs["pk"])
        if "n" in self.request.GET:
            index = whole_number(self.request.GET.get("n"))
        else:  # resume where the work stopped: the first question without an answer
            open_ = logic.open_questions(assessment)
            index = open_[0][0] if open_ else 0
        context.update(self.card(assessment, index))
        context["breadcrumbs"] = self.crumbs(
            {"label": str(assessment), "url": assessment.get_absolute_url()},
            {"label": _("Workshop")},
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not self.can("assessments.change"):
            raise PermissionDenied
        assessment = load_assessment(self.kwargs["pk"])
        questions = queries.questions(assessment)
        index = whole_number(request.POST.get("n"))
        if not 0 <= index < len(questions):
            raise Http404
        question = questions[index]
        raw = request.POST.get("level", "")
        if raw not in {"", "n", *question.levels}:
            return HttpResponseBadRequest(_("Diese Stufe gibt es bei dieser Frage nicht."))
        not_applicable = raw == "n"
        level = int(raw) if raw not in {"", "n"} else None
        try:
            saved = logic.save_answer(
                actor=request.user,
                assessment=assessment,
                question=question,
                level=level,
                not_applicable=not_applicable,
                comment=request.POST.get("comment", ""),
                version=whole_number(request.POST.get("version")),
                keep_level=raw == "",  # a comment on its own keeps the chosen level
            )
        except AssessmentLocked as exc:
            messages.error(request, str(exc))
            return redirect(assessment.get_absolute_url())
        if isinstance(saved, logic.Conflict):
            return self.render_card(assessment, index, conflict=saved)
        stay = request.POST.get("go") == "stay" or raw == ""
        target = index + 1 if not stay and index + 1 < len(questions) else index
        if getattr(request, "htmx", False):
            return self.render_card(
                assessment,
                target,
                saved_message=(
                    _("Kommentar zu %(key)s gespeichert.")
                    if raw == ""
                    else _("Antwort zu %(key)s gespeichert.")
                )
                % {"key": question.key},
            )
        return redirect(
            reverse("assessments:workshop", args=[self.municipality.slug, assessment.pk])
            + f"?n={target}"
        )
