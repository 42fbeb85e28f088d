"""The import pages: upload, preview with every error, confirm or discard, templates, and only
the uploader and the municipality's editors see an upload."""

from __future__ import annotations

import pytest
from django.urls import reverse

from wandelwerk.audit.models import Action, AuditEvent
from wandelwerk.organisation.models import Employee, OrgUnit
from wandelwerk.organisation.tests.import_files import (
    EMPLOYEE_HEADER,
    EMPLOYEES,
    UNITS,
    run,
    run_bytes,
    xlsx,
)
from wandelwerk.tenants import tenancy


def _upload(client, municipality, kind, data, name):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        reverse("organisation:import_start", args=[municipality.slug]),
        {"kind": kind, "file": SimpleUploadedFile(name, data)},
    )


@pytest.mark.django_db
def test_browser_flow_upload_preview_confirm(client, users, home):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(users["editor"])
    start = reverse("organisation:import_start", args=[home.slug])
    upload = SimpleUploadedFile("einheiten.csv", UNITS.encode("cp1252"), content_type="text/csv")
    response = client.post(start, {"kind": "org_units", "file": upload})
    assert response.status_code == 302
    preview = client.get(response["Location"]).content.decode()
    assert "Alle Zeilen sind in Ordnung" in preview and "3 neu" in preview
    with tenancy.activate(home):
        assert OrgUnit.objects.count() == 0  # nothing before confirmation
    done = client.post(response["Location"], {"confirm": "1"}, follow=True).content.decode()
    assert "3 neu, 0 geändert" in done
    with tenancy.activate(home):
        assert OrgUnit.objects.count() == 3
    # Confirming twice does nothing more.
    client.post(response["Location"], {"confirm": "1"})
    with tenancy.activate(home):
        assert AuditEvent.objects.filter(action=Action.IMPORT).count() == 1


@pytest.mark.django_db
def test_browser_preview_shows_every_error(client, users, home):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(users["editor"])
    upload = SimpleUploadedFile(
        "x.csv", "Kürzel;Bezeichnung\nA;\nA;B\n".encode(), content_type="text/csv"
    )
    response = client.post(
        reverse("organisation:import_start", args=[home.slug]),
        {"kind": "org_units", "file": upload},
    )
    page = client.get(response["Location"]).content.decode()
    assert (
        "2 Fehler" in page and "Pflichtangabe fehlt." in page and "steht schon in Zeile 2" in page
    )
    assert "Import übernehmen" not in page


@pytest.mark.django_db
def test_browser_rejects_personal_columns_without_permission(client, users, home):
    from django.core.files.uploadedfile import SimpleUploadedFile

    run(home, "org_units", UNITS)
    client.force_login(users["editor"])
    upload = SimpleUploadedFile("b.csv", EMPLOYEES.encode(), content_type="text/csv")
    response = client.post(
        reverse("organisation:import_start", args=[home.slug]),
        {"kind": "employees", "file": upload},
    )
    page = client.get(response["Location"]).content.decode()
    assert "nur mit dem Recht auf Personaldaten" in page


@pytest.mark.django_db
def test_only_the_uploader_sees_an_upload(client, users, home):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(users["editor"])
    upload = SimpleUploadedFile("x.csv", UNITS.encode(), content_type="text/csv")
    location = client.post(
        reverse("organisation:import_start", args=[home.slug]),
        {"kind": "org_units", "file": upload},
    )["Location"]
    client.force_login(users["municipality_admin"])
    assert client.get(location).status_code == 404
    assert client.post(location, {"confirm": "1"}).status_code == 404


@pytest.mark.django_db
def test_templates_download(client, users, home):
    client.force_login(users["editor"])
    csv_response = client.get(
        reverse("organisation:import_template", args=[home.slug, "employees", "csv"])
    )
    text = csv_response.content.decode("utf-8-sig")
    assert text.startswith(
        "Personalnummer;Organisationseinheit;Funktion;Beschäftigungsart;Stellenanteil"
    )
    xlsx = client.get(
        reverse("organisation:import_template", args=[home.slug, "it_systems", "xlsx"])
    )
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


@pytest.mark.django_db
def test_browser_hr_imports_personal_data_from_xlsx(client, users, home):
    run(home, "org_units", UNITS)
    client.force_login(users["hr"])
    data = xlsx([EMPLOYEE_HEADER, ["100009", "3.1", "Kasse", "Tarif", 1, 1961, 2, "ja", None]])
    location = _upload(client, home, "employees", data, "personal.xlsx")["Location"]
    page = client.get(location).content.decode()
    assert "Alle Zeilen sind in Ordnung" in page and "1 neu" in page
    client.post(location, {"confirm": "1"})
    with tenancy.activate(home):
        employee = Employee.objects.get(personnel_number="100009")
    assert (employee.birth_year, employee.birth_month, employee.born_on_first) == (1961, 2, True)


