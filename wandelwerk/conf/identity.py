"""The identity providers of an installation (single sign-on with OpenID Connect), read from
the file named by ``WANDELWERK_OIDC_FILE`` (YAML or JSON; docs/sso.md) and checked at start:
a wrong file stops the application with a message naming the mistake."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import yaml
from django.core.exceptions import ImproperlyConfigured

REQUIRED = ("id", "name", "server_url", "client_id")


def load_identity_providers(path: str) -> list[dict[str, Any]]:
    if not path:
        return []
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ImproperlyConfigured(f"WANDELWERK_OIDC_FILE {path}: {exc}") from exc
    providers = data.get("providers") if isinstance(data, dict) else data
    if not isinstance(providers, list):
        raise ImproperlyConfigured(f"{path}: erwartet eine Liste „providers“.")
    return [_checked(entry, path) for entry in providers]


def _checked(entry: Any, path: str) -> dict[str, Any]:
    if not isinstance(entry, dict):
        raise ImproperlyConfigured(f"{path}: jeder Anmeldedienst ist ein Eintrag mit Feldern.")
    missing = [key for key in REQUIRED if not entry.get(key)]
    if missing:
        raise ImproperlyConfigured(
            f"{path}: {entry.get('id', '?')}: es fehlt {', '.join(missing)}."
        )
    if not re.fullmatch(r"[a-z0-9-]+", str(entry["id"])):
        raise ImproperlyConfigured(f"{path}: id „{entry['id']}“: nur a–z, 0–9 und Bindestriche.")
    if entry.get("secret_env"):
        entry["secret"] = os.environ.get(entry["secret_env"], "")
    for rule in entry.get("roles", []):
        try:
            re.compile(str(rule.get("pattern", "")))
        except re.error as exc:
            raise ImproperlyConfigured(
                f"{path}: {entry['id']}: Muster „{rule.get('pattern')}“: {exc}"
            ) from exc
    entry.setdefault("domains", [])
    entry.setdefault("claim", "groups")
    entry.setdefault("roles", [])
    entry.setdefault("second_factor", "idp")
    if entry["second_factor"] not in ("idp", "local"):
        raise ImproperlyConfigured(f"{path}: {entry['id']}: second_factor ist „idp“ oder „local“.")
    return entry


def allauth_apps(providers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The providers as django-allauth's OpenID Connect apps."""
    return [
        {
            "provider_id": p["id"],
            "name": p["name"],
            "client_id": p["client_id"],
            "secret": p.get("secret", ""),
            "settings": {
                "server_url": p["server_url"],
                "scope": p.get("scope", ["openid", "profile", "email"]),
                "oauth_pkce_enabled": True,
            },
        }
        for p in providers
    ]
