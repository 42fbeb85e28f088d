"""Permission matrix and tenant isolation for every page of a municipality.

Every URL below ``/k/<municipality_slug>/`` must have a row in its app's ``tests/access.py``
(collected by ``core.testing.access_rows``); a new page without a row
makes ``test_every_tenant_page_is_in_the_matrix`` fail. For each page and method the table names
the roles that may use it; everybody else in the municipality gets 403, anonymous users are sent
to the login page, and a user of another municipality (or of none) gets 404 — exactly like a page
that does not exist.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from wandelwerk.core.testing.access_rows import ALL, build_kwargs, collect
from wandelwerk.core.testing.urls import tenant_routes

ROLES = sorted(ALL)


def access_table() -> dict[str, Any]:
    return collect()


def test_every_tenant_page_is_in_the_matrix():
    missing = sorted({r.name for r in tenant_routes()} - set(access_table()))
    assert not missing, f"Seiten ohne Zeile in der Rechte-Matrix: {missing}"


def _url(name: str, municipality: Any, kwargs: dict[str, Any]) -> str:
    return reverse(name, kwargs={"municipality_slug": municipality.slug, **kwargs})


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, users, home, role):
    client.force_login(users[role])
    failures = []
    for name, (build, get_roles, post_roles) in access_table().items():
        url = _url(name, home, build_kwargs(build, home, users[role]))
        status = client.get(url).status_code
        if get_roles is None:  # a POST-only action: GET is "not allowed" for those who may POST
            expected = 405 if role in (post_roles or set()) else 403
        else:
            expected = 200 if role in get_roles else 403
        if status != expected:
            failures.append(f"GET {name}: {status}, erwartet {expected}")
        if post_roles is not None:
            url = _url(name, home, build_kwargs(build, home, users[role]))
            status = client.post(url, {}).status_code
            ok = status in (200, 302) if role in post_roles else status == 403
            if not ok:
                failures.append(
                    f"POST {name}: {status} ({'erlaubt' if role in post_roles else 'verboten'})"
                )
    assert not failures, failures


@pytest.mark.django_db
def test_anonymous_users_are_sent_to_login(client, users, home):
    for name, (build, _get, post_roles) in access_table().items():
        url = _url(name, home, build_kwargs(build, home, users["editor"]))
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/anmelden/"), name
        if post_roles is not None:
            assert client.post(url, {}).status_code == 302, name


@pytest.mark.django_db
@pytest.mark.parametrize("outsider", ["other_admin", "nobody"])
def test_other_municipalities_pages_answer_404(client, users, home, outsider):
    """Every page of ``home``, with ``home``'s object ids, is invisible to outsiders."""
    client.force_login(users[outsider])
    for name, (build, _get, post_roles) in access_table().items():
        url = _url(name, home, build_kwargs(build, home, users[outsider]))
        assert client.get(url).status_code == 404, f"GET {name}"
        if post_roles is not None:
            assert client.post(url, {}).status_code == 404, f"POST {name}"


@pytest.mark.django_db
def test_objects_of_another_municipality_answer_404_inside_ones_own(client, users, home, other):
    """An admin of ``home`` who puts ``other``'s object ids into ``home``'s URLs gets 404."""
    client.force_login(users["municipality_admin"])
    for name, (build, _get, post_roles) in access_table().items():
        kwargs = build_kwargs(build, other, users["municipality_admin"])
        if "pk" not in kwargs:
            continue
        url = _url(name, home, kwargs)
        if _get is not None:  # POST-only actions answer GET with 405 before looking anything up
            assert client.get(url).status_code == 404, f"GET {name}"
        if post_roles is not None:
            assert client.post(url, {}).status_code == 404, f"POST {name}"


@pytest.mark.django_db
def test_missing_municipality_answers_404_like_a_foreign_one(client, users):
    client.force_login(users["municipality_admin"])
    assert client.get("/k/gibt-es-nicht/").status_code == 404
