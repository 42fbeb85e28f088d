"""The embedded default served like production (``scripts/start``): the demo on SQLite, served
by gunicorn with several workers and static files through WhiteNoise, DEBUG off unless
``WANDELWERK_DEBUG=1``. A secret key is made once and kept in ``var/secret_key``; cookies are
plain because it serves http://127.0.0.1; e-mails go to the terminal."""

import os
import secrets
from pathlib import Path

os.environ.setdefault("DJANGO_DEBUG", "true" if os.environ.get("WANDELWERK_DEBUG") else "false")
os.environ.setdefault("DJANGO_SECURE_COOKIES", "false")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

from wandelwerk.conf.settings import *  # noqa: F403


def _local_secret(path: Path) -> str:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


SECRET_KEY = SECRET_KEY or _local_secret(REPO_DIR / "var" / "secret_key")  # noqa: F405
