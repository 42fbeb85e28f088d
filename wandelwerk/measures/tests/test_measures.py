from __future__ import annotations

import pytest
from django.urls import reverse

from wandelwerk.audit.models import Action, AuditEvent
from wandelwerk.measures.catalog import load_catalog
from wandelwerk.measures.models import Measure, MeasureTemplate
from wandelwerk.measures.tests.factories import MeasureFactory
from wandelwerk.organisation.tests.factories import OrgUnitFactory
from wandelwerk.tenants import tenancy
from wandelwerk.tenants.tests.editing import stand


def url(name, municipality, *args):
    return reverse(f"measures:{name}", args=[municipality.slug, *args])


@pytest.fixture
def catalog(db):
    load_catalog()


def _chain_template():
    """A template with prerequisites that themselves have prerequisites."""
    for template in MeasureTemplate.objects.all():
        for key in template.prerequisite_keys:
            if MeasureTemplate.objects.get(key=key).prerequisite_keys:
                return template
    raise AssertionError("catalogue has no chain")


@pytest.mark.django_db
def test_adding_a_measure_adds_its_prerequisites_once(client, users, home, catalog):
    unit = OrgUnitFactory(municipality=home, code="3.1")
    template = _chain_template()
    client.force_login(users["editor"])
    response = client.post(url("add_from_catalog", home, template.key), {"org_unit": unit.pk})
    assert response.status_code == 302
    client.post(url("add_from_catalog", home, template.key), {"org_unit": unit.pk})
    with tenancy.activate(home):
        measure = Measure.objects.get(template=template)
        assert measure.prerequisites.count() == len(template.prerequisite_keys)
        keys = set(Measure.objects.values_list("template__key", flat=True))
        assert set(template.prerequisite_keys) <= keys
        assert Measure.objects.count() == len(keys)  # nothing twice
        assert AuditEvent.objects.filter(
            action=Action.CREATE, object_type="measures.Measure"
        ).count() == len(keys)


@pytest.mark.django_db
def test_unit_measures_need_a_unit(client, users, home, catalog):
    template = MeasureTemplate.objects.filter(scope="unit").first()
    client.force_login(users["editor"])
    page = client.post(url("add_from_catalog", home, template.key), {}).content.decode()
    assert "je Organisationseinheit" in page


@pytest.mark.django_db
def test_status_changes_are_audited_and_dated(client, users, home):
    measure = MeasureFactory(municipality=home, title="E-Akte", area="digital")
    client.force_login(users["editor"])
    client.post(url("measure_status", home, measure.pk), {"status": "in_progress"})
    client.post(url("measure_status", home, measure.pk), {"status": "done"})
    measure.refresh_from_db()
    assert measure.status == "done" and measure.started_on and measure.finished_on
    with tenancy.activate(home):
        assert AuditEvent.objects.filter(action=Action.TRANSITION).count() == 2
    page = client.post(
        url("measure_status", home, measure.pk), {"status": "proposed"}, follow=True
    ).content.decode()
    assert "nicht möglich" in page


@pytest.mark.django_db
def test_own_measure_cannot_depend_on_itself_in_a_circle(client, users, home):
    a = MeasureFactory(municipality=home, title="A")
    b = MeasureFactory(municipality=home, title="B", prerequisites=[a])
    client.force_login(users["editor"])
    data = {
        "title": "A",
        "area": "process",
        "duration": 1,
        "internal_days": 0,
        "provider_days": 0,
        "budget_eur": 0,
        "benefit": 5,
        "prerequisites": [b.pk],
    }
    page = client.post(url("measure_update", home, a.pk), data | stand(a)).content.decode()
    assert "nicht (auch nicht über andere) von sich selbst abhängen" in page
    with tenancy.activate(home):
        assert not a.prerequisites.exists()


@pytest.mark.django_db
def test_measure_others_wait_for_is_not_deleted(client, users, home):
    a = MeasureFactory(municipality=home, proposed=True)
    MeasureFactory(municipality=home, proposed=True, prerequisites=[a])
    client.force_login(users["editor"])
    client.post(url("measure_delete", home, a.pk))
    assert Measure.objects.unscoped().filter(pk=a.pk).exists()


@pytest.mark.django_db
def test_graph_shows_the_active_measures_and_the_list_filters_by_area(client, users, home):
    akte = MeasureFactory(municipality=home, title="E-Akte einführen", area="digital")
    MeasureFactory(
        municipality=home, title="Prozesse erheben", area="process", prerequisites=[akte]
    )
    MeasureFactory(municipality=home, title="Abgelehnte Idee", area="digital", rejected=True)
    client.force_login(users["editor"])
    graph = client.get(url("graph", home)).content.decode()
    assert 'role="img"' in graph and "Als Tabelle" in graph
    assert "E-Akte einführen" in graph and "Prozesse erheben" in graph
    assert "Abgelehnte Idee" not in graph  # only accepted and running measures wait for others
    assert "1 Abhängigkeit über Handlungsfelder hinweg" in graph
    waiting = Measure.objects.unscoped().get(title="Prozesse erheben")
    row = (
        f'<th scope="row" class="kern-table__cell">{waiting}</th>'
        '<td class="kern-table__cell">Prozessmanagement</td>'
        f'<td class="kern-table__cell">{akte}</td><td class="kern-table__cell">Digitalmanagement</td>'
    )
    assert row in graph  # who waits, in which field, for what, from which field
    response = client.get(url("index", home) + "?area=digital")
    listed = [m.title for m in response.context["object_list"]]
    assert sorted(listed) == ["Abgelehnte Idee", "E-Akte einführen"]
    page = response.content.decode()
    assert "Prozesse erheben" not in page and 'value="digital" selected' in page


@pytest.mark.django_db
def test_the_dependency_table_shows_titles_as_text_never_as_markup(client, users, home):
    first = MeasureFactory(municipality=home, status="accepted", title="<script>alert(1)</script>")
    MeasureFactory(municipality=home, status="accepted", title="E-Akte & Co", prerequisites=[first])
    client.force_login(users["editor"])
    page = client.get(url("graph", home)).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "E-Akte &amp; Co" in page
