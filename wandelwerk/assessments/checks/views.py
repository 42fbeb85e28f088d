"""Pages of the DigiCheck: list, create, detail with results, workshop mode, status and targets."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from wandelwerk.assessments.checks import export, logic, queries, sections
from wandelwerk.assessments.checks.charts import trend_chart, trend_rows, unit_heatmap
from wandelwerk.assessments.checks.forms import AssessmentForm, TargetsForm
from wandelwerk.assessments.evidence.forms import evidence_form_for
from wandelwerk.assessments.frameworks.loader import default_framework
from wandelwerk.assessments.models import Assessment, AssessmentLocked, AssessmentStatus
from wandelwerk.core.charts.radar import radar
from wandelwerk.core.xlsx import workbook_response
from wandelwerk.tenants.views import MunicipalityMixin

STATUS_LABELS = {
    "in_review": gettext_lazy("Zur Prüfung geben"),
    "approved": gettext_lazy("Freigeben"),
    "draft": gettext_lazy("Zurück in den Entwurf"),
}


def load_assessment(pk: int) -> Assessment:
    """The assessment of the URL, in the current municipality (another's answers 404)."""
    return get_object_or_404(Assessment.objects.select_related("org_unit", "framework"), pk=pk)


class IndexView(MunicipalityMixin, TemplateView):
    permission_required = "assessments.view"
    template_name = "assessments/index.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["assessments"] = queries.assessments()
        return context


class FourEyesView(MunicipalityMixin, View):
    """POST: the municipality's admins switch the four-eyes rule for approvals."""

    permission_required = "tenants.manage_members"

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        required = request.POST.get("vier_augen") == "1"
        logic.set_four_eyes(actor=request.user, municipality=self.municipality, required=required)
        messages.success(
            request,
            _("Vier-Augen-Prinzip für DigiChecks eingeschaltet.")
            if required
            else _("Vier-Augen-Prinzip für DigiChecks ausgeschaltet."),
        )
        return redirect(reverse("assessments:index", args=[self.municipality.slug]))


class CreateView(MunicipalityMixin, TemplateView):
    template_name = "assessments/create.html"
    permission_required = "assessments.change"
    page_title = gettext_lazy("Neuer DigiCheck")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        framework = default_framework()
        context.setdefault("form", AssessmentForm(initial={"framework": framework}))
        context["no_framework"] = framework is None
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = AssessmentForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = form.cleaned_data
        assessment = logic.create_assessment(
            actor=request.user,
            framework=data["framework"],
            org_unit=data["org_unit"],
            date=data["date"],
            participants=data["participants"],
        )
        messages.success(
            request,
            _("DigiCheck angelegt. Im Workshop-Modus beantworten Sie eine Frage nach der anderen."),
        )
        return redirect(assessment.get_absolute_url())


class DetailView(MunicipalityMixin, TemplateView):
    permission_required = "assessments.view"
    template_name = "assessments/detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        assessment = load_assessment(self.kwargs["pk"])
        result = queries.result(assessment)
        names = [a.name for a in result.areas]
        scores = [result.scores.areas.get(a.key) for a in result.areas]
        targets = [result.targets.get(a.key) for a in result.areas]
        previous = queries.previous_approved(assessment)
        before = queries.result(previous) if previous else None
        rows = []
        for area in result.areas:
            value = result.scores.areas.get(area.key)
            old = before.scores.areas.get(area.key) if before else None
            rows.append(
                {
                    "area": area,
                    "score": value,
                    "target": result.targets.get(area.key),
                    "gap": result.gaps.get(area.key),
                    "trend": None if value is None or old is None else value - old,
                }
            )
        weakest = next((a for a in result.areas if a.key == result.weakest), None)
        history = queries.trend(assessment.org_unit_id, until=assessment) if previous else []
        sections: dict[str, list[queries.AnswerRow]] = {}
        for row in queries.answer_rows(assessment):
            sections.setdefault(row.question.criterion.area.name, []).append(row)
        bound = kwargs.get("evidence_form")
        bound_question = kwargs.get("evidence_question")
        may_upload = self.can("assessments.change") and not assessment.locked
        context.update(
            object=assessment,
            result=result,
            rows=rows,
            weakest=weakest,
            previous=previous,
            sections=sections.items(),
            not_asked=queries.not_asked_rows(assessment),
            may_upload=may_upload,
            evidence_max_mb=settings.WANDELWERK_EVIDENCE_MAX_MB,
            evidence_forms={
                row.question.pk: bound
                if bound is not None and row.question.pk == bound_question
                else evidence_form_for(row.question)
                for rows_ in sections.values()
                for row in rows_
            }
            if may_upload
            else {},
            trend_chart=trend_chart(
                history,
                result.areas,
                title=_("Entwicklung je Handlungsfeld über die DigiChecks der Einheit"),
                ident="trend",
            )
            if history
            else "",
            trend_rows=trend_rows(history, result.areas),
            chart=radar(
                names,
                [(_("Ist"), scores, "#0b4f8a", False), (_("Soll"), targets, "#b35900", True)],
                title=_("Ist und Soll je Handlungsfeld"),
                ident="radar",
            )
            if result.answered
            else "",
            transitions=[
                (to, STATUS_LABELS[to])
                for to, perm in logic.allowed_transitions(assessment)
                if self.can(perm)
            ],
            targets_form=kwargs.get("targets_form")
            or TargetsForm(areas=result.areas, initial=result.targets),
            breadcrumbs=self.crumbs({"label": str(assessment)}),
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """Targets (Soll) per area."""
        if not self.can("assessments.change"):
            raise PermissionDenied
        assessment = load_assessment(self.kwargs["pk"])
        form = TargetsForm(request.POST, areas=queries.result(assessment).areas)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(targets_form=form, **kwargs))
        try:
            logic.set_targets(
                actor=request.user,
                assessment=assessment,
                targets={k: v for k, v in form.cleaned_data.items() if v is not None},
            )
            messages.success(request, _("Soll-Werte gespeichert."))
        except AssessmentLocked as exc:
            messages.error(request, str(exc))
        return redirect(assessment.get_absolute_url())


class TransitionView(MunicipalityMixin, TemplateView):
    """A step of the check's life; giving a check with open questions into review asks first
    and lists them."""

    http_method_names = ["post"]
    permission_required = "assessments.change"
    template_name = "assessments/confirm_submit.html"

    def has_permission(self) -> bool:
        return self.can("assessments.view") and (
            self.can("assessments.change") or self.can("assessments.approve")
        )

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        assessment = load_assessment(self.kwargs["pk"])
        to = request.POST.get("to", "")
        allowed = dict(logic.allowed_transitions(assessment))
        if to not in allowed:
            messages.error(request, _("Dieser Statuswechsel ist nicht möglich."))
        elif not self.can(allowed[to]):
            raise PermissionDenied
        else:
            open_ = logic.open_questions(assessment) if to == AssessmentStatus.IN_REVIEW else []
            if open_ and request.POST.get("trotzdem") != "ja":
                context = self.get_context_data(object=assessment, open_questions=open_, to=to)
                context["breadcrumbs"] = self.crumbs(
                    {"label": str(assessment), "url": assessment.get_absolute_url()},
                    {"label": _("Zur Prüfung geben")},
                )
                return self.render_to_response(context)
            try:
                logic.transition(actor=request.user, assessment=assessment, to=to)
            except ValueError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, _("Status: %(s)s.") % {"s": AssessmentStatus(to).label})
        return redirect(assessment.get_absolute_url())