@pytest.mark.django_db
def test_confirm_checks_again_against_the_current_database(client, users, home):
    run(home, "org_units", UNITS)
    client.force_login(users["editor"])
    text = "Personalnummer;Organisationseinheit;Beschäftigungsart;Stellenanteil\n7;3.2;Tarif;1\n"
    location = _upload(client, home, "employees", text.encode(), "b.csv")["Location"]
    assert "Alle Zeilen sind in Ordnung" in client.get(location).content.decode()
    with tenancy.activate(home):
        OrgUnit.objects.get(code="3.2").delete()  # someone removes the unit meanwhile
    response = client.post(location, {"confirm": "1"}, follow=True)
    page = response.content.decode()
    assert "nicht mehr passen" in page and "„3.2“ gibt es nicht" in page
    with tenancy.activate(home):
        assert Employee.objects.count() == 0


@pytest.mark.django_db
def test_after_confirming_the_file_is_gone_and_the_page_shows_the_counts(client, users, home):
    from wandelwerk.imports.models import ImportUpload

    client.force_login(users["editor"])
    location = _upload(client, home, "org_units", UNITS.encode(), "e.csv")["Location"]
    client.post(location, {"confirm": "1"})
    with tenancy.activate(home):
        upload = ImportUpload.objects.get()
    assert upload.status == "applied" and bytes(upload.content) == b""
    assert upload.result == {"created": 3, "updated": 0, "unchanged": 0}
    page = client.get(location).content.decode()
    assert "abgeschlossen" in page and "3 Datenzeilen" in page
    assert "Import übernehmen" not in page
    one = _upload(
        client,
        home,
        "org_units",
        UNITS.encode()[: UNITS.encode().index(b"\n", UNITS.encode().index(b"\n") + 1) + 1],
        "f.csv",
    )
    assert "mit 1 Datenzeile." in client.get(one["Location"]).content.decode()


@pytest.mark.django_db
def test_discarding_an_upload_changes_nothing(client, users, home):
    from wandelwerk.imports.models import ImportUpload

    client.force_login(users["editor"])
    location = _upload(client, home, "org_units", UNITS.encode(), "e.csv")["Location"]
    page = client.post(location, {"discard": "1"}, follow=True).content.decode()
    assert "Import verworfen" in page
    with tenancy.activate(home):
        assert OrgUnit.objects.count() == 0
        assert ImportUpload.objects.get().status == "discarded"
    client.post(location, {"confirm": "1"})
    with tenancy.activate(home):
        assert OrgUnit.objects.count() == 0


@pytest.mark.django_db
def test_upload_form_errors_next_to_the_field_and_in_the_summary(client, users, home, settings):
    client.force_login(users["editor"])
    settings.IMPORT_MAX_BYTES = 10
    page = _upload(client, home, "org_units", UNITS.encode(), "e.csv").content.decode()
    assert page.count("Die Datei ist zu groß") == 2  # summary and field
    assert 'href="#id_file"' in page
    settings.IMPORT_MAX_BYTES = 1_000_000
    page = _upload(client, home, "org_units", b"x", "bild.png").content.decode()
    assert "Bitte eine CSV- oder XLSX-Datei hochladen." in page
    page = client.post(reverse("organisation:import_start", args=[home.slug]), {}).content.decode()
    assert page.count("Dieses Feld ist zwingend erforderlich.") >= 2


@pytest.mark.django_db
def test_start_page_lists_every_kind_with_columns_and_templates(client, users, home):
    client.force_login(users["editor"])
    page = client.get(reverse("organisation:import_start", args=[home.slug])).content.decode()
    for header in ("Übergeordnete Einheit", "Am Monatsersten geboren", "Supportende"):
        assert f"<code>{header}</code>" in page
    for kind in ("org_units", "employees", "it_systems"):
        for fmt in ("csv", "xlsx"):
            assert reverse("organisation:import_template", args=[home.slug, kind, fmt]) in page
    index = client.get(reverse("organisation:index", args=[home.slug])).content.decode()
    assert "Daten importieren" in index
    client.force_login(users["viewer"])
    index = client.get(reverse("organisation:index", args=[home.slug])).content.decode()
    assert "Daten importieren" not in index


