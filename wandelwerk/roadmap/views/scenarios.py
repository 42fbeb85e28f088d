"""Scenarios: the list, a scenario with its latest plan, the form, deleting, copying, planning."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from wandelwerk.core.exceptions import InUseError
from wandelwerk.jobs.logic import start_job
from wandelwerk.jobs.queries import open_job
from wandelwerk.roadmap import charts, logic, queries, team, texts
from wandelwerk.roadmap.forms import ScenarioForm, WhatIfForm
from wandelwerk.roadmap.models import Plan, Scenario
from wandelwerk.roadmap.outlook import outlook
from wandelwerk.roadmap.problem import Parameters
from wandelwerk.tenants.queries import visible_municipalities, works_for_provider
from wandelwerk.tenants.views import (
    MunicipalityMixin,
    ObjectDeleteView,
    ObjectFormView,
    ObjectMixin,
)


class IndexView(MunicipalityMixin, TemplateView):
    permission_required = "roadmap.view"
    template_name = "roadmap/index.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["scenarios"] = list(queries.scenarios())
        return context


def plan_context(plan: Plan) -> dict[str, Any]:
    """What a plan's page shows, all from the plan's records."""
    items = queries.placements(plan)
    rows = queries.rows(items)
    placed = [r for r in rows if r.placement.start is not None]
    use = queries.capacity_use(plan, items)
    return {
        "plan": plan,
        "quality": texts.quality_text(plan.status, plan.gap),
        "conflicts": [texts.conflict_text(c) for c in plan.diagnosis],
        "warnings": [texts.warning_text(w) for w in plan.warnings],
        "half_years": plan.half_years,
        "columns": queries.board(plan, rows),
        "column_rem": queries.column_width(rows),
        "rows": placed,
        "unplaced": [r for r in rows if r.placement.start is None],
        "late": [r for r in rows if r.placement.late],
        "moved_previous": [r for r in rows if r.placement.move_previous is not None],
        "moved_baseline": [r for r in rows if r.placement.move_baseline is not None],
        "gantt": charts.gantt_chart(plan, [r.placement for r in placed]),
        "capacity": use,
        "capacity_charts": charts.capacity_charts(use),
    }


def plan_body(request: HttpRequest, plan: Plan, municipality: Any) -> SafeString:
    """The plan's board, Gantt chart, reasons and capacity as HTML. A plan never changes, so it
    is rendered once per process and kept (keyed by the plan and the moment it was made)."""
    key = f"roadmap:plan-body:{municipality.slug}:{plan.pk}:{plan.created_at.timestamp()}"
    html = caches["plans"].get(key)
    if html is None:
        html = render_to_string(
            "roadmap/_plan_body.html",
            {**plan_context(plan), "municipality": municipality},
            request=request,
        )
        caches["plans"].set(key, html)
    return mark_safe(html)


class ScenarioDetailView(ObjectMixin, TemplateView):
    template_name = "roadmap/scenario_detail.html"
    permission_required = "roadmap.view"
    model = Scenario
    list_url_name = "roadmap:index"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        self.object = self.load_object()
        context = super().get_context_data(**kwargs)
        scenario = self.object
        plan = queries.latest_plan(scenario)
        context["plan"] = plan
        context["planning"] = open_job("roadmap.plan", scenario=scenario.pk)
        if plan is not None:
            context["plan_body"] = plan_body(self.request, plan, self.municipality)
            context["outlook"] = outlook(plan)
            # The scenario's own settings; the team's free days (``team``) are not one of them.
            current = {k: v for k, v in Parameters.of(scenario).as_dict().items() if k != "team"}
            planned = {k: v for k, v in plan.parameters.items() if k in current}
            context["changed_since"] = planned != current
            context["team"] = team_check(self.request.user, self.municipality, plan)
            context.setdefault("whatif_form", WhatIfForm(scenario=scenario))
        return context


def team_check(user: Any, municipality: Any, plan: Plan) -> dict[str, Any]:
    """Where the plan, beside the other municipalities' plans, overbooks the provider's team;
    the competitors by name only for the provider's people."""
    provider = works_for_provider(user, municipality)
    found = team.clashes(plan, timezone.localdate())
    names = (
        dict(visible_municipalities(user).values_list("pk", "name")) if provider and found else {}
    )

    return {
        "within": plan.parameters.get("team") is not None,
        "provider": provider,  # only they see the total of all plans (it reveals the others')
        "clashes": [
            {"clash": clash, "others": team.named([mid for mid, _name in clash.others], names)}
            for clash in found
        ],
    }