class ExportView(MunicipalityMixin, View):
    """The assessment as an Excel workbook: metadata, every answer, results."""

    permission_required = "assessments.view"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        assessment = load_assessment(self.kwargs["pk"])
        return workbook_response(export.filename(assessment), export.sheets(assessment))


class ResultsView(MunicipalityMixin, TemplateView):
    """The municipality's results: heatmap unit × area, roll-up by FTE, what holds each unit back,
    and the comparison with peers of the same size class."""

    permission_required = "assessments.view"

    template_name = "assessments/results.html"
    page_title = gettext_lazy("Ergebnisse")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        framework = default_framework()
        areas = list(framework.areas.all()) if framework else []
        keys = [a.key for a in areas]
        names = {a.key: a.name for a in areas}
        rows = queries.unit_rows(keys)
        total = queries.administration_scores(rows, keys)
        mine = {k: v for k, v in total.items()}
        comparison = queries.comparison(self.municipality, keys)
        found = queries.trend_units()
        units = [("verwaltung" if pk is None else str(pk), name, pk) for pk, name, _n in found]
        chosen = next((u for u in units if u[0] == self.request.GET.get("einheit")), None)
        # Opens on the first unit with a trend to show (more than one approved check).
        with_trend = [u for u, (_pk, _name, n) in zip(units, found, strict=True) if n > 1]
        chosen = chosen or next(iter(with_trend or units), None)
        history = queries.trend(chosen[2]) if chosen else []
        context.update(
            trend_units=units,
            trend_unit=chosen,
            trend_chart=trend_chart(
                history,
                areas,
                title=_("Entwicklung je Handlungsfeld über die freigegebenen DigiChecks"),
                ident="trend",
            )
            if history
            else "",
            trend_rows=trend_rows(history, areas),
            areas=areas,
            rows=[
                (r, [r.scores.get(k) for k in keys], names.get(r.weakest or "", "")) for r in rows
            ],
            total=[total.get(k) for k in keys],
            chart=unit_heatmap(rows, areas, ident="heat"),
            comparison=comparison,
            sections=sections.sections(self.municipality),
            comparison_rows=[(a.name, mine.get(a.key), comparison.stats.get(a.key)) for a in areas]
            if comparison
            else [],
        )
        return context
