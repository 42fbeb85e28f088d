"""The import pages in a real browser: accessible (axe-core), and usable with the keyboard from
upload through the error report to the confirmation."""

from __future__ import annotations

import pytest
from django.urls import reverse

from wandelwerk.core.testing.browser import assert_accessible, login
from wandelwerk.organisation.models import OrgUnit
from wandelwerk.tenants import tenancy

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GOOD = (
    "Kürzel;Bezeichnung;Übergeordnete Einheit;Leitung\n3.1;Bürgerbüro;FB3;\nFB3;Bürgerdienste;;\n"
)
BAD = "Kürzel;Bezeichnung;Übergeordnete Einheit\n3.1;;FB9\n3.1;Doppelt;\n"


def test_import_flow_is_accessible_and_works_with_the_keyboard(page, users, home, tmp_path):
    good, bad = tmp_path / "einheiten.csv", tmp_path / "kaputt.csv"
    good.write_bytes(GOOD.encode("cp1252"))
    bad.write_bytes(BAD.encode("utf-8"))
    login(page, "editor")
    start = page.base_url + reverse("organisation:import_start", args=[home.slug])

    page.goto(page.base_url + reverse("organisation:index", args=[home.slug]))
    page.get_by_role("link", name="Daten importieren").click()
    assert page.url == start
    assert_accessible(page, "Import: Hochladen")

    # Sending the empty form: summary at the top and errors at the fields.
    with page.expect_navigation():
        page.get_by_role("button", name="Hochladen und prüfen").press("Enter")
    assert page.locator("#fehler").is_visible()
    assert_accessible(page, "Import: Formular mit Fehlern")

    # A file with errors: the report as a table, nothing to confirm.
    page.get_by_role("radio", name="Organisationseinheiten").check()
    page.get_by_label("Datei").set_input_files(str(bad))
    with page.expect_navigation():
        page.get_by_role("button", name="Hochladen und prüfen").press("Enter")
    report = page.locator("table.ww-import-errors tbody tr")
    assert report.count() == 3
    assert page.get_by_role("button", name="Import übernehmen").count() == 0
    assert_accessible(page, "Import: Fehlerbericht")

    # A good file: counts, preview, confirm with the keyboard.
    page.goto(start)
    page.get_by_role("radio", name="Organisationseinheiten").check()
    page.get_by_label("Datei").set_input_files(str(good))
    with page.expect_navigation():
        page.get_by_role("button", name="Hochladen und prüfen").press("Enter")
    assert "2 neu" in page.locator("main").inner_text()
    assert_accessible(page, "Import: Vorschau")
    page.get_by_role("button", name="Import übernehmen").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "2 neu, 0 geändert, 0 unverändert" in page.locator(".ww-messages").inner_text()
    assert_accessible(page, "Import: übernommen")
    with tenancy.activate(home):
        assert OrgUnit.objects.get(code="3.1").parent.code == "FB3"
