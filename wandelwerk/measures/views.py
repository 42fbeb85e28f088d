"""Pages of the measures: list, catalogue, detail with status, own measures, dependency graph."""

from __future__ import annotations

from html import escape
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from wandelwerk.assessments.models import Assessment
from wandelwerk.core.charts.graph import layered_graph
from wandelwerk.core.links import pk_link
from wandelwerk.core.views import ListingMixin
from wandelwerk.measures import logic, queries
from wandelwerk.measures.forms import (
    AddFromCatalogForm,
    MeasureFilterForm,
    MeasureForm,
    ProgressForm,
)
from wandelwerk.measures.models import AREA_COLORS, Area, Measure, MeasureTemplate, Scope, Status
from wandelwerk.tenants.views import (
    MunicipalityMixin,
    ObjectDeleteView,
    ObjectFormView,
    ObjectMixin,
)

# Each status with the changes it allows; the last ones take a step back (all audited).
NEXT_STATUSES = {
    Status.PROPOSED: [Status.ACCEPTED, Status.REJECTED],
    Status.REJECTED: [Status.PROPOSED],
    Status.ACCEPTED: [Status.IN_PROGRESS, Status.REJECTED, Status.PROPOSED],
    Status.PLANNED: [Status.IN_PROGRESS, Status.DELAYED, Status.ACCEPTED],
    Status.IN_PROGRESS: [Status.DONE, Status.DELAYED, Status.ACCEPTED],
    Status.DELAYED: [Status.IN_PROGRESS, Status.DONE, Status.ACCEPTED],
    Status.DONE: [Status.IN_PROGRESS],
}
STEP_BACK = {
    (Status.ACCEPTED, Status.PROPOSED): gettext_lazy("Annahme zurücknehmen"),
    (Status.PLANNED, Status.ACCEPTED): gettext_lazy("zurück zu „angenommen“"),
    (Status.IN_PROGRESS, Status.ACCEPTED): gettext_lazy("Beginn zurücknehmen"),
    (Status.DELAYED, Status.ACCEPTED): gettext_lazy("Beginn zurücknehmen"),
    (Status.DONE, Status.IN_PROGRESS): gettext_lazy("wieder in Arbeit"),
}


class IndexView(MunicipalityMixin, ListingMixin, TemplateView):
    permission_required = "measures.view"
    template_name = "measures/index.html"
    filter_form_class = MeasureFilterForm
    sort_fields = {
        "title": "title",
        "area": "area",
        "unit": "org_unit__code",
        "status": "status",
        "benefit": "benefit",
        "duration": "duration",
        "deadline": "deadline",
    }
    default_sort = "area"
    export_filename = "massnahmen"
    export_columns = [
        ("Titel", lambda m: m.title),
        ("Handlungsfeld", lambda m: m.get_area_display()),
        ("Organisationseinheit", lambda m: m.org_unit.code if m.org_unit else "ganze Verwaltung"),
        ("Leistung", lambda m: m.service.name if m.service else ""),
        ("Status", lambda m: m.get_status_display()),
        ("Herkunft", lambda m: m.get_source_display()),
        ("Dauer (Halbjahre)", lambda m: m.duration),
        ("Eigene Personentage", lambda m: m.internal_days),
        ("Beratertage", lambda m: m.provider_days),
        ("Budget (Euro)", lambda m: m.budget_eur),
        ("Nutzen", lambda m: m.benefit),
        ("Frist", lambda m: m.deadline),
        ("Begründung", lambda m: m.reason),
    ]

    def get_base_queryset(self) -> Any:
        return queries.measures()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["total"] = Measure.objects.count()
        return context


class CatalogView(MunicipalityMixin, TemplateView):
    permission_required = "measures.view"
    template_name = "measures/catalog.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        area = self.request.GET.get("area", "")
        templates = queries.templates()
        if area in Area.values:
            templates = templates.filter(area=area)
        by_key = {t.key: t.title for t in MeasureTemplate.objects.all()}
        context.update(
            templates=[(t, [by_key.get(k, k) for k in t.prerequisite_keys]) for t in templates],
            areas=Area.choices,
            area=area,
            breadcrumbs=self.crumbs({"label": _("Maßnahmenkatalog")}),
        )
        return context


