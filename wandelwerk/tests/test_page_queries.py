"""Every page of a municipality asks the database a fixed number of times, whatever the data
size: each page of the permission matrix is read with little data and again after the data grew
(``growth.grow``). A page added later is held to it by its row in the matrix."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wandelwerk.core.testing.access_rows import build_kwargs, collect
from wandelwerk.tests.growth import grow

# Pages read with more than their share of the data on purpose, with the reason.
EXEMPT: dict[str, str] = {}


def _count(client: Any, url: str) -> tuple[int, int]:
    client.get(url)  # once-only work (scores of checks approved before they were stored)
    with CaptureQueriesContext(connection) as ctx:
        status = client.get(url).status_code
    return status, len(ctx.captured_queries)


@pytest.mark.django_db
def test_every_tenant_page_asks_a_fixed_number_of_queries(client, users, home):
    user = users["hr"]  # a member who also sees personal data: the most a page shows
    client.force_login(user)
    urls = {}
    for name, (build, get_roles, _post) in collect().items():
        if get_roles is None or "hr" not in get_roles or name in EXEMPT:
            continue
        kwargs = build_kwargs(build, home, user)
        urls[name] = reverse(name, kwargs={"municipality_slug": home.slug, **kwargs})
    grow(home, 2)  # after the pages' own objects exist: their scenarios are planned too
    small = {name: _count(client, url) for name, url in urls.items()}
    grow(home, 12)
    large = {name: _count(client, url) for name, url in urls.items()}
    grown = {
        name: f"{small[name][1]} → {large[name][1]}"
        for name in urls
        if small[name][1] != large[name][1]
    }
    failed = {name: large[name][0] for name in urls if large[name][0] >= 400}
    assert not failed, f"Seiten mit Fehler: {failed}"
    assert not grown, f"Abfragen wachsen mit den Daten: {grown}"
