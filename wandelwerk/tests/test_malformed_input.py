"""Malformed numbers in query strings and forms answer 400 or a form error, never 500: every
page is asked with every parameter any view reads and every numeric field any form edits, set
to text, to a huge number, to a negative one and to a fraction."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.db import models
from django.urls import reverse

from wandelwerk.core.testing.access_rows import build_kwargs, collect

PACKAGE = Path(__file__).resolve().parents[1]
VALUES = ["abc", "99999999999999999999999", "-1", "1.5", "1e5", "", "NaN"]


def parameter_names() -> set[str]:
    read = re.compile(r"""(?:GET|POST)\.(?:get|getlist)\(\s*["'](\w+)["']""")
    names = {
        name
        for path in PACKAGE.rglob("*.py")
        if "migrations" not in path.parts
        for name in read.findall(path.read_text(encoding="utf-8"))
    }
    for model in apps.get_models():
        if model.__module__.startswith("wandelwerk."):
            for field in model._meta.get_fields():
                numeric = models.IntegerField | models.DecimalField | models.FloatField
                if isinstance(field, numeric | models.ForeignKey | models.ManyToManyField):
                    names.add(field.name)
    return names - {"csrfmiddlewaretoken"}


@pytest.mark.django_db
@pytest.mark.parametrize("value", VALUES)
def test_no_page_fails_on_malformed_numbers(client, users, home, value):
    client.raise_request_exception = False
    client.force_login(users["provider_admin"])
    data = dict.fromkeys(parameter_names(), value)
    failures = []
    for name, (build, get_roles, post_roles) in collect().items():
        kwargs = build_kwargs(build, home, users["provider_admin"])
        url = reverse(name, kwargs={"municipality_slug": home.slug, **kwargs})
        if get_roles is not None and (status := client.get(url, data).status_code) >= 500:
            failures.append(f"GET {name}: {status}")
        if post_roles is not None and (status := client.post(url, data).status_code) >= 500:
            failures.append(f"POST {name}: {status}")
    assert not failures, failures
