"""The OZG catalogue: browse by Themenfeld and Lebenslage, search, adopt, the standard set."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from wandelwerk.core.params import ids
from wandelwerk.ozg import logic, queries
from wandelwerk.ozg.carriers import carried_filter, carries
from wandelwerk.ozg.forms import CatalogSearchForm, StandardSetForm
from wandelwerk.ozg.models import AdministrativeService, LeikaEntry, OzgService
from wandelwerk.tenants.views import MunicipalityMixin


class NotCarriedMixin:
    municipality: Any

    def not_carried(self, entries: list[LeikaEntry]) -> set[int]:
        """The entries another body carries out: shown, but not to be adopted."""
        return {e.pk for e in entries if not carries(self.municipality, e.carrier, e.leika_type)}


class CatalogView(MunicipalityMixin, NotCarriedMixin, TemplateView):
    permission_required = "ozg.view"
    template_name = "ozg/catalog.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        form = CatalogSearchForm(self.request.GET or None)
        q, topic, situation, everything = "", None, None, False
        if form.is_valid():
            q = form.cleaned_data["q"] or ""
            topic = form.cleaned_data["topic"]
            situation = form.cleaned_data["life_situation"]
            everything = form.cleaned_data["alle"]
        services, entries = queries.search_catalog(
            q,
            topic_id=topic.pk if topic else None,
            life_situation_id=situation.pk if situation else None,
        )
        if not everything:  # the services the municipality carries out itself
            entries = entries.filter(carried_filter(self.municipality))
        searching = bool(q or topic or situation)
        shown_entries = list(entries[:50]) if searching else []
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
            entries=shown_entries,
            not_carried=self.not_carried(shown_entries),
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


class CatalogServiceView(MunicipalityMixin, NotCarriedMixin, TemplateView):
    permission_required = "ozg.view"
    template_name = "ozg/catalog_service.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        service = get_object_or_404(
            OzgService.objects.select_related("topic", "life_situation"), ozg_id=kwargs["ozg_id"]
        )
        entries = list(service.entries.order_by("leika_key"))
        context.update(
            service=service,
            entries=entries,
            not_carried=self.not_carried(entries),
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


class AdoptView(MunicipalityMixin, TemplateView):
    """POST: adopt the chosen catalogue entries into the register."""

    permission_required = "ozg.change"
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        chosen = list(
            LeikaEntry.objects.filter(pk__in=ids(request.POST.getlist("entry"))).select_related(
                "ozg_service"
            )
        )
        others = [e for e in chosen if not carries(self.municipality, e.carrier, e.leika_type)]
        created = logic.adopt_entries(actor=request.user, entries=chosen)
        if created:
            messages.success(
                request, _("%(n)s Leistung(en) ins Register übernommen.") % {"n": len(created)}
            )
        elif not others:
            messages.info(request, _("Die Leistung steht bereits im Register."))
        if others:
            messages.warning(
                request,
                _("Nicht übernommen, weil eine andere Stelle sie ausführt: %(list)s")
                % {
                    "list": "; ".join(
                        f"{e.name} ({e.get_carrier_display() or _('nicht zugeordnet')})"
                        for e in others
                    )
                },
            )
        back = request.POST.get("next", "")
        if back.startswith(f"/k/{self.municipality.slug}/"):
            return redirect(back)
        return redirect("ozg:index", self.municipality.slug)


class StandardSetView(MunicipalityMixin, TemplateView):
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
