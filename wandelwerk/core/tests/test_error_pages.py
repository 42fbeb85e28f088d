"""Error pages speak German, also with DEBUG off."""

from __future__ import annotations

import pytest


@pytest.mark.django_db
def test_a_missing_page_answers_in_german(client, users, settings):
    settings.DEBUG = False
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404 and "Diese Seite gibt es nicht" in response.content.decode()
    client.force_login(users["viewer"])
    response = client.get("/k/heimstadt/protokoll/")
    assert response.status_code == 403
    assert "Dafür fehlt Ihnen die Berechtigung" in response.content.decode()
