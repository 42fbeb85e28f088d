"""Test settings: fast hashing, in-memory files, immediate tasks."""

import os

os.environ.setdefault("DJANGO_SECURE_COOKIES", "false")
os.environ.setdefault(
    "STATICFILES_BACKEND", "django.contrib.staticfiles.storage.StaticFilesStorage"
)

from wandelwerk.conf.settings import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"
WANDELWERK_CHECK_SECRET_KEY = False  # the tests check the check itself
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = REPO_DIR / "var" / "test-media"  # noqa: F405
LANGUAGE_CODE = "de"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
AXES_ENABLED = True
WANDELWERK_PLAN_SECONDS = 5.0  # planning jobs in the tests: small plans, soon proven