@pytest.mark.django_db
def test_templates_are_empty_and_come_back_as_a_valid_header(client, users, home):
    import io

    from openpyxl import load_workbook

    from wandelwerk.imports.reader import read_table

    client.force_login(users["editor"])
    for kind in ("org_units", "employees", "it_systems"):
        csv_data = client.get(
            reverse("organisation:import_template", args=[home.slug, kind, "csv"])
        ).content
        xlsx_data = client.get(
            reverse("organisation:import_template", args=[home.slug, kind, "xlsx"])
        ).content
        for data, name in ((csv_data, "v.csv"), (xlsx_data, "v.xlsx")):
            table = read_table(data, name)
            assert table.rows == []
            result = run_bytes(home, kind, data, name)
            assert [i.message for i in result.issues] == ["Die Datei enthält keine Datenzeilen."]
    workbook = load_workbook(io.BytesIO(xlsx_data))
    assert workbook.sheetnames == ["IT-Verfahren", "Hinweise"]
    assert workbook["IT-Verfahren"].column_dimensions["C"].number_format == "@"
    assert workbook["IT-Verfahren"].column_dimensions["E"].number_format == "DD.MM.YYYY"
    assert workbook["Hinweise"]["A2"].value == "Bezeichnung"
    missing = reverse("organisation:import_template", args=[home.slug, "employees", "pdf"])
    assert client.get(missing).status_code == 404


@pytest.mark.django_db
def test_another_municipality_cannot_reach_the_import_pages(client, users, home, other):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from wandelwerk.imports.models import ImportUpload

    client.force_login(users["editor"])
    location = _upload(client, home, "org_units", UNITS.encode(), "e.csv")["Location"]
    client.force_login(users["other_admin"])
    urls = [
        reverse("organisation:import_start", args=[home.slug]),
        location,
        reverse("organisation:import_template", args=[home.slug, "employees", "csv"]),
    ]
    for url in urls:
        assert client.get(url).status_code == 404
    assert client.post(location, {"confirm": "1"}).status_code == 404
    upload = SimpleUploadedFile("e.csv", UNITS.encode())
    assert client.post(urls[0], {"kind": "org_units", "file": upload}).status_code == 404
    # An upload of home is not found under the other municipality either, even by its owner.
    own = _upload(client, other, "org_units", UNITS.encode(), "e.csv")["Location"]
    with tenancy.activate(other):
        theirs = ImportUpload.objects.get().pk
    with tenancy.activate(home):
        ours = ImportUpload.objects.get().pk
    assert client.get(own).status_code == 200
    assert client.get(own.replace(f"/{theirs}/", f"/{ours}/")).status_code == 404
    with tenancy.activate(home):
        assert OrgUnit.objects.count() == 0


@pytest.mark.django_db
def test_stale_pending_uploads_are_forgotten_with_the_next_upload(client, users, home, other):
    from datetime import timedelta

    from django.utils import timezone

    from wandelwerk.imports.models import ImportUpload

    client.force_login(users["editor"])
    old = _upload(client, home, "org_units", UNITS.encode(), "alt.csv")["Location"]
    client.force_login(users["other_admin"])
    _upload(client, other, "org_units", UNITS.encode(), "anders.csv")
    with tenancy.activate(home):
        ImportUpload.objects.update(created_at=timezone.now() - timedelta(hours=25))
    with tenancy.activate(other):
        ImportUpload.objects.update(created_at=timezone.now() - timedelta(hours=25))
    client.force_login(users["editor"])
    _upload(client, home, "org_units", UNITS.encode(), "neu.csv")
    with tenancy.activate(home):
        stale, fresh = ImportUpload.objects.order_by("created_at")
    assert stale.status == "discarded" and bytes(stale.content) == b""
    assert fresh.status == "pending"
    with tenancy.activate(other):
        assert ImportUpload.objects.get().status == "pending"  # other municipalities untouched
    assert "abgeschlossen" in client.get(old).content.decode()


@pytest.mark.django_db
def test_the_preview_shows_the_check_made_on_upload_without_reading_the_file_again(
    client, users, home, monkeypatch
):
    from wandelwerk.imports import reader

    client.force_login(users["editor"])
    location = _upload(client, home, "org_units", UNITS.encode(), "e.csv")["Location"]

    def no_reading(*args, **kwargs):
        raise AssertionError("the preview read the file again")

    monkeypatch.setattr(reader, "read_table", no_reading)
    monkeypatch.setattr("wandelwerk.imports.logic.read_table", no_reading)
    page = client.get(location).content.decode()
    assert "Alle Zeilen sind in Ordnung" in page and "3 Datenzeilen" in page
    assert "Bürgerdienste und Ordnung" in page  # the first rows, as kept
