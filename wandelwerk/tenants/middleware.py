"""Every request starts without a current municipality and ends without one."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from wandelwerk.tenants import tenancy


class TenantContextMiddleware:
    """Starts every request without a current municipality and clears it afterwards.

    The municipality itself is set by the base view (``tenants.views.MunicipalityMixin``) once
    membership is checked; it stays set until the response (a lazily rendered template
    included) is done.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = tenancy.set_current(None)
        try:
            return self.get_response(request)
        finally:
            tenancy.reset(token)
