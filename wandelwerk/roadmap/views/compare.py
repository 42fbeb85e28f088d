"""Two or three scenarios side by side, from their latest plans."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wandelwerk.core.params import ids
from wandelwerk.roadmap import charts, queries
from wandelwerk.roadmap.periods import HalfYear
from wandelwerk.tenants.views import MunicipalityMixin


class CompareView(MunicipalityMixin, TemplateView):
    """The same numbers for each scenario; rows where they differ are marked."""

    permission_required = "roadmap.view"
    template_name = "roadmap/compare.html"
    page_title = gettext_lazy("Szenarien vergleichen")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        all_scenarios = list(queries.scenarios())
        chosen_ids = ids(self.request.GET.getlist("s"))[:3]
        chosen = [s for s in all_scenarios if s.pk in chosen_ids] or all_scenarios[:3]
        plans = queries.latest_plans(chosen)
        rows_of = queries.compared(list(plans.values()))
        columns = []
        for scenario in chosen:
            plan = plans.get(scenario.pk)
            columns.append(queries.figures(scenario, plan, rows_of[plan.pk] if plan else []))
        halves: set[HalfYear] = {h for col in columns for h in col.half_years}
        rows = []
        for half in sorted(halves):
            cells: list[tuple[int, int] | None] = []
            for col in columns:
                if half in col.half_years:
                    i = col.half_years.index(half)
                    cells.append((col.finished[i], col.benefit[i]))
                else:
                    cells.append(None)
            values = {c for c in cells if c is not None}
            rows.append((half, cells, len(values) > 1))
        years = sorted({y for col in columns for y in col.cost_per_year})
        cost_rows = [(y, [col.cost_per_year.get(y, 0) for col in columns]) for y in years]
        context.update(
            benefit_chart=charts.benefit_chart(columns) if any(c.plan for c in columns) else None,
            scenarios=all_scenarios,
            chosen=[s.pk for s in chosen],
            columns=columns,
            rows=rows,
            cost_rows=[(y, values, len(set(values)) > 1) for y, values in cost_rows],
        )
        return context
