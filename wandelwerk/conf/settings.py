"""Settings for every environment, read from environment variables.

Every variable is documented in ``docs/settings.md``. The small overlays ``dev`` and ``test``
only change defaults; production runs on this module directly.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from wandelwerk.conf.identity import allauth_apps, load_identity_providers

BASE_DIR = Path(__file__).resolve().parent.parent
REPO_DIR = BASE_DIR.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "ja"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django_htmx",
    "template_partials",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    "wandelwerk.core",
    "wandelwerk.jobs",
    "wandelwerk.imports",
    "wandelwerk.tenants",
    "wandelwerk.accounts",
    "wandelwerk.audit",
    "wandelwerk.organisation",
    "wandelwerk.ozg",
    "wandelwerk.assessments",
    "wandelwerk.measures",
    "wandelwerk.roadmap",
    "wandelwerk.knowledge",
    "wandelwerk.reports",
    "wandelwerk.overview",
    "wandelwerk.demo",
    "wandelwerk.operations",
    "wandelwerk.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "wandelwerk.tenants.middleware.TenantContextMiddleware",
    "wandelwerk.accounts.middleware.SecondFactorMiddleware",
    "wandelwerk.core.middleware.SecurityHeadersMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "wandelwerk.urls"
WSGI_APPLICATION = "wandelwerk.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wandelwerk.tenants.navigation.navigation",
            ],
            "builtins": ["wandelwerk.core.templatetags.ww"],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{REPO_DIR / 'var' / 'wandelwerk.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": float(os.environ.get("SQLITE_TIMEOUT", "20")),  # seconds a writer waits
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "overview:start"
LOGOUT_REDIRECT_URL = "accounts:login"
# Single sign-on with OpenID Connect (docs/sso.md): the identity providers and how their groups
# become roles, from a YAML or JSON file. Sign-in with a password stays possible.
WANDELWERK_OIDC = load_identity_providers(os.environ.get("WANDELWERK_OIDC_FILE", ""))
SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"APPS": allauth_apps(WANDELWERK_OIDC)}}
SOCIALACCOUNT_ADAPTER = "wandelwerk.accounts.sso.SocialAdapter"
ACCOUNT_ADAPTER = "wandelwerk.accounts.sso.AccountAdapter"
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True  # an existing account with the address, if the
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True  # provider vouches for its domain
SOCIALACCOUNT_STORE_TOKENS = False
ACCOUNT_EMAIL_VERIFICATION = "none"

# The second factor: the name authenticator apps show next to the code.
OTP_TOTP_ISSUER = os.environ.get("OTP_ISSUER", "Wandelwerk")

# Invitation and password links in e-mails: valid this long, and only until the password is set.
PASSWORD_RESET_TIMEOUT = int(os.environ.get("PASSWORD_LINK_HOURS", "72")) * 3600
# The address the application is reached at, for links in e-mails sent outside a request
# (``manage.py create_user``); pages use the address they were called with.
WANDELWERK_URL = os.environ.get("WANDELWERK_URL", "http://localhost:8000").rstrip("/")

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "20"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Wandelwerk <wandelwerk@localhost>")

# Lockout after repeated failed logins (django-axes).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_MINUTES", "15")) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_CLIENT_IP_CALLABLE = "wandelwerk.accounts.throttle.client_ip"
# Failed logins from one address, whatever the user name, before that address must wait out
# the cool-off time too (password spraying); high enough for a town hall behind one address.
LOGIN_ADDRESS_FAILURE_LIMIT = int(os.environ.get("LOGIN_ADDRESS_FAILURE_LIMIT", "30"))

LANGUAGE_CODE = "de"
# German only until an English translation of the interface exists; offering "en" now would
# mix Django's English messages into German pages for browsers that prefer English.
LANGUAGES = [("de", _("Deutsch"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Berlin")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", REPO_DIR / "var" / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", REPO_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": os.environ.get(
            "STATICFILES_BACKEND", "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Upload limit for imports.
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("UPLOAD_MAX_BYTES", str(10 * 1024 * 1024)))
FILE_UPLOAD_MAX_MEMORY_SIZE = DATA_UPLOAD_MAX_MEMORY_SIZE
IMPORT_MAX_BYTES = DATA_UPLOAD_MAX_MEMORY_SIZE
# Largest evidence file of a DigiCheck answer, in MB.
WANDELWERK_EVIDENCE_MAX_MB = int(os.environ.get("WANDELWERK_EVIDENCE_MAX_MB", "10"))

# Per process, what is made of a plan, kept a day: plans never change, a newer plan has its own
# entries. Its rendered body (up to about 1 MB for 1,000 measures, so at most 40 of them) and
# the team days it claims (a few hundred numbers; the team page reads every municipality's plan,
# so room for 2,000 without pushing the bodies out).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "plans": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "plans",
        "TIMEOUT": 24 * 3600,
        "OPTIONS": {"MAX_ENTRIES": 40, "CULL_FREQUENCY": 4},
    },
    "plan_days": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "plan_days",
        "TIMEOUT": 24 * 3600,
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
}

# A planning run ends when its plan is proven within this share of the optimum, after this many
# seconds at the latest, or when the user stops it (keeping the best plan found).
WANDELWERK_PLAN_GAP = float(os.environ.get("WANDELWERK_PLAN_GAP", "0.01"))
WANDELWERK_PLAN_SECONDS = float(os.environ.get("WANDELWERK_PLAN_SECONDS", "60"))

TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 3600)))
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
# The container's health check asks over plain HTTP from inside; it is not redirected.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
# How many reverse proxies stand before the application, each adding the address it saw to
# X-Forwarded-For; the client's address for the login lockout is read from there.
PROXY_HOPS = int(os.environ.get("PROXY_HOPS", "1" if BEHIND_PROXY else "0"))

# Content-Security-Policy sent by SecurityHeadersMiddleware.
CONTENT_SECURITY_POLICY = os.environ.get(
    "CONTENT_SECURITY_POLICY",
    "default-src 'self'; img-src 'self' data:; style-src 'self'; "
    "script-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'self'; object-src 'none'",
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "structured": {
            "format": '{"time": "%(asctime)s", "level": "%(levelname)s", "logger": "%(name)s", "message": "%(message)s"}'
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "structured"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # the PDF engine reports each layout step and font conversion at INFO
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# Days after which personal data (birth year and month, exit date …) is removed from the
# snapshots of audit events (``manage.py prune_audit``, run daily); the events stay.
WANDELWERK_AUDIT_PERSONAL_DAYS = int(os.environ.get("WANDELWERK_AUDIT_PERSONAL_DAYS", "365"))

# Size of list pages.
PAGE_SIZE = int(os.environ.get("PAGE_SIZE", "50"))

FORM_RENDERER = "wandelwerk.core.forms.KernFormRenderer"
