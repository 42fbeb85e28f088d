"""Sends a signed-in person who must use a second factor and has not confirmed this session
to set it up or to enter a code, before any page."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse

from wandelwerk.accounts import second_factor

# Pages a person may open before the code: the second-factor pages themselves and leaving.
OPEN = frozenset(
    {
        "accounts:second_factor_setup",
        "accounts:second_factor_verify",
        "accounts:logout",
        "healthz",
    }
)
# A session signed in through an identity provider that does its own second factor.
SSO_SESSION_KEY = "wandelwerk_sso_provider"


class SecondFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not user.is_verified()  # type: ignore[attr-defined]  # OTPMiddleware adds it
            and not request.session.get(SSO_SESSION_KEY)
            and not request.path_info.startswith(settings.STATIC_URL)
            and self._guarded(request)
            and second_factor.required(user)
        ):
            target = (
                "accounts:second_factor_verify"
                if second_factor.app_of(user)
                else "accounts:second_factor_setup"
            )
            return redirect(f"{reverse(target)}?next={quote(request.get_full_path())}")
        return self.get_response(request)

    @staticmethod
    def _guarded(request: HttpRequest) -> bool:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return True
        return match.view_name not in OPEN
