"""The second factor: a code from an authenticator app (TOTP), with recovery codes for when the
phone is gone. Required for the provider's people (admins and consultants) and for everyone in
a municipality that asks for it; demo accounts are exempt. django-otp keeps the devices and
throttles wrong codes; a session is "verified" once a code was accepted in it."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from wandelwerk.audit.logic import record
from wandelwerk.audit.models import Action
from wandelwerk.tenants.queries import accesses

APP = "Authenticator-App"
RECOVERY = "Wiederherstellungscodes"
RECOVERY_CODES = 10


def required(user: Any) -> bool:
    """Whether ``user`` must confirm each sign-in with a code."""
    if not getattr(user, "is_authenticated", False) or user.second_factor_exempt:
        return False
    # The memberships loaded for the access checks of this request answer it too.
    return any(access.second_factor for access in accesses(user))


def app_of(user: Any) -> TOTPDevice | None:
    """The confirmed authenticator app of ``user``."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def start_setup(user: Any) -> TOTPDevice:
    """A new, unconfirmed app device (a fresh secret); earlier unconfirmed ones are dropped."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name=APP, confirmed=False)


def pending_setup(user: Any) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()


@transaction.atomic
def confirm_setup(user: Any, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the app with its first code: the recovery codes (shown once), or None when the
    code is wrong. Any earlier app of the user is replaced."""
    if device.user_id != user.pk or not device.verify_token(_clean(code)):
        return None
    TOTPDevice.objects.filter(user=user, confirmed=True).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    record(actor=user, action=Action.SECOND_FACTOR_ON, obj=user)
    return new_recovery_codes(user)


@transaction.atomic
def new_recovery_codes(user: Any) -> list[str]:
    """Ten new single-use recovery codes; the old ones stop working."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name=RECOVERY)
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def verify(user: Any, code: str) -> Any | None:
    """The device that accepts ``code`` (the app's current code or an unused recovery code)."""
    code = _clean(code)
    if not code:
        return None
    app = app_of(user)
    if app is not None and code.isdigit() and app.verify_token(code):
        return app
    recovery = StaticDevice.objects.filter(user=user, name=RECOVERY, confirmed=True).first()
    if recovery is not None and recovery.verify_token(code):
        return recovery
    return None


def recovery_left(user: Any) -> int:
    return StaticToken.objects.filter(device__user=user, device__name=RECOVERY).count()


@transaction.atomic
def remove(*, actor: Any, user: Any) -> None:
    """Take away the app and the recovery codes: the person sets them up again at the next
    sign-in if they need them (provider admins do this for someone who lost their phone)."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    record(actor=actor, action=Action.SECOND_FACTOR_OFF, obj=user)


def _clean(code: str) -> str:
    return "".join(str(code).split())
