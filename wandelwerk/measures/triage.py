"""The triage of one approved DigiCheck's recommendations: grouped by unit and area, each with
its reason; several accepted or rejected at once."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView

from wandelwerk.assessments.models import Assessment
from wandelwerk.measures import logic, queries
from wandelwerk.measures.models import Area, Status
from wandelwerk.tenants.views import MunicipalityMixin


class TriageView(MunicipalityMixin, TemplateView):
    permission_required = "measures.view"
    template_name = "measures/triage.html"

    def assessment(self) -> Assessment:
        return get_object_or_404(
            Assessment.objects.select_related("org_unit", "framework"), pk=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        assessment = self.assessment()
        proposals = queries.proposals_of(assessment)
        groups = []
        for unit, in_unit in groupby(proposals, key=lambda m: m.org_unit):
            areas = [
                (Area(area).label, list(items))
                for area, items in groupby(in_unit, key=lambda m: m.area)
            ]
            groups.append((str(unit) if unit else _("ganze Verwaltung"), areas))
        open_count = sum(1 for m in proposals if m.status == Status.PROPOSED)
        context.update(
            assessment=assessment,
            groups=groups,
            total=len(proposals),
            open_count=open_count,
            may_decide=self.can("measures.change"),
            breadcrumbs=self.crumbs({"label": _("Empfehlungen aus %(c)s") % {"c": assessment}}),
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not self.can("measures.change"):
            return self.handle_no_permission()
        assessment = self.assessment()
        decision = request.POST.get("entscheidung")
        if decision not in ("annehmen", "ablehnen", "alle-annehmen", "alle-ablehnen"):
            messages.error(request, _("Bitte „annehmen“ oder „ablehnen“ wählen."))
            return redirect(request.path)
        proposals = queries.proposals_of(assessment)
        if decision.startswith("alle-"):
            chosen = [m for m in proposals if m.status == Status.PROPOSED]
        else:
            wanted = set(request.POST.getlist("massnahme"))
            chosen = [m for m in proposals if str(m.pk) in wanted]
        if not chosen:
            messages.error(request, _("Bitte mindestens eine Empfehlung auswählen."))
            return redirect(request.path)
        accept = decision.endswith("annehmen")
        changed, skipped = logic.decide_proposals(
            actor=request.user, measures=chosen, accept=accept
        )
        verb = _("angenommen") if accept else _("abgelehnt")
        messages.success(
            request,
            ngettext("%(n)d Maßnahme %(verb)s.", "%(n)d Maßnahmen %(verb)s.", len(changed))
            % {"n": len(changed), "verb": verb},
        )
        if skipped:
            messages.warning(
                request,
                _("Inzwischen von jemand anderem entschieden und nicht geändert: %(titles)s")
                % {"titles": ", ".join(m.title for m in skipped)},
            )
        return redirect(request.path)
