"""Pages of the Beschlussvorlage: drafting and editing it, the paper with its financial effects,
its PDF, and recording the committee's decision."""

from __future__ import annotations

import io
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView

from wandelwerk.reports import content, papers
from wandelwerk.reports.forms import DecisionForm, PaperForm
from wandelwerk.reports.models import CouncilPaper
from wandelwerk.roadmap.models import Scenario
from wandelwerk.tenants.views import MunicipalityMixin, ObjectFormView


class PaperFormView(ObjectFormView):
    """Draft a new paper (its texts drawn from the data) or edit one not yet decided."""

    model = CouncilPaper
    form_class = PaperForm
    list_url_name = "reports:index"
    permission_required = "reports.change"

    def get_initial(self) -> dict[str, Any]:
        if self.object is not None:
            return {}
        chosen = content.report_settings().scenario
        plan = content.proposed_plan(chosen)
        scenario = chosen or (plan.scenario if plan else Scenario.objects.order_by("name").first())
        return papers.draft(scenario) if scenario else {}

    def save(self, form: PaperForm) -> CouncilPaper:
        try:
            return papers.save_paper(
                actor=self.request.user,
                paper=self.object,
                values={name: form.cleaned_data[name] for name in papers.FIELDS},
            )
        except papers.Decided as exc:
            raise ValidationError(str(exc)) from exc


class PaperMixin(MunicipalityMixin):
    def load_paper(self) -> CouncilPaper:
        return get_object_or_404(
            CouncilPaper.objects.select_related("scenario", "report", "archived"),
            pk=self.kwargs["pk"],  # type: ignore[attr-defined]
        )


class PaperView(PaperMixin, FormView):
    """The paper as the committee reads it, and the form that records its decision."""

    permission_required = "reports.view"
    template_name = "reports/paper.html"
    form_class = DecisionForm

    def page_label(self) -> str:
        return str(self.load_paper())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        paper = self.load_paper()
        plan = papers.plan_of(paper)
        rows = papers.finance(plan)
        context.update(paper=paper, plan=plan, finance=rows, funded=any(r.funded for r in rows))
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not self.can("reports.hand_over"):
            return self.handle_no_permission()
        return super().post(request, *args, **kwargs)

    def form_valid(self, form: DecisionForm) -> HttpResponse:
        paper = self.load_paper()
        try:
            papers.record_decision(actor=self.request.user, paper=paper, **form.cleaned_data)
        except papers.Decided as exc:
            messages.error(self.request, str(exc))
        except ValueError as exc:  # the scenario cannot become the baseline
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        else:
            messages.success(self.request, _("Beschluss erfasst; die Vorlage ist archiviert."))
        return redirect(paper.get_absolute_url())


class PaperPdfView(PaperMixin, View):
    """The paper as PDF, as it stands now (a decided paper: its archived file)."""

    permission_required = "reports.view"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        paper = self.load_paper()
        if paper.archived is not None:
            data, name = bytes(paper.archived.content), paper.archived.filename
        else:
            data, name = papers.paper_pdf(paper), f"{slugify(paper.subject)[:80]}.pdf"
        response = FileResponse(
            io.BytesIO(data), as_attachment=True, filename=name, content_type="application/pdf"
        )
        response["Cache-Control"] = "private, no-store"
        return response