class AddFromCatalogView(MunicipalityMixin, TemplateView):
    template_name = "measures/add_from_catalog.html"
    permission_required = "measures.change"

    def template(self) -> MeasureTemplate:
        return get_object_or_404(MeasureTemplate, key=self.kwargs["key"])

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        template = self.template()
        context.setdefault("form", AddFromCatalogForm())
        context.update(
            template=template,
            breadcrumbs=self.crumbs(
                {
                    "label": _("Maßnahmenkatalog"),
                    "url": reverse("measures:catalog", args=[self.municipality.slug]),
                },
                {"label": template.title},
            ),
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        template = self.template()
        form = AddFromCatalogForm(request.POST)
        if form.is_valid():
            unit, service = form.cleaned_data["org_unit"], form.cleaned_data["service"]
            if template.scope == Scope.UNIT and unit is None:
                form.add_error(
                    "org_unit", _("Diese Maßnahme gilt je Organisationseinheit: bitte eine wählen.")
                )
            elif template.scope == Scope.SERVICE and service is None:
                form.add_error("service", _("Diese Maßnahme gilt je Leistung: bitte eine wählen."))
            else:
                measure = logic.add_from_template(
                    actor=request.user, template=template, org_unit=unit, service=service
                )
                messages.success(
                    request,
                    _("„%(t)s“ übernommen, samt ihren Voraussetzungen.") % {"t": measure.title},
                )
                return redirect(measure.get_absolute_url())
        return self.render_to_response(self.get_context_data(form=form))


class MeasureDetailView(ObjectMixin, TemplateView):
    template_name = "measures/measure_detail.html"
    permission_required = "measures.view"
    model = Measure
    queryset = Measure.objects.select_related("org_unit", "service", "template", "funding", "owner")
    list_url_name = "measures:index"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        self.object = self.load_object()
        context = super().get_context_data(**kwargs)
        measure = self.object
        context.update(
            prerequisites=measure.prerequisites.select_related("org_unit").order_by("title"),
            dependents=measure.dependents.select_related("org_unit").order_by("title"),
            actuals=list(measure.actuals.all()),
            funded=measure.funding.funding_of(measure.budget_eur) if measure.funding else 0,
            next_statuses=[
                (
                    s,
                    STEP_BACK.get((measure.status, s)) or Status(s).label,
                    (measure.status, s) in STEP_BACK,
                )
                for s in NEXT_STATUSES.get(Status(measure.status), [])
            ],
        )
        if (
            measure.status in (Status.IN_PROGRESS, Status.DELAYED)
            and "progress_form" not in context
        ):
            context["progress_form"] = ProgressForm(
                delayed=measure.status == Status.DELAYED,
                initial={
                    "started_on": measure.started_on,
                    "percent_done": measure.percent_done,
                    "earliest_start": measure.earliest_start,
                },
            )
        return context


class StatusView(ObjectMixin, TemplateView):
    """POST: change the status (accept, reject, start, finish, delayed)."""

    permission_required = "measures.change"
    model = Measure
    queryset = Measure.objects.select_related("org_unit", "service", "template")
    list_url_name = "measures:index"
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        measure = self.load_object()
        status = request.POST.get("status", "")
        if status not in NEXT_STATUSES.get(Status(measure.status), []):
            messages.error(request, _("Dieser Statuswechsel ist nicht möglich."))
        else:
            logic.set_status(actor=request.user, measure=measure, status=status)
            messages.success(request, _("Status: %(s)s.") % {"s": Status(status).label})
        return redirect(measure.get_absolute_url())


class ProgressView(MeasureDetailView):
    """POST: the state of a measure under way or delayed; errors show on the measure's page."""

    permission_required = "measures.change"
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        measure = self.load_object()
        form = ProgressForm(request.POST, delayed=measure.status == Status.DELAYED)
        if form.is_valid():
            try:
                logic.record_progress(actor=request.user, measure=measure, **form.cleaned_data)
            except logic.MeasureError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("Stand gespeichert; der nächste Plan rechnet damit."))
                return redirect(measure.get_absolute_url())
        context = self.get_context_data(progress_form=form)
        return self.render_to_response(context)


