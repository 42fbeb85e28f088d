"""E-mails to people: an invitation with a link to set the password, a notice of new access.

Links are single-use and expire (``PASSWORD_RESET_TIMEOUT``): Django's token is made from the
password hash and the last login, both of which change once the link has been used.
"""

from __future__ import annotations

import logging
import smtplib
from typing import Any

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

logger = logging.getLogger(__name__)


def notify(invitation: Any, actor: Any, base_url: str) -> bool:
    """Send the e-mail of an invitation; False (and logged) when the mail server refuses."""
    send = send_invitation if invitation.new_account else send_access_granted
    try:
        send(invitation.membership, actor, base_url)
    except (smtplib.SMTPException, OSError):
        logger.exception("E-Mail an %s nicht verschickt", invitation.membership.user.email)
        return False
    return True


def password_link(user: Any, base_url: str) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return base_url.rstrip("/") + reverse("accounts:password_set", args=[uid, token])


def _send(template: str, user: Any, context: dict[str, Any]) -> None:
    context = {"user": user, "hours": settings.PASSWORD_RESET_TIMEOUT // 3600, **context}
    subject = " ".join(render_to_string(f"accounts/mail/{template}_subject.txt", context).split())
    body = render_to_string(f"accounts/mail/{template}.txt", context)
    send_mail(subject, body, None, [user.email])


def _where(membership: Any) -> str:
    return membership.municipality.name if membership.municipality else "alle Kommunen"


def send_invitation(membership: Any, actor: Any, base_url: str) -> None:
    _send(
        "invitation",
        membership.user,
        {
            "membership": membership,
            "where": _where(membership),
            "actor": actor,
            "link": password_link(membership.user, base_url),
            "login": base_url.rstrip("/") + reverse("accounts:login"),
        },
    )


def send_access_granted(membership: Any, actor: Any, base_url: str) -> None:
    _send(
        "access_granted",
        membership.user,
        {
            "membership": membership,
            "where": _where(membership),
            "actor": actor,
            "login": base_url.rstrip("/") + reverse("accounts:login"),
        },
    )
