"""Setting up the second factor, entering a code at sign-in, and managing one's own."""

from __future__ import annotations

import base64
from typing import Any

import segno
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView
from django_otp import login as otp_login

from wandelwerk.accounts import second_factor
from wandelwerk.accounts.forms import CodeForm


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/"
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return "/"


class SetupView(LoginRequiredMixin, FormView):
    """Scan the QR code (or type the key), confirm with the first code, note the recovery
    codes. Setting up again replaces the app."""

    template_name = "accounts/second_factor_setup.html"
    form_class = CodeForm

    def device(self) -> Any:
        return second_factor.pending_setup(self.request.user) or second_factor.start_setup(
            self.request.user
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        device = self.device()
        key = base64.b32encode(device.bin_key).decode().rstrip("=")
        context.update(
            qr=segno.make(device.config_url, error="m").svg_data_uri(scale=5),
            key=" ".join(key[i : i + 4] for i in range(0, len(key), 4)),
            required=second_factor.required(self.request.user),
            replacing=second_factor.app_of(self.request.user) is not None,
            next=_next(self.request),
        )
        return context

    def form_valid(self, form: CodeForm) -> HttpResponse:
        device = second_factor.pending_setup(self.request.user)
        codes = (
            second_factor.confirm_setup(self.request.user, device, form.cleaned_data["code"])
            if device
            else None
        )
        if codes is None:
            form.add_error(
                "code",
                _("Der Code stimmt nicht. Bitte den aktuellen Code aus der App eingeben."),
            )
            return self.form_invalid(form)
        otp_login(self.request, device)
        return render(
            self.request,
            "accounts/recovery_codes.html",
            {"codes": codes, "next": _next(self.request), "new_app": True},
        )


class VerifyView(LoginRequiredMixin, FormView):
    """After the password: the code from the app or a recovery code."""

    template_name = "accounts/second_factor_verify.html"
    form_class = CodeForm

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["next"] = _next(self.request)
        return context

    def form_valid(self, form: CodeForm) -> HttpResponse:
        device = second_factor.verify(self.request.user, form.cleaned_data["code"])
        if device is None:
            form.add_error(
                "code",
                _(
                    "Der Code stimmt nicht oder ist abgelaufen. Nach mehreren falschen Codes "
                    "müssen Sie etwas warten."
                ),
            )
            return self.form_invalid(form)
        otp_login(self.request, device)
        if device.name == second_factor.RECOVERY:
            messages.warning(
                self.request,
                _(
                    "Sie haben einen Wiederherstellungscode benutzt; es bleiben %(n)s. Richten Sie "
                    "die App neu ein, wenn Ihr Telefon fehlt."
                )
                % {"n": second_factor.recovery_left(self.request.user)},
            )
        return redirect(_next(self.request))


class OwnView(LoginRequiredMixin, TemplateView):
    """One's own second factor: state, new recovery codes, removal when not required."""

    template_name = "accounts/second_factor.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(
            app=second_factor.app_of(user),
            recovery_left=second_factor.recovery_left(user),
            required=second_factor.required(user),
            exempt=user.second_factor_exempt,  # type: ignore[union-attr]
            breadcrumbs=[{"label": _("Zweiter Faktor")}],
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        if "new_codes" in request.POST and second_factor.app_of(user):
            codes = second_factor.new_recovery_codes(user)
            return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": "/"})
        if "remove" in request.POST and not second_factor.required(user):
            second_factor.remove(actor=user, user=user)
            messages.success(request, _("Der zweite Faktor ist entfernt."))
        return redirect("accounts:second_factor")
