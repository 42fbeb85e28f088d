"""Local development and the demo: debug on, a fixed development key, plain cookies."""

import os

os.environ.setdefault("DJANGO_DEBUG", "true")
os.environ.setdefault("DJANGO_SECURE_COOKIES", "false")
# E-mails (invitations, password links) are printed in the terminal instead of sent.
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
os.environ.setdefault(
    "STATICFILES_BACKEND", "django.contrib.staticfiles.storage.StaticFilesStorage"
)

from wandelwerk.conf.settings import *  # noqa: F403

SECRET_KEY = SECRET_KEY or "dev-only-not-secret-wandelwerk"  # noqa: F405

# Serve static files straight from the app folders: no collectstatic needed for the demo.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
