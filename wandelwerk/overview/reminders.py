"""Weekly e-mail reminders of the work that is due ("Meine Aufgaben"). A person switches them off
on that page; one who has nothing due gets no mail, and nobody gets two within a week."""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse

from wandelwerk.overview.work import KINDS, my_work

logger = logging.getLogger(__name__)

EVERY = dt.timedelta(days=7)


def send_reminder(user: Any, today: dt.date, base_url: str) -> bool:
    """Mail the person what is due; False when nothing is (or the mail server refuses)."""
    due = my_work(user, today).due_soon()
    if not due:
        return False
    context = {
        "user": user,
        "items": due,
        "labels": KINDS,
        "link": base_url + reverse("overview:work"),
    }
    subject = " ".join(render_to_string("overview/mail/reminder_subject.txt", context).split())
    body = render_to_string("overview/mail/reminder.txt", context)
    try:
        send_mail(subject, body, None, [user.email])
    except (smtplib.SMTPException, OSError):
        logger.exception("Erinnerung an %s nicht verschickt", user.email)
        return False
    return True


def send_reminders(today: dt.date, base_url: str = "") -> int:
    """Remind everyone who wants it and was not reminded in the last week; the number sent."""
    base_url = (base_url or settings.WANDELWERK_URL).rstrip("/")
    people = (
        get_user_model()
        .objects.filter(is_active=True, reminders=True)
        .exclude(email="")
        .filter(Q(reminded_on__isnull=True) | Q(reminded_on__lte=today - EVERY))
        .order_by("pk")
    )
    sent = 0
    for user in people:
        if send_reminder(user, today, base_url):
            user.reminded_on = today
            user.save(update_fields=["reminded_on"])
            sent += 1
    return sent
