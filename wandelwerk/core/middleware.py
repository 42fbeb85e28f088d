"""Request-wide middleware: tenant context reset and security headers."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from wandelwerk.core import tenancy


class TenantContextMiddleware:
    """Starts every request without a current municipality and clears it afterwards.

    The municipality itself is set by ``MunicipalityMixin`` once membership is checked; the
    context stays set until the response (including a lazily rendered template) is done.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = tenancy.set_current(None)
        try:
            return self.get_response(request)
        finally:
            tenancy.reset(token)


class SecurityHeadersMiddleware:
    """Content-Security-Policy and Permissions-Policy (BSI APP.3.1 A21)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"
        )
        response.headers.setdefault("Cache-Control", "no-store, private")
        return response