class MeasureFormView(ObjectFormView):
    model = Measure
    queryset = Measure.objects.select_related("org_unit", "service", "template")
    list_url_name = "measures:index"
    form_class = MeasureForm
    permission_required = "measures.change"

    def save(self, form: MeasureForm) -> Measure:
        values = {k: v for k, v in form.cleaned_data.items() if k != "prerequisites"}
        try:
            return logic.save_measure(
                actor=self.request.user,
                measure=self.object,
                values=values,
                prerequisites=list(form.cleaned_data["prerequisites"]),
            )
        except logic.MeasureError as exc:
            from django.core.exceptions import ValidationError

            raise ValidationError({"prerequisites": str(exc)}) from exc


class MeasureDeleteView(ObjectDeleteView):
    model = Measure
    queryset = Measure.objects.select_related("org_unit", "service", "template")
    list_url_name = "measures:index"
    permission_required = "measures.change"

    def delete(self, obj: Measure) -> None:
        try:
            logic.delete_measure(actor=self.request.user, measure=obj)
        except logic.MeasureError as exc:
            from wandelwerk.core.exceptions import InUseError

            raise InUseError(str(exc)) from exc


class GraphView(MunicipalityMixin, TemplateView):
    permission_required = "measures.view"
    template_name = "measures/graph.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        items = queries.graph_measures()
        nodes = [(str(n.measure.pk), str(n.measure), n.measure.area) for n in items]
        edges = [(str(p.pk), str(n.measure.pk)) for n in items for p in n.needs]
        across = [(p, n.measure) for n in items for p in n.needs if p.area != n.measure.area]
        link = pk_link("measures:measure_detail", self.municipality.slug)
        # A thousand rows: joined here with the standard library's escaping (Django's
        # format_html_join escapes each value through its lazy-string wrapper, 3,000 times).
        rows = mark_safe(
            "".join(
                '<tr class="kern-table__row"><th scope="row" class="kern-table__cell">'
                f'<a class="kern-link" href="{escape(link(n.measure.pk))}">{escape(str(n.measure))}</a>'
                f'</th><td class="kern-table__cell">{escape("; ".join(map(str, n.needs)) or "–")}</td></tr>'
                for n in items
            )
        )
        context.update(
            measures=items,
            table_rows=rows,  # 1,000 rows joined in Python: a template loop took 60 ms
            edge_count=len(edges),
            across=across,
            chart=layered_graph(
                nodes,
                edges,
                title=_("Abhängigkeiten der Maßnahmen"),
                ident="measure-graph",
                colors=AREA_COLORS,
            )
            if items
            else "",
            area_colors=[(a, Area(a).label) for a in AREA_COLORS],
            breadcrumbs=self.crumbs({"label": _("Abhängigkeiten")}),
        )
        return context


class RecommendView(MunicipalityMixin, View):
    """POST: propose measures from an approved DigiCheck, each with its reason."""

    http_method_names = ["post"]
    permission_required = "measures.change"

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        assessment = get_object_or_404(
            Assessment.objects.select_related("org_unit", "framework"), pk=kwargs["pk"]
        )
        try:
            created = logic.recommend(actor=request.user, assessment=assessment)
        except logic.MeasureError as exc:
            messages.error(request, str(exc))
            return redirect(assessment.get_absolute_url())
        messages.success(
            request,
            _(
                "%(n)s Maßnahmen vorgeschlagen, jede mit ihrer Begründung. Nehmen Sie sie an, passen Sie sie an oder lehnen Sie sie ab."
            )
            % {"n": len(created)},
        )
        return redirect("measures:triage", self.municipality.slug, assessment.pk)
