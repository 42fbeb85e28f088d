"""What if: a changed budget, capacity or weight shows its plan at once, without storing it."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from wandelwerk.measures.models import Measure, Status
from wandelwerk.roadmap import logic, planning, texts
from wandelwerk.roadmap.forms import WHAT_IF_FIELDS, WhatIfForm
from wandelwerk.roadmap.models import Scenario
from wandelwerk.roadmap.problem import PLANNED_STATUSES
from wandelwerk.tenants.views import ObjectMixin

LIVE_LIMIT = 200  # measures; above, planning runs in the background


class WhatIfView(ObjectMixin, TemplateView):
    """POST the changed values: the page (or, with htmx, its result block) shows the plan they
    give, what would move and why, and what would be late or left out."""

    template_name = "roadmap/whatif.html"
    permission_required = "roadmap.view"
    model = Scenario
    list_url_name = "roadmap:index"
    http_method_names = ["post"]

    def get_template_names(self) -> list[str]:
        if getattr(self.request, "htmx", False):
            return ["roadmap/whatif.html#result"]
        return [self.template_name]

    def page_label(self) -> str:
        return _("Was wäre, wenn …")

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        scenario = self.object = self.load_object()
        form = WhatIfForm(request.POST, scenario=scenario)
        context = self.get_context_data(whatif_form=form)
        if form.is_valid():
            changes = {name: form.cleaned_data[name] for name in WHAT_IF_FIELDS}
            if request.POST.get("save") and self.can("roadmap.change"):
                copy = logic.copy_scenario(
                    actor=request.user,
                    scenario=scenario,
                    name=_("%(name)s (Variante)") % {"name": scenario.name},
                )
                logic.save_scenario(actor=request.user, scenario=copy, values=changes)
                messages.success(
                    request, _("Als neues Szenario gespeichert; planen Sie es, um es festzuhalten.")
                )
                return redirect(copy.get_absolute_url())
            context.update(self.result(scenario, changes))
        return self.render_to_response(context)

    def result(self, scenario: Scenario, changes: dict[str, Any]) -> dict[str, Any]:
        open_measures = Measure.objects.filter(status__in=PLANNED_STATUSES).exclude(
            status=Status.DONE
        )
        if (count := open_measures.count()) > LIVE_LIMIT:
            return {"too_large": count}
        outcome = planning.what_if(scenario, changes)
        entries = outcome.built.entries
        titles = {key: str(entry.measure) for key, entry in entries.items()}
        moved = sorted(
            (
                titles[key],
                texts.label(move.get("from")),
                texts.label(outcome.places[key].start),
                texts.move_text(move, outcome.places[key].start),
            )
            for key, move in outcome.moves.items()
        )
        starts = outcome.result.starts
        late = sorted(
            titles[t.id]
            for t in outcome.built.problem.tasks
            if t.deadline is not None and t.id in starts and starts[t.id] + t.duration > t.deadline
        )
        return {
            "outcome": outcome,
            "quality": texts.quality_text(
                planning.STATUS_MAP[outcome.result.status], outcome.result.gap
            ),
            "conflicts": [
                texts.conflict_text(planning.conflict_data(c, outcome.built))
                for c in outcome.result.conflicts
            ],
            "moved": moved,
            "late": late,
            "left_out": sorted(titles[key] for key in outcome.result.unscheduled),
        }
