"""What to digitise first (priorities with their formula) and the OZG dashboard."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from wandelwerk.core.charts.bars import stacked_bars
from wandelwerk.core.charts.lines import line_chart
from wandelwerk.core.xlsx import csv_response, xlsx_response
from wandelwerk.ozg import logic, queries
from wandelwerk.ozg.forms import PriorityFilterForm, WeightsForm
from wandelwerk.ozg.levels import level_name, short_name
from wandelwerk.ozg.queries import PriorityRow
from wandelwerk.tenants.views import MunicipalityMixin

PRIORITY_EXPORT: list[tuple[str, Any]] = [
    ("Rang", lambda r: r.rank),
    ("Leistung", lambda r: r.service.name),
    ("LeiKa-Schlüssel", lambda r: r.service.leika_key),
    ("Organisationseinheit", lambda r: r.service.unit_code or ""),
    ("Zielgruppe", lambda r: r.service.get_target_group_display()),
    ("Zielgruppenfaktor", lambda r: r.priority.group_factor),
    ("Fallzahl pro Jahr", lambda r: r.service.cases_per_year),
    ("Bearbeitungszeit (Minuten)", lambda r: r.service.minutes_per_case),
    ("Stunden pro Jahr", lambda r: round(r.priority.hours, 1)),
    ("A (Arbeitsaufwand)", lambda r: r.priority.workload_factor),
    ("Reifegrad", lambda r: r.service.maturity_level),
    ("Ziel-Reifegrad", lambda r: r.service.target_level),
    ("Reifegradmodell", lambda r: r.service.rgm_version),
    ("L (Lücke)", lambda r: r.priority.gap_factor),
    ("Priorität", lambda r: r.priority.score),
]


class PrioritiesView(MunicipalityMixin, TemplateView):
    """Services below their target, ranked; filters and sorting in the URL, export, weights."""

    permission_required = "ozg.view"

    template_name = "ozg/priorities.html"

    def rows(self, form: PriorityFilterForm) -> list[PriorityRow]:
        return queries.filter_priorities(
            queries.priority_rows(self.municipality), sort=self.sort(), **form.values()
        )

    def sort(self) -> str:
        sort = self.request.GET.get("sort", "rank")
        return sort if sort.lstrip("-") in queries.PRIORITY_SORTS else "rank"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        export = request.GET.get("export")
        if export in ("xlsx", "csv"):
            rows = self.rows(PriorityFilterForm(request.GET or None))
            headers = [header for header, _getter in PRIORITY_EXPORT]
            values = ([getter(r) for _header, getter in PRIORITY_EXPORT] for r in rows)
            respond = csv_response if export == "csv" else xlsx_response
            return respond("prioritaeten", headers, values)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        filter_form = PriorityFilterForm(self.request.GET or None)
        rows = self.rows(filter_form)
        page = Paginator(rows, settings.PAGE_SIZE).get_page(self.request.GET.get("page"))
        query = self.request.GET.copy()
        query.pop("page", None)
        export = query.copy()
        export["export"] = "xlsx"
        export_csv = query.copy()
        export_csv["export"] = "csv"
        context.update(
            filter_form=filter_form,
            page_obj=page,
            rows=page.object_list,
            sort=self.sort(),
            querystring=query.urlencode(),
            export_query=export.urlencode(),
            export_csv_query=export_csv.urlencode(),
            max_hours=rows[0].priority.max_hours if rows else 0,
            weights=queries.weights(self.municipality),
            breadcrumbs=self.crumbs({"label": _("Prioritäten")}),
        )
        context.setdefault("form", WeightsForm(instance=logic.weights_for(self.municipality)))
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not self.can("ozg.change"):
            raise PermissionDenied
        form = WeightsForm(request.POST, instance=logic.weights_for(self.municipality))
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        logic.save_weights(actor=request.user, values=form.cleaned_data)
        messages.success(request, _("Gewichtung gespeichert; die Reihenfolge ist neu berechnet."))
        return redirect("ozg:priorities", self.municipality.slug)


class DashboardView(MunicipalityMixin, TemplateView):
    permission_required = "ozg.view"
    template_name = "ozg/dashboard.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        today: dt.date = timezone.localdate()
        board = queries.dashboard(today)
        models = []
        for model in board.models:
            levels = range(model.max_level + 1)
            series = [short_name(level, model.version) for level in levels]
            topic_rows = [
                (name, [counts.get(level, 0) for level in levels])
                for name, counts in model.by_topic
            ]
            group_rows = [
                (name, [counts.get(level, 0) for level in levels])
                for name, counts in model.by_group
            ]
            ident = model.version.replace(".", "-")
            models.append(
                {
                    "model": model,
                    "ident": ident,
                    "series": series,
                    "levels": [level_name(level, model.version) for level in levels],
                    "topic_rows": topic_rows,
                    "group_rows": group_rows,
                    "topic_chart": stacked_bars(
                        topic_rows,
                        series,
                        title=_("Leistungen je Themenfeld nach Stufe (%(m)s)") % {"m": model.label},
                        ident=f"ozg-topic-{ident}",
                    ),
                    "group_chart": stacked_bars(
                        group_rows,
                        series,
                        title=_("Leistungen je Zielgruppe nach Stufe (%(m)s)") % {"m": model.label},
                        ident=f"ozg-group-{ident}",
                        label_width=130,
                    ),
                }
            )
        progress = [
            (date, 100 * compliant / existing) for date, compliant, existing in board.progress
        ]
        context.update(
            board=board,
            share=round(100 * board.share, 1),
            models=models,
            progress=[
                (date, compliant, existing, 100 * compliant / existing)
                for date, compliant, existing in board.progress
            ],
            progress_chart=line_chart(
                progress,
                title=_("Anteil OZG-konformer Leistungen (Reifegrad 3 oder mehr)"),
                ident="ozg-progress",
                y_max=100,
                y_suffix=" %",
            ),
            breadcrumbs=self.crumbs({"label": _("OZG-Dashboard")}),
        )
        return context
