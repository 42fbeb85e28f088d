"""The inventory pages as users use them: create, edit, delete, personal data, audit."""

from __future__ import annotations

import pytest
from django.urls import reverse

from wandelwerk.audit.models import Action, AuditEvent
from wandelwerk.organisation.models import Employee, ITSystem, OrgUnit
from wandelwerk.organisation.tests.factories import EmployeeFactory, OrgUnitFactory
from wandelwerk.tenants import tenancy
from wandelwerk.tenants.tests.editing import stand


def url(name, municipality, *args):
    return reverse(f"organisation:{name}", args=[municipality.slug, *args])


@pytest.mark.django_db
def test_create_org_unit_writes_audit_event(client, users, home):
    client.force_login(users["editor"])
    response = client.post(
        url("orgunit_create", home),
        {"code": "FB1", "name": "Zentrale Dienste", "head": "Frau Kern"},
    )
    assert response.status_code == 302
    with tenancy.activate(home):
        unit = OrgUnit.objects.get(code="FB1")
        event = AuditEvent.objects.get(object_type="organisation.OrgUnit", action=Action.CREATE)
    assert event.actor == users["editor"]
    assert event.after["name"] == "Zentrale Dienste"
    assert event.municipality == home
    assert unit.municipality == home


@pytest.mark.django_db
def test_edit_records_before_and_after(client, users, home):
    unit = OrgUnitFactory(municipality=home, code="FB2", name="Finanzen")
    client.force_login(users["editor"])
    client.post(
        url("orgunit_update", home, unit.pk),
        {"code": "FB2", "name": "Finanzen und Steuern"} | stand(unit),
    )
    with tenancy.activate(home):
        event = AuditEvent.objects.get(action=Action.UPDATE)
    assert ("name", "Finanzen", "Finanzen und Steuern") in event.changes()


@pytest.mark.django_db
def test_duplicate_code_is_shown_next_to_the_field(client, users, home):
    OrgUnitFactory(municipality=home, code="FB1")
    client.force_login(users["editor"])
    response = client.post(url("orgunit_create", home), {"code": "FB1", "name": "Doppelt"})
    assert response.status_code == 200
    assert "Dieses Kürzel ist bereits vergeben." in response.content.decode()
    assert 'id="fehler"' in response.content.decode()  # the error summary at the top


@pytest.mark.django_db
def test_same_code_is_allowed_in_another_municipality(client, users, home, other):
    OrgUnitFactory(municipality=other, code="FB1")
    client.force_login(users["editor"])
    assert (
        client.post(url("orgunit_create", home), {"code": "FB1", "name": "Eigene"}).status_code
        == 302
    )


@pytest.mark.django_db
def test_a_unit_cannot_become_its_own_ancestor(client, users, home):
    top = OrgUnitFactory(municipality=home, code="A")
    child = OrgUnitFactory(municipality=home, code="B", parent=top)
    client.force_login(users["editor"])
    response = client.post(
        url("orgunit_update", home, top.pk),
        {"code": "A", "name": "Oben", "parent": child.pk} | stand(top),
    )
    assert response.status_code == 200
    top.refresh_from_db()
    assert top.parent is None


@pytest.mark.django_db
def test_unit_in_use_is_not_deleted(client, users, home):
    unit = OrgUnitFactory(municipality=home)
    EmployeeFactory(org_unit=unit)
    client.force_login(users["editor"])
    response = client.post(url("orgunit_delete", home, unit.pk), follow=True)
    assert "kann nicht gelöscht werden" in response.content.decode()
    assert OrgUnit.objects.unscoped().filter(pk=unit.pk).exists()


@pytest.mark.django_db
def test_delete_is_audited(client, users, home):
    unit = OrgUnitFactory(municipality=home, code="WEG")
    client.force_login(users["editor"])
    client.post(url("orgunit_delete", home, unit.pk))
    assert not OrgUnit.objects.unscoped().filter(pk=unit.pk).exists()
    with tenancy.activate(home):
        assert AuditEvent.objects.filter(action=Action.DELETE, before__code="WEG").exists()


