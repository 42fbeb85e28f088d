"""Who is signing in from where: the client's address behind a reverse proxy, and a limit on
failed sign-ins from one address across all user names (password spraying).

The lockout per user name and address is django-axes'; it reads the address from
``client_ip``. Behind ``PROXY_HOPS`` proxies, each appending the address it saw to
``X-Forwarded-For``, the client is the entry that many places from the right: entries further
left come from the client itself and prove nothing. Without a proxy the header is ignored, so
nobody escapes the lockout by sending a new one with every attempt.
"""

from __future__ import annotations

import ipaddress
from datetime import timedelta

from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest
from django.utils import timezone


def client_ip(request: HttpRequest) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    hops = settings.PROXY_HOPS
    if hops:
        forwarded = [
            entry.strip()
            for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if entry.strip()
        ]
        if len(forwarded) >= hops:
            candidate = forwarded[-hops]
            try:
                return str(ipaddress.ip_address(candidate))
            except ValueError:
                pass  # not an address: a proxy that does not write the header as expected
    return remote


def failures_from(address: str) -> int:
    """Failed sign-ins from ``address`` within the cool-off time, whatever the user name."""
    since = timezone.now() - timedelta(hours=settings.AXES_COOLOFF_TIME)
    attempts = AccessAttempt.objects.filter(ip_address=address, attempt_time__gte=since)
    return attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0


def address_blocked(request: HttpRequest) -> bool:
    """Too many failures from this address: it is trying passwords on many accounts."""
    return failures_from(client_ip(request)) >= settings.LOGIN_ADDRESS_FAILURE_LIMIT
