"""Pages of the service register: register, catalogue, priorities, dashboard."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from wandelwerk.core.charts.bars import stacked_bars
from wandelwerk.core.charts.lines import line_chart
from wandelwerk.core.crud import ObjectDeleteView, ObjectFormView, ObjectMixin
from wandelwerk.core.views import ListingMixin, MunicipalityMixin
from wandelwerk.ozg import logic, queries
from wandelwerk.ozg.forms import (
    CatalogSearchForm,
    MilestonesForm,
    RegisterFilterForm,
    ServiceForm,
    StandardSetForm,
    WeightsForm,
)
from wandelwerk.ozg.models import (
    AdministrativeService,
    LeikaEntry,
    MilestoneKind,
    OzgService,
    level_name,
)
from wandelwerk.ozg.priority import FORMULA

LEVEL_SERIES = [
    "0 Offline",
    "1 Information",
    "2 Formular-Assistent",
    "3 Online-Leistung",
    "4 Online-Transaktion (und höher)",
]


class OzgMixin(MunicipalityMixin):
    permission_required = "ozg.view"

    def crumbs(self, *extra: dict[str, Any]) -> list[dict[str, Any]]:
        slug = self.municipality.slug
        return [
            {"label": self.municipality.name, "url": reverse("tenants:overview", args=[slug])},
            {"label": _("Leistungen"), "url": reverse("ozg:index", args=[slug])},
            *extra,
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.setdefault("breadcrumbs", self.crumbs())
        context["can_change"] = self.can("ozg.change")
        return context


EXPORT_COLUMNS = [
    ("LeiKa-Schlüssel", lambda s: s.leika_key),
    ("OZG-ID", lambda s: s.ozg_service_id or ""),
    ("Bezeichnung", lambda s: s.name),
    ("Organisationseinheit", lambda s: s.org_unit.code if s.org_unit else ""),
    ("Zielgruppe", lambda s: s.get_target_group_display()),
    ("Fallzahl pro Jahr", lambda s: s.cases_per_year),
    ("Bearbeitungszeit (Minuten)", lambda s: s.minutes_per_case),
    ("Reifegrad", lambda s: s.maturity_level),
    ("Ziel-Reifegrad", lambda s: s.target_level),
    ("Reifegradmodell", lambda s: s.rgm_version),
    ("Eigene Leistung", lambda s: "ja" if s.is_own else "nein"),
]


class IndexView(OzgMixin, ListingMixin, TemplateView):
    """The register: every service of the municipality."""

    template_name = "ozg/index.html"
    filter_form_class = RegisterFilterForm
    sort_fields = {
        "name": "name",
        "key": "leika_key",
        "unit": "org_unit__code",
        "group": "target_group",
        "cases": "cases_per_year",
        "level": "maturity_level",
        "target": "target_level",
    }
    default_sort = "name"
    export_filename = "leistungen"
    export_columns = EXPORT_COLUMNS

    def get_base_queryset(self) -> Any:
        return queries.services()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = [*self.crumbs()[:-1], {"label": _("Leistungen")}]
        context["total"] = AdministrativeService.objects.count()
        return context


class ServiceSection(OzgMixin):
    model = AdministrativeService
    list_url_name = "ozg:index"

    def get_queryset(self) -> Any:
        return queries.services()


class ServiceDetailView(ServiceSection, ObjectMixin, TemplateView):
    template_name = "ozg/service_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        self.object = self.load_object()
        context = super().get_context_data(**kwargs)
        service = self.object
        context["history"] = [
            (c, level_name(c.level, c.rgm_version))
            for c in service.level_history.select_related("actor")
        ]
        existing = {m.kind: m for m in service.milestones.all()}
        context["milestones"] = [
            (label, existing.get(kind)) for kind, label in MilestoneKind.choices
        ]
        context["entry"] = service.leika_entry
        context["breadcrumbs"] = self.crumbs({"label": service.name})
        return context


class ServiceFormView(ServiceSection, ObjectFormView):
    form_class = ServiceForm
    permission_required = "ozg.change"

    def save(self, form: ServiceForm) -> AdministrativeService:
        values = {name: form.cleaned_data[name] for name in form.Meta.fields}
        if values.get("ozg_service"):
            values["topic_id"] = values["ozg_service"].topic_id
            values["life_situation_id"] = values["ozg_service"].life_situation_id
        return logic.save_service(actor=self.request.user, service=self.object, values=values)


class ServiceDeleteView(ServiceSection, ObjectDeleteView):
    permission_required = "ozg.change"

    def delete(self, obj: AdministrativeService) -> None:
        logic.delete_service(actor=self.request.user, service=obj)


class MilestonesView(ServiceSection, ObjectMixin, TemplateView):
    template_name = "ozg/milestones.html"
    permission_required = "ozg.change"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        self.object = self.object or self.load_object()
        context = super().get_context_data(**kwargs)
        if "form" not in kwargs:
            initial = {}
            for m in self.object.milestones.all():
                initial[f"{m.kind}_planned"], initial[f"{m.kind}_done"] = m.planned, m.done
            context["form"] = MilestonesForm(initial=initial)
        context["breadcrumbs"] = self.crumbs(
            {"label": self.object.name, "url": self.object.get_absolute_url()},
            {"label": _("Meilensteine")},
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = self.load_object()
        form = MilestonesForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        logic.save_milestones(actor=request.user, service=self.object, dates=form.dates())
        messages.success(request, _("Meilensteine gespeichert."))
        return redirect(self.object.get_absolute_url())


# --- Catalogue ------------------------------------------------------------------------------


class CatalogView(OzgMixin, TemplateView):
    template_name = "ozg/catalog.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        form = CatalogSearchForm(self.request.GET or None)
        q, topic, situation = "", None, None
        if form.is_valid():
            q = form.cleaned_data["q"] or ""
            topic = form.cleaned_data["topic"]
            situation = form.cleaned_data["life_situation"]
        services, entries = queries.search_catalog(
            q,
            topic_id=topic.pk if topic else None,
            life_situation_id=situation.pk if situation else None,
        )
        searching = bool(q or topic or situation)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            form=form,
            searching=searching,
            topic=topic,
            life_situations=topic.life_situations.annotate(
                service_count=Count("services")
            ).order_by("name")
            if topic
            else [],
            topics=queries.topics_with_counts(),
            service_page=Paginator(services, 25).get_page(self.request.GET.get("page"))
            if searching
            else None,
            entries=list(entries[:50]) if searching else [],
            entry_count=entries.count() if searching else 0,
            adopted=set(
                AdministrativeService.objects.exclude(leika_key="").values_list(
                    "leika_key", flat=True
                )
            ),
            querystring=query.urlencode(),
            breadcrumbs=self.crumbs({"label": _("OZG-Katalog")}),
        )
        context["page_obj"] = context["service_page"]
        return context


class CatalogServiceView(OzgMixin, TemplateView):
    template_name = "ozg/catalog_service.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        service = get_object_or_404(
            OzgService.objects.select_related("topic", "life_situation"), ozg_id=kwargs["ozg_id"]
        )
        context.update(
            service=service,
            entries=service.entries.order_by("leika_key"),
            adopted=set(
                AdministrativeService.objects.exclude(leika_key="").values_list(
                    "leika_key", flat=True
                )
            ),
            breadcrumbs=self.crumbs(
                {
                    "label": _("OZG-Katalog"),
                    "url": reverse("ozg:catalog", args=[self.municipality.slug]),
                },
                {"label": service.name},
            ),
        )
        return context


class AdoptView(OzgMixin, TemplateView):
    """POST: adopt the chosen catalogue entries into the register."""

    permission_required = "ozg.change"
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        ids = [int(i) for i in request.POST.getlist("entry") if i.isdigit()]
        created = logic.adopt_entries(
            actor=request.user,
            entries=LeikaEntry.objects.filter(pk__in=ids).select_related("ozg_service"),
        )
        if created:
            messages.success(
                request, _("%(n)s Leistung(en) ins Register übernommen.") % {"n": len(created)}
            )
        else:
            messages.info(request, _("Die Leistung steht bereits im Register."))
        back = request.POST.get("next", "")
        if back.startswith(f"/k/{self.municipality.slug}/"):
            return redirect(back)
        return redirect("ozg:index", self.municipality.slug)


class StandardSetView(OzgMixin, TemplateView):
    template_name = "ozg/standard_set.html"
    permission_required = "ozg.change"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.setdefault("form", StandardSetForm())
        context["available"] = len(logic.standard_entries())
        context["in_register"] = AdministrativeService.objects.count()
        context["breadcrumbs"] = self.crumbs({"label": _("Standardsatz übernehmen")})
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = StandardSetForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        entries = logic.standard_entries(
            topic_ids=[t.pk for t in form.cleaned_data["topics"]],
            object_level_only=form.cleaned_data["object_level_only"],
        )
        created = logic.adopt_entries(actor=request.user, entries=entries)
        messages.success(
            request,
            _(
                "%(n)s Leistungen aus dem Standardsatz übernommen; bereits vorhandene wurden übersprungen."
            )
            % {"n": len(created)},
        )
        return redirect("ozg:index", self.municipality.slug)


# --- Priorities and dashboard -----------------------------------------------------------------


class PrioritiesView(OzgMixin, TemplateView):
    template_name = "ozg/priorities.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        rows = queries.priority_rows(self.municipality)
        page = Paginator(rows, 50).get_page(self.request.GET.get("page"))
        context.update(
            page_obj=page,
            rows=page.object_list,
            offset=page.start_index() - 1 if rows else 0,
            formula=FORMULA,
            weights=queries.weights(self.municipality),
            breadcrumbs=self.crumbs({"label": _("Prioritäten")}),
        )
        context.setdefault("form", WeightsForm(instance=logic.weights_for(self.municipality)))
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not self.can("ozg.change"):
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        form = WeightsForm(request.POST, instance=logic.weights_for(self.municipality))
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        logic.save_weights(actor=request.user, values=form.cleaned_data)
        messages.success(request, _("Gewichtung gespeichert; die Reihenfolge ist neu berechnet."))
        return redirect("ozg:priorities", self.municipality.slug)


class DashboardView(OzgMixin, TemplateView):
    template_name = "ozg/dashboard.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        today: dt.date = timezone.localdate()
        board = queries.dashboard(today)
        levels = range(5)
        topic_rows = [
            (name, [counts.get(level, 0) for level in levels]) for name, counts in board.by_topic
        ]
        group_rows = [
            (name, [counts.get(level, 0) for level in levels]) for name, counts in board.by_group
        ]
        progress = [
            (date, 100 * compliant / existing if existing else 0)
            for date, compliant, existing in board.progress
        ]
        context.update(
            board=board,
            share=round(100 * board.share, 1),
            topic_rows=topic_rows,
            group_rows=group_rows,
            progress=board.progress,
            series=LEVEL_SERIES,
            topic_chart=stacked_bars(
                topic_rows,
                LEVEL_SERIES,
                title=_("Leistungen je Themenfeld nach Reifegrad"),
                ident="ozg-topic",
            ),
            group_chart=stacked_bars(
                group_rows,
                LEVEL_SERIES,
                title=_("Leistungen je Zielgruppe nach Reifegrad"),
                ident="ozg-group",
                label_width=130,
            ),
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