@pytest.mark.django_db
def test_personal_data_is_hidden_without_permission(client, users, home):
    employee = EmployeeFactory(
        org_unit=OrgUnitFactory(municipality=home), birth_year=1961, birth_month=7
    )
    client.force_login(users["editor"])
    page = client.get(url("employee_detail", home, employee.pk)).content.decode()
    assert "1961" not in page and "Personaldaten" not in page
    form = client.get(url("employee_update", home, employee.pk)).content.decode()
    assert "birth_year" not in form
    with tenancy.activate(home):
        assert not AuditEvent.objects.filter(action=Action.VIEW_PERSONAL).exists()


@pytest.mark.django_db
def test_hr_sees_personal_data_and_the_read_is_audited(client, users, home):
    employee = EmployeeFactory(
        org_unit=OrgUnitFactory(municipality=home), birth_year=1961, birth_month=7
    )
    client.force_login(users["hr"])
    page = client.get(url("employee_detail", home, employee.pk)).content.decode()
    assert "07/1961" in page
    assert "31.01.2028" in page  # born 07/1961: limit 66 years 6 months, reached in January 2028
    with tenancy.activate(home):
        event = AuditEvent.objects.get(action=Action.VIEW_PERSONAL)
    assert event.actor == users["hr"]
    assert event.after == {"employees": [employee.pk]}


@pytest.mark.django_db
def test_editor_without_permission_cannot_change_personal_fields_by_posting_them(
    client, users, home
):
    unit = OrgUnitFactory(municipality=home)
    employee = EmployeeFactory(org_unit=unit, birth_year=1961, birth_month=7)
    client.force_login(users["editor"])
    client.post(
        url("employee_update", home, employee.pk),
        {
            "personnel_number": employee.personnel_number,
            "org_unit": unit.pk,
            "employment_type": "employee",
            "fte": "0.5",
            "birth_year": "1990",
            "birth_month": "1",
        }
        | stand(employee),
    )
    employee.refresh_from_db()
    assert employee.fte == 0.5
    assert (employee.birth_year, employee.birth_month) == (1961, 7)


@pytest.mark.django_db
def test_hr_can_set_a_planned_exit(client, users, home):
    unit = OrgUnitFactory(municipality=home)
    client.force_login(users["hr"])
    response = client.post(
        url("employee_create", home),
        {
            "personnel_number": "4711",
            "org_unit": unit.pk,
            "employment_type": "civil_servant",
            "fte": "1",
            "birth_year": "1964",
            "birth_month": "3",
            "born_on_first": "on",
            "planned_exit_date": "2029-12-31",
        },
    )
    assert response.status_code == 302
    employee = Employee.objects.unscoped().get(personnel_number="4711")
    assert employee.born_on_first and str(employee.planned_exit_date) == "2029-12-31"


@pytest.mark.django_db
def test_it_system_with_units(client, users, home):
    a = OrgUnitFactory(municipality=home, code="A")
    b = OrgUnitFactory(municipality=home, code="B")
    client.force_login(users["editor"])
    response = client.post(
        url("itsystem_create", home),
        {
            "name": "E-Akte",
            "vendor": "DMS GmbH",
            "hosting": "cloud",
            "end_of_support": "2027-06-30",
            "org_units": [a.pk, b.pk],
        },
    )
    assert response.status_code == 302
    with tenancy.activate(home):
        system = ITSystem.objects.get(name="E-Akte")
        assert {u.code for u in system.org_units.all()} == {"A", "B"}


@pytest.mark.django_db
def test_lists_filter_sort_and_export(client, users, home):
    OrgUnitFactory(municipality=home, code="B", name="Bauamt")
    OrgUnitFactory(municipality=home, code="A", name="Amt für Ordnung")
    client.force_login(users["viewer"])
    page = client.get(url("orgunit_list", home) + "?q=bau").content.decode()
    assert "Bauamt" in page and "Amt für Ordnung" not in page
    page = client.get(url("orgunit_list", home) + "?sort=-code").content.decode()
    assert page.index("Bauamt") < page.index("Amt für Ordnung")
    export = client.get(url("orgunit_list", home) + "?q=bau&export=xlsx")
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    from io import BytesIO

    from openpyxl import load_workbook

    rows = list(load_workbook(BytesIO(export.content)).active.values)
    assert (
        rows[0][:2] == ("Kürzel", "Bezeichnung")
        and rows[1][:2] == ("B", "Bauamt")
        and len(rows) == 2
    )


