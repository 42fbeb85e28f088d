"""Signing in, the password, and the administration: creating municipalities, their members."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from wandelwerk.accounts import logic
from wandelwerk.accounts.forms import (
    ConsultantsForm,
    KernPasswordChangeForm,
    LoginForm,
    MunicipalityForm,
)
from wandelwerk.accounts.queries import consultants_of, members_of
from wandelwerk.accounts.throttle import address_blocked
from wandelwerk.tenants.queries import is_provider_admin
from wandelwerk.tenants.views import MunicipalityMixin, ProviderAdminRequiredMixin


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = LoginForm
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if settings.AXES_ENABLED and address_blocked(request):
            response = render(request, "accounts/locked_out.html", {"by_address": True})
            response.status_code = 429
            return response
        return super().post(request, *args, **kwargs)


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    form_class = KernPasswordChangeForm
    success_url = reverse_lazy("overview:start")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        messages.success(self.request, _("Ihr Passwort wurde geändert."))
        return response


class MunicipalityCreateView(ProviderAdminRequiredMixin, FormView):
    template_name = "accounts/municipality_form.html"
    form_class = MunicipalityForm

    def form_valid(self, form: MunicipalityForm) -> HttpResponse:
        data = form.cleaned_data
        municipality = logic.create_municipality(
            actor=self.request.user,
            slug=data["slug"],
            name=data["name"],
            ags=data["ags"],
            land=data["land"],
            population=data["population"],
        )
        logic.set_consultants(
            actor=self.request.user, municipality=municipality, users=list(data["consultants"])
        )
        messages.success(
            self.request, _("Kommune „%(name)s“ angelegt.") % {"name": municipality.name}
        )
        return redirect("overview:index", municipality.slug)


class MembersView(MunicipalityMixin, TemplateView):
    """Who works in this municipality; provider admins assign the consultants here."""

    template_name = "accounts/members.html"
    permission_required = "tenants.manage_members"
    page_title = gettext_lazy("Mitglieder")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["members"] = members_of(self.municipality)
        context["can_assign"] = is_provider_admin(self.request.user)
        if context["can_assign"]:
            initial = [m.user for m in consultants_of(self.municipality)]
            context["form"] = kwargs.get("form") or ConsultantsForm(
                initial={"consultants": initial}
            )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_provider_admin(request.user):
            raise PermissionDenied
        form = ConsultantsForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            logic.set_consultants(
                actor=request.user,
                municipality=self.municipality,
                users=list(form.cleaned_data["consultants"]),
            )
        except logic.MembershipError as exc:
            form.add_error("consultants", str(exc))
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(request, _("Beratung zugeordnet."))
        return redirect("accounts:members", self.municipality.slug)
