"""Production refuses to start with a secret key that is not secret: missing, short, or one of
the keys of the development and test settings or of well-known examples."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

KNOWN = {
    "dev-only-not-secret-wandelwerk",
    "test-only-not-secret",
    "build-only",
    "change-me",
    "changeme",
    "secret",
}
MIN_LENGTH = 50
MIN_DISTINCT = 5


def weakness(key: str) -> str | None:
    """Why ``key`` must not be used in production (None: it may)."""
    if not key:
        return "DJANGO_SECRET_KEY ist nicht gesetzt."
    if key in KNOWN or key.startswith("django-insecure-"):
        return "DJANGO_SECRET_KEY ist ein bekannter Beispiel- oder Entwicklungsschlüssel."
    if len(key) < MIN_LENGTH or len(set(key)) < MIN_DISTINCT:
        return (
            f"DJANGO_SECRET_KEY ist zu kurz oder zu gleichförmig (mindestens {MIN_LENGTH} "
            f"Zeichen, davon {MIN_DISTINCT} verschiedene)."
        )
    return None


def check_secret_key(key: str) -> None:
    problem = weakness(key)
    if problem:
        raise ImproperlyConfigured(
            f"{problem} Wandelwerk startet so nicht. Erzeugen Sie einen Schlüssel, z. B. mit "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))', und setzen Sie ihn "
            "als Umgebungsvariable DJANGO_SECRET_KEY (siehe docs/settings.md)."
        )
