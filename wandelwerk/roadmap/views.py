"""Pages of the roadmap: scenarios (create, edit, copy, freeze as baseline)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from wandelwerk.jobs.logic import start_job
from wandelwerk.measures.models import Measure
from wandelwerk.roadmap import logic, planning
from wandelwerk.roadmap.forms import ScenarioForm
from wandelwerk.roadmap.models import Scenario
from wandelwerk.roadmap.periods import periods
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
        context["scenarios"] = list(Scenario.objects.all())
        return context


class ScenarioDetailView(ObjectMixin, TemplateView):
    template_name = "roadmap/scenario_detail.html"
    permission_required = "roadmap.view"
    model = Scenario
    list_url_name = "roadmap:index"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        self.object = self.load_object()
        context = super().get_context_data(**kwargs)
        scenario = self.object
        plan = scenario.plans.first()
        context["periods"] = periods(scenario.first_period, scenario.periods)
        context["plan"] = plan
        if plan is not None:
            placements = list(
                plan.placements.select_related("measure", "measure__org_unit").order_by(
                    "start", "measure__title"
                )
            )
            context["columns"] = planning.bundles(plan, scenario)
            context["unplaced"] = [p for p in placements if p.start is None]
            context["late"] = [p for p in placements if p.late]
            context["placements"] = [p for p in placements if p.start is not None]
            context["gantt"] = self.gantt_chart(context["placements"], context["periods"])
            previous = scenario.plans.exclude(pk=plan.pk).first()
            baseline = Scenario.objects.filter(is_baseline=True).exclude(pk=scenario.pk).first()
            context["moves_previous"] = planning.differences(plan, previous)
            context["has_previous"] = previous is not None
            context["baseline"] = baseline
            context["moves_baseline"] = planning.differences(
                plan, baseline.plans.first() if baseline else None
            )
            context["capacity"] = use = planning.capacity_use(plan, scenario)
            context["capacity_charts"] = self.capacity_charts(use)
        return context

    def capacity_charts(self, use: planning.CapacityUse) -> list[tuple[str, Any]]:
        """Share of the capacity used, each chart scaled to 100 % so that full means full."""
        from wandelwerk.core.charts.bars import bar_chart

        charts = [
            (
                _("Eigene Personentage je Halbjahr"),
                "use-internal",
                [(u.period.label, use.internal_share(u)) for u in use.periods],
            ),
            (
                _("Beratertage je Halbjahr"),
                "use-provider",
                [(u.period.label, use.provider_share(u)) for u in use.periods],
            ),
            (
                _("Budget je Haushaltsjahr"),
                "use-budget",
                [(str(y.year), y.share) for y in use.years],
            ),
        ]
        return [
            (
                title,
                bar_chart(
                    [(label, value or 0.0) for label, value in rows],
                    title=f"{title}: {_('Auslastung')}",
                    ident=ident,
                    label_width=110,
                    width=420,
                    value_suffix=" %",
                    scale_max=100,
                ),
            )
            for title, ident, rows in charts
        ]

    def gantt_chart(self, placements: list[Any], half_years: list[Any]) -> Any:
        from wandelwerk.core.charts.gantt import Bar, gantt
        from wandelwerk.measures.views import AREA_COLORS

        bars = [
            Bar(
                str(p.measure_id),
                str(p.measure),
                p.start,
                min(p.end, len(half_years) - 1),
                AREA_COLORS.get(p.measure.area, "#0b4f8a"),
                p.critical,
            )
            for p in placements
        ]
        ids = {b.key for b in bars}
        links = [
            (str(pre), str(post))
            for post, pre in Measure.prerequisites.through.objects.filter(
                from_measure_id__in=[int(i) for i in ids]
            ).values_list("from_measure_id", "to_measure_id")
            if str(pre) in ids
        ]
        return gantt(
            bars,
            [h.label for h in half_years],
            links,
            title=_("Fahrplan als Gantt-Diagramm"),
            ident="gantt",
        )


class ScenarioFormView(ObjectFormView):
    model = Scenario
    list_url_name = "roadmap:index"
    form_class = ScenarioForm
    permission_required = "roadmap.change"

    def get_initial(self) -> dict[str, Any]:
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
            from wandelwerk.core.exceptions import InUseError

            raise InUseError(str(exc)) from exc


class ScenarioActionView(ObjectMixin, TemplateView):
    """POST: copy the scenario, or freeze it as the council's baseline."""

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
        if action == "plan":
            if scenario.frozen:
                messages.error(request, _("Ein festgeschriebenes Szenario wird nicht neu geplant."))
                return redirect(scenario.get_absolute_url())
            job = start_job(
                actor=request.user,
                kind="roadmap.plan",
                title=_("Planung: %(name)s") % {"name": scenario.name},
                params={"scenario": scenario.pk},
            )
            return redirect("jobs:detail", self.municipality.slug, job.pk)
        if action == "freeze":
            if not self.can("roadmap.freeze"):
                from django.core.exceptions import PermissionDenied

                raise PermissionDenied
            try:
                logic.freeze_as_baseline(actor=request.user, scenario=scenario)
                messages.success(request, _("Szenario als Basis (Ratsbeschluss) festgeschrieben."))
            except ValueError as exc:
                messages.error(request, str(exc))
        return redirect(scenario.get_absolute_url())


class CompareView(MunicipalityMixin, TemplateView):
    """Two or three scenarios side by side: the same numbers for each, differences marked."""

    permission_required = "roadmap.view"

    template_name = "roadmap/compare.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        all_scenarios = list(Scenario.objects.all())
        chosen_ids = [int(i) for i in self.request.GET.getlist("s") if i.isdigit()][:3]
        chosen = [s for s in all_scenarios if s.pk in chosen_ids] or all_scenarios[:3]
        columns = [planning.figures(s) for s in chosen]
        length = max((s.periods for s in chosen), default=0)
        first = min((s.first_period for s in chosen), default=None)
        rows = []
        if first is not None:
            for half in periods(first, length):
                cells = []
                for col in columns:
                    offset = half.minus(col.scenario.first_period)
                    inside = 0 <= offset < col.scenario.periods
                    cells.append((col.finished[offset], col.benefit[offset]) if inside else None)
                values = {c for c in cells if c is not None}
                rows.append((half, cells, len(values) > 1))
        years = sorted({y for col in columns for y in col.cost_per_year})
        cost_rows = [(y, [col.cost_per_year.get(y, 0) for col in columns]) for y in years]
        context.update(
            benefit_chart=self.benefit_chart(columns) if columns else None,
            scenarios=all_scenarios,
            chosen=[s.pk for s in chosen],
            columns=columns,
            rows=rows,
            cost_rows=[(y, values, len(set(values)) > 1) for y, values in cost_rows],
            breadcrumbs=self.crumbs({"label": _("Szenarien vergleichen")}),
        )
        return context

    def benefit_chart(self, columns: list[planning.Figures]) -> Any:
        """Benefit delivered up to the end of each half-year, one line per scenario."""
        from wandelwerk.core.charts.lines import Series, lines_chart

        return lines_chart(
            [
                Series(
                    col.scenario.name,
                    [
                        (half.end, value)
                        for half, value in zip(
                            periods(col.scenario.first_period, col.scenario.periods),
                            col.benefit,
                            strict=True,
                        )
                    ],
                )
                for col in columns
            ],
            title=_("Nutzen bis zum Ende jedes Halbjahres"),
            ident="compare-benefit",
            decimals=0,
        )
