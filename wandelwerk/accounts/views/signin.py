"""Signing in and out, the own password, and setting a password from an e-mail link."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from wandelwerk.accounts import people, sso
from wandelwerk.accounts.forms import (
    KernPasswordChangeForm,
    KernPasswordResetForm,
    KernSetPasswordForm,
    LoginForm,
)
from wandelwerk.accounts.throttle import address_blocked


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["identity_providers"] = sso.providers()
        context["routes_by_domain"] = any(p["domains"] for p in context["identity_providers"])
        return context

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


class PasswordResetView(auth_views.PasswordResetView):
    """Asks for the e-mail address; says the same whether an account has it or not."""

    template_name = "accounts/password_reset.html"
    form_class = KernPasswordResetForm
    email_template_name = "accounts/mail/password_reset.txt"
    subject_template_name = "accounts/mail/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def get_form_kwargs(self) -> dict[str, Any]:
        self.extra_email_context = {"hours": settings.PASSWORD_RESET_TIMEOUT // 3600}
        return super().get_form_kwargs()


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordSetView(auth_views.PasswordResetConfirmView):
    """The page behind an invitation or reset link: set a password, once, before it expires."""

    template_name = "accounts/password_set.html"
    form_class = KernSetPasswordForm
    success_url = reverse_lazy("accounts:login")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["invited"] = self.user is not None and people.is_invited(self.user)
        return context

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        people.record_password_set(form.user)
        messages.success(
            self.request,
            _("Ihr Passwort ist gesetzt. Bitte melden Sie sich an; Ihr Benutzername ist %(name)s.")
            % {"name": form.user.get_username()},
        )
        return response