@pytest.mark.django_db
def test_special_age_limits_are_kept_by_the_municipality_and_used_for_exit_dates(
    client, users, home
):
    from wandelwerk.organisation.models import AgeLimitGroup, Employee
    from wandelwerk.tenants import tenancy

    client.force_login(users["hr"])
    create = reverse("organisation:agelimit_create", args=[home.slug])
    response = client.post(
        create, {"name": "Justizvollzug", "years": 62, "months": 0, "legal_basis": "§ 118 LBG NRW"}
    )
    assert response.status_code == 302
    assert (
        "Diese Bezeichnung gibt es schon"
        in client.post(create, {"name": "Justizvollzug", "years": 60, "months": 0}).content.decode()
    )
    with tenancy.activate(home):
        group = AgeLimitGroup.objects.get()
        unit = OrgUnitFactory(municipality=home)
        person = EmployeeFactory(
            org_unit=unit,
            employment_type="civil_servant",
            birth_year=1970,
            birth_month=6,
            age_limit_group=group,
        )
    page = client.get(
        reverse("organisation:employee_detail", args=[home.slug, person.pk])
    ).content.decode()
    assert "30.06.2032" in page and "besondere Altersgrenze" in page
    listing = client.get(reverse("organisation:agelimit_list", args=[home.slug])).content.decode()
    assert "Justizvollzug" in listing and "62 Jahre" in listing
    client.post(reverse("organisation:agelimit_delete", args=[home.slug, group.pk]))
    with tenancy.activate(home):
        assert AgeLimitGroup.objects.exists()  # still in use: kept
        Employee.objects.filter(pk=person.pk).update(age_limit_group=None)
    client.post(reverse("organisation:agelimit_delete", args=[home.slug, group.pk]))
    with tenancy.activate(home):
        assert not AgeLimitGroup.objects.exists()


@pytest.mark.django_db
def test_unit_heads_and_staff_are_people_with_accounts(client, users, home, other):
    from wandelwerk.tenants.tests.factories import MembershipFactory, UserFactory

    client.force_login(users["editor"])
    head = users["municipality_admin"]
    outsider = UserFactory(username="fremd")
    MembershipFactory(user=outsider, municipality=other, role="editor")
    create = reverse("organisation:orgunit_create", args=[home.slug])
    form = client.get(create).content.decode()
    assert str(head) in form and "fremd" not in form  # only people of this municipality
    refused = client.post(create, {"code": "FB9", "name": "Bauen", "head_user": outsider.pk})
    assert "head_user" in refused.context["form"].errors
    client.post(create, {"code": "FB9", "name": "Bauen", "head_user": head.pk})
    with tenancy.activate(home):
        unit = OrgUnit.objects.get(code="FB9")
    assert unit.head_user == head
    page = client.get(
        reverse("organisation:orgunit_detail", args=[home.slug, unit.pk])
    ).content.decode()
    assert str(head) in page
    client.post(
        reverse("organisation:employee_create", args=[home.slug]),
        {
            "personnel_number": "4711",
            "org_unit": unit.pk,
            "user": users["viewer"].pk,
            "employment_type": "employee",
            "fte": "1",
        },
    )
    with tenancy.activate(home):
        assert Employee.objects.get(personnel_number="4711").user == users["viewer"]


@pytest.mark.django_db
def test_the_organigram_links_each_unit_with_its_staff(client, users, home):
    top = OrgUnitFactory(municipality=home, code="FB3", name="Bürger & <Ordnung>")
    office = OrgUnitFactory(municipality=home, code="3.1", name="Bürgerbüro", parent=top)
    EmployeeFactory(org_unit=office)
    EmployeeFactory.create_batch(2, org_unit=top)
    client.force_login(users["viewer"])
    page = client.get(url("index", home)).content.decode()
    assert (
        f'<li class="ww-depth-0"><a class="kern-link" href="{url("orgunit_detail", home, top.pk)}">'
        '<span class="ww-code">FB3</span> Bürger &amp; &lt;Ordnung&gt;</a> '
        '<span class="kern-body kern-body--small kern-body--muted">2 Beschäftigte</span></li>'
    ) in page
    assert (
        f'<li class="ww-depth-1"><a class="kern-link" href="{url("orgunit_detail", home, office.pk)}">'
        '<span class="ww-code">3.1</span> Bürgerbüro</a> '
        '<span class="kern-body kern-body--small kern-body--muted">1 Beschäftigte/r</span></li>'
    ) in page
    assert page.index("FB3") < page.index("Bürgerbüro")
