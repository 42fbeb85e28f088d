"""The start page (the municipalities I look after), a municipality's overview and the person's
own open work (Meine Aufgaben)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from wandelwerk.core.editing import STALE_MESSAGE
from wandelwerk.core.xlsx import xlsx_response
from wandelwerk.organisation.queries import overview_figures
from wandelwerk.overview.cockpit import cockpit
from wandelwerk.overview.portfolio import export_rows, portfolio
from wandelwerk.overview.work import my_work
from wandelwerk.ozg.queries import summary as ozg_summary
from wandelwerk.tenants.queries import is_provider_admin
from wandelwerk.tenants.views import MunicipalityMixin


class StartView(LoginRequiredMixin, TemplateView):
    """The municipalities I look after, with where each stands (the provider's portfolio)."""

    template_name = "overview/start.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.GET.get("export") == "xlsx":
            headers, rows = export_rows(portfolio(request.user, request.GET))
            return xlsx_response("kommunen", headers, rows)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        found = portfolio(self.request.user, self.request.GET)
        query = self.request.GET.copy()
        query["export"] = "xlsx"
        context.update(
            portfolio=found,
            sort=found.sort,
            export_query=query.urlencode(),
            can_create=is_provider_admin(self.request.user),
        )
        return context


class OverviewView(MunicipalityMixin, TemplateView):
    template_name = "overview/index.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        figures = overview_figures(
            self.municipality, exact=self.can("organisation.view_personal_data")
        )
        context.update(
            figures=figures, ozg=ozg_summary(), cockpit=cockpit(self.municipality, figures)
        )
        return context


class WorkView(LoginRequiredMixin, TemplateView):
    """Meine Aufgaben: the person's open work everywhere; POST switches the e-mail reminders."""

    template_name = "overview/work.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["work"] = my_work(self.request.user, timezone.localdate())
        context["breadcrumbs"] = [{"label": _("Meine Aufgaben")}]
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user: Any = request.user
        if (request.POST.get("_gezeigt") == "1") != user.reminders:
            messages.error(request, STALE_MESSAGE)  # switched meanwhile, e.g. in another tab
            return redirect("overview:work")
        user.reminders = request.POST.get("reminders") == "1"
        user.save(update_fields=["reminders"])
        messages.success(
            request,
            _("Erinnerungen per E-Mail sind eingeschaltet.")
            if user.reminders
            else _("Erinnerungen per E-Mail sind ausgeschaltet."),
        )
        return redirect("overview:work")
