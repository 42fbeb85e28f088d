"""The provider's own administration: municipalities with their first admin, and every account."""

from __future__ import annotations

import copy
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from wandelwerk.accounts import logic, people, second_factor
from wandelwerk.accounts.forms import InviteForm, MunicipalityDataForm, MunicipalityForm
from wandelwerk.accounts.queries import accounts
from wandelwerk.accounts.views.members import tell
from wandelwerk.core.editing import Stale, refuse_stale, stand_context, unbound
from wandelwerk.tenants.models import Municipality
from wandelwerk.tenants.roles import Role
from wandelwerk.tenants.views import ProviderAdminRequiredMixin


class MunicipalityCreateView(ProviderAdminRequiredMixin, FormView):
    template_name = "accounts/municipality_form.html"
    form_class = MunicipalityForm

    def form_valid(self, form: MunicipalityForm) -> HttpResponse:
        data = form.cleaned_data
        actor = self.request.user
        try:
            municipality, invitation = people.create_municipality_with_admin(
                actor=actor,
                slug=data["slug"],
                name=data["name"],
                ags=data["ags"],
                land=data["land"],
                population=data["population"],
                tier=data["tier"],
                kreis=data["kreis"],
                consultants=list(data["consultants"]),
                admin_email=data["admin_email"],
                admin_name=data["admin_name"],
            )
        except logic.MembershipError as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        messages.success(
            self.request, _("Kommune „%(name)s“ angelegt.") % {"name": municipality.name}
        )
        if invitation is not None:
            tell(self.request, invitation)
        return redirect("overview:index", municipality.slug)


class MunicipalityDataView(ProviderAdminRequiredMixin, FormView):
    """The provider edits a municipality's master data (refusing a stale save)."""

    template_name = "core/object_form.html"
    form_class = MunicipalityDataForm
    stale: Stale | None = None

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        self.object = get_object_or_404(Municipality, slug=kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = copy.copy(self.object)
        return kwargs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(stand_context(self.object, context["form"], unbound(self), self.stale))
        context.update(
            heading=_("Stammdaten von %(name)s") % {"name": self.object.name},
            cancel_url=reverse("overview:index", args=[self.object.slug]),
            breadcrumbs=[{"label": _("Stammdaten von %(name)s") % {"name": self.object.name}}],
        )
        return context

    def form_valid(self, form: MunicipalityDataForm) -> HttpResponse:
        self.stale = refuse_stale(self.request, form, self.object, unbound(self))
        if self.stale:
            return self.form_invalid(form)
        values = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            logic.save_municipality(
                actor=self.request.user, municipality=self.object, values=values
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
            return self.form_invalid(form)
        messages.success(self.request, _("Gespeichert."))
        return redirect("overview:index", self.object.slug)


class AccountsView(ProviderAdminRequiredMixin, TemplateView):
    """Every account of the installation with its access; deactivate and reactivate here."""

    template_name = "accounts/accounts.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "").strip()
        page = Paginator(accounts(query), settings.PAGE_SIZE).get_page(self.request.GET.get("page"))
        context.update(
            page_obj=page,
            querystring=urlencode({"q": query}) if query else "",
            rows=[(user, people.is_invited(user)) for user in page.object_list],
            query=query,
            breadcrumbs=[{"label": _("Benutzerkonten")}],
        )
        return context


class ProviderInviteView(ProviderAdminRequiredMixin, FormView):
    """Invite another provider admin (consultants are invited on a municipality's page)."""

    template_name = "accounts/invite.html"
    form_class = InviteForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return super().get_form_kwargs() | {"roles": (Role.PROVIDER_ADMIN,), "personal": False}

    def get_initial(self) -> dict[str, Any]:
        return {"role": Role.PROVIDER_ADMIN.value}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["heading"] = _("Administration des IT-Dienstleisters einladen")
        context["cancel_url"] = reverse("accounts:accounts")
        context["breadcrumbs"] = [
            {"label": _("Benutzerkonten"), "url": context["cancel_url"]},
            {"label": _("Einladen")},
        ]
        return context

    def form_valid(self, form: InviteForm) -> HttpResponse:
        try:
            invitation = people.invite(
                actor=self.request.user,
                email=form.cleaned_data["email"],
                name=form.cleaned_data["name"],
                municipality=None,
                role=Role.PROVIDER_ADMIN,
            )
        except logic.MembershipError as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        tell(self.request, invitation)
        return redirect("accounts:accounts")


class AccountActiveView(ProviderAdminRequiredMixin, TemplateView):
    """POST: deactivate (``aktiv=0``) or reactivate (``aktiv=1``) an account."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = get_object_or_404(get_user_model(), pk=kwargs["pk"])
        active = request.POST.get("aktiv") == "1"
        try:
            people.set_active(actor=request.user, user=user, active=active)
        except logic.MembershipError as exc:
            messages.error(request, str(exc))
        else:
            text = (
                _("Das Konto von %(user)s ist wieder aktiv.")
                if active
                else _(
                    "Das Konto von %(user)s ist deaktiviert; angemeldete Sitzungen enden sofort."
                )
            )
            messages.success(request, text % {"user": user})
        return redirect("accounts:accounts")


class AccountSecondFactorResetView(ProviderAdminRequiredMixin, TemplateView):
    """POST: take away someone's app and recovery codes (a lost phone); they set up anew at
    their next sign-in."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = get_object_or_404(get_user_model(), pk=kwargs["pk"])
        second_factor.remove(actor=request.user, user=user)
        messages.success(
            request,
            _(
                "Der zweite Faktor von %(user)s ist zurückgesetzt; bei der nächsten Anmeldung "
                "richtet die Person ihn neu ein."
            )
            % {"user": user},
        )
        return redirect("accounts:accounts")