class ScenarioFormView(ObjectFormView):
    model = Scenario
    list_url_name = "roadmap:index"
    form_class = ScenarioForm
    permission_required = "roadmap.change"

    def get_initial(self) -> dict[str, Any]:
        if self.object is not None:
            return {}  # the stored start, never today's
        today = timezone.localdate()
        return {
            "start_year": today.year + (1 if today.month > 6 else 0),
            "start_half": 2 if today.month <= 6 else 1,
        }

    def save(self, form: ScenarioForm) -> Scenario:
        try:
            return logic.save_scenario(
                actor=self.request.user, scenario=self.object, values=form.cleaned_data
            )
        except logic.ScenarioFrozen as exc:
            raise ValidationError(str(exc)) from exc


class ScenarioDeleteView(ObjectDeleteView):
    model = Scenario
    list_url_name = "roadmap:index"
    permission_required = "roadmap.change"

    def delete(self, obj: Scenario) -> None:
        try:
            logic.delete_scenario(actor=self.request.user, scenario=obj)
        except logic.ScenarioFrozen as exc:
            raise InUseError(str(exc)) from exc


class ScenarioActionView(ObjectMixin, TemplateView):
    """POST: copy the scenario, or plan it in the background (one run at a time)."""

    permission_required = "roadmap.change"
    model = Scenario
    list_url_name = "roadmap:index"
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        scenario = self.load_object()
        action = request.POST.get("action")
        if action == "copy":
            copy = logic.copy_scenario(
                actor=request.user,
                scenario=scenario,
                name=_("%(name)s (Kopie)") % {"name": scenario.name},
            )
            messages.success(request, _("Szenario kopiert."))
            return redirect(copy.get_absolute_url())
        if action in ("plan", "plan_within_team"):
            if scenario.frozen:
                messages.error(request, _("Ein festgeschriebenes Szenario wird nicht neu geplant."))
                return redirect(scenario.get_absolute_url())
            reference = request.POST.get("reference", Plan.Reference.PREVIOUS)
            if reference not in (Plan.Reference.PREVIOUS, Plan.Reference.BASELINE):
                reference = Plan.Reference.PREVIOUS
            job = start_job(
                actor=request.user,
                kind="roadmap.plan",
                title=_("Planung: %(name)s") % {"name": scenario.name},
                params={
                    "scenario": scenario.pk,
                    "reference": reference,
                    "within_team": action == "plan_within_team",
                },
                once=True,
            )
            return redirect("jobs:detail", self.municipality.slug, job.pk)
        messages.error(request, _("Diese Aktion gibt es nicht."))
        return redirect(scenario.get_absolute_url())


class FreezeView(ObjectMixin, TemplateView):
    """Freezing a scenario as the council's baseline, after asking: it never changes again."""

    template_name = "roadmap/freeze_confirm.html"
    permission_required = "roadmap.freeze"
    model = Scenario
    list_url_name = "roadmap:index"

    def page_label(self) -> str:
        return _("Als Basis festschreiben")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        self.object = self.object or self.load_object()
        context = super().get_context_data(**kwargs)
        context["plan"] = queries.latest_plan(self.object)
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        scenario = self.load_object()
        try:
            logic.freeze_as_baseline(actor=request.user, scenario=scenario)
            messages.success(request, _("Szenario als Basis (Ratsbeschluss) festgeschrieben."))
        except ValueError as exc:
            messages.error(request, str(exc))
        return redirect(scenario.get_absolute_url())
