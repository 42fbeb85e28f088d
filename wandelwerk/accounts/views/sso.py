"""Starting a sign-in through an identity provider (chosen by button or by e-mail domain), and
the pages django-allauth shows when one does not end in a session."""

from __future__ import annotations

from typing import Any

from allauth.socialaccount.providers.openid_connect.views import login as oidc_login
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from wandelwerk.accounts import sso


class StartView(View):
    """POST from the login page: ``anbieter`` names the provider, or ``email`` chooses it by
    its domain; then on to the provider (allauth builds the request, state and PKCE)."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        chosen = request.POST.get("anbieter", "")
        config = sso.provider(chosen) if chosen else None
        if config is None and request.POST.get("email"):
            config = sso.provider_for_email(request.POST["email"])
            if config is None:
                messages.error(
                    request,
                    _(
                        "Für diese E-Mail-Adresse ist keine Anmeldung über einen Dienst "
                        "eingerichtet. Bitte melden Sie sich mit Benutzername und Passwort an."
                    ),
                )
                return redirect("accounts:login")
        if config is None:
            return redirect("accounts:login")
        return oidc_login(request, provider_id=config["id"])


class NoAccessView(TemplateView):
    """Signed in at the provider, but its groups give no access to Wandelwerk."""

    template_name = "account/signup_closed.html"


class InactiveView(TemplateView):
    template_name = "account/account_inactive.html"


class CancelledView(TemplateView):
    template_name = "socialaccount/login_cancelled.html"


def to_start(request: HttpRequest) -> HttpResponse:
    return redirect("overview:start")
