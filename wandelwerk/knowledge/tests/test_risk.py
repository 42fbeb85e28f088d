"""Knowledge-loss risk: ratings with their history, hand-over measures that name no one, and
who may see who leaves when."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from wandelwerk.audit.models import AuditEvent
from wandelwerk.audit.presentation import present
from wandelwerk.core.dates import add_months
from wandelwerk.knowledge import logic as knowledge_logic
from wandelwerk.knowledge.models import HandOver, RiskRating
from wandelwerk.knowledge.risk import logic, queries
from wandelwerk.measures.models import Measure
from wandelwerk.organisation.tests.factories import EmployeeFactory, OrgUnitFactory
from wandelwerk.tenants import tenancy

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()


def month_end(months: int) -> dt.date:
    first = add_months(TODAY.replace(day=1), months + 1)
    return first - dt.timedelta(days=1)


@pytest.fixture
def office(in_home):
    unit = OrgUnitFactory(municipality=in_home, code="2.3", name="Stadtkasse")
    soon = EmployeeFactory(
        org_unit=unit, position="Kassenverwaltung", planned_exit_date=month_end(30)
    )
    near = EmployeeFactory(org_unit=unit, position="Buchhaltung", planned_exit_date=month_end(8))
    young = EmployeeFactory(org_unit=unit, young=True)
    knowledge_logic.save_expertise(
        actor=None, employee=soon, topic_name="Tagesabschluss", level="expert", documented=False
    )
    return unit, soon, near, young


def test_a_rating_keeps_its_moment_and_the_history_grows(office, users):
    _unit, soon, _near, _young = office
    first = logic.rate(
        actor=users["hr"], employee=soon, position_factor=4, note="einzige Kassenverwalterin"
    )
    assert (first.attrition_factor, first.total, first.exit_date) == (3, 12, soon.planned_exit_date)
    second = logic.rate(actor=users["hr"], employee=soon, position_factor=5)
    assert [r.pk for r in queries.history(soon)] == [second.pk, first.pk]
    row = next(r for r in queries.rows(soon.municipality, TODAY, None) if r.employee == soon)
    assert (row.position, row.total) == (5, 15)


def test_handovers_name_the_unit_and_topics_never_the_person(office, users):
    _unit, soon, near, young = office
    logic.rate(actor=users["hr"], employee=soon, position_factor=5)  # 3 × 5 = 15: medium
    logic.rate(actor=users["hr"], employee=near, position_factor=4)  # 5 × 4 = 20: high
    logic.rate(actor=users["hr"], employee=young, position_factor=5)  # 1 × 5: low
    made = logic.create_handovers(actor=users["hr"])
    assert [h.employee for h in made] == [near]
    measure = made[0].measure
    assert measure.title == "Wissensübergabe 2.3: Wissen der Einheit"
    assert near.personnel_number not in measure.title + measure.description + measure.reason
    assert (measure.area, measure.source, measure.deadline_is_hard) == (
        "knowledge",
        "handover",
        False,
    )
    assert made[0].compressed  # 8 months away: less than the 18 months' lead
    logic.rate(actor=users["hr"], employee=soon, position_factor=5, note="jetzt höher")
    from wandelwerk.knowledge.models import KnowledgeSettings

    KnowledgeSettings.objects.create(municipality=soon.municipality, risk_high=15)
    again = logic.create_handovers(actor=users["hr"])
    assert [h.employee for h in again] == [soon]  # the first hand-over is not made twice
    assert again[0].measure.title == "Wissensübergabe 2.3: Tagesabschluss"
    deadline = again[0].measure.deadline
    assert (deadline.month, deadline.day) in ((6, 30), (12, 31))
    assert add_months(deadline, 18) <= soon.planned_exit_date
    assert Measure.objects.count() == 2 and HandOver.objects.count() == 2


def test_the_audit_log_hides_exits_from_those_without_the_right(office, users):
    _unit, soon, _near, _young = office
    logic.rate(actor=users["hr"], employee=soon, position_factor=4)
    event = AuditEvent.objects.get(object_type="knowledge.RiskRating")
    hidden = present([event], sees_personal=False)[0]
    shown = present([event], sees_personal=True)[0]
    assert str(soon.planned_exit_date.year) not in str(hidden.__dict__)
    assert str(soon.planned_exit_date.year) in str(shown.__dict__)


def test_who_sees_the_risk_list(client, users, home, office):
    unit, soon, _near, _young = office
    logic.rate(actor=users["hr"], employee=soon, position_factor=4)
    url = reverse("knowledge:risk", args=[home.slug])
    client.force_login(users["hr"])
    page = client.get(url).content.decode()
    assert "Kassenverwaltung" in page and soon.planned_exit_date.strftime("%m/%Y") in page
    client.force_login(users["viewer"])
    assert client.get(url).status_code == 403
    # The unit head rates the unit but sees no exits until HR grants it.
    unit.head_user = users["editor"]
    unit.save()
    client.force_login(users["editor"])
    page = client.get(url).content.decode()
    assert "Risikoliste sieht, wem das Personalamt" in page and "Kassenverwaltung" not in page
    assert "Übergaben in Ihren Einheiten" in page
    client.force_login(users["hr"])
    client.post(
        reverse("knowledge:grants", args=[home.slug]),
        {"einheit": unit.pk, "person": users["editor"].pk},
    )
    client.force_login(users["editor"])
    page = client.get(url).content.decode()
    assert "Kassenverwaltung" in page
    other = OrgUnitFactory(municipality=home)
    assert client.get(url, {"einheit": other.pk}).content.decode().count("Kassenverwaltung") == 1


def test_the_unit_head_rates_the_unit_and_a_stale_save_is_refused(client, users, home, office):
    unit, soon, near, _young = office
    unit.head_user = users["editor"]
    unit.save()
    url = reverse("knowledge:risk_rate", args=[home.slug, unit.pk])
    client.force_login(users["editor"])
    page = client.get(url).content.decode()
    assert "Positionsfaktor" in page and str(soon.planned_exit_date.year) not in page
    stand = page.split('name="_stand" value="')[1].split('"')[0]
    client.post(url, {"_stand": stand, f"f{soon.pk}": "5", f"n{soon.pk}": "Kasse"})
    with tenancy.activate(home):
        assert RiskRating.objects.get().position_factor == 5
    stale = client.post(url, {"_stand": stand, f"f{near.pk}": "3"})
    assert "jemand anderes" in stale.content.decode()
    with tenancy.activate(home):
        assert RiskRating.objects.count() == 1
    client.force_login(users["viewer"])
    assert client.get(url).status_code == 403


@pytest.mark.django_db
def test_a_long_list_of_units_to_rate_is_a_choice_that_leads_to_the_unit(client, users, home):
    units = [OrgUnitFactory(municipality=home, code=f"{n}.1", name=f"Amt {n}") for n in range(13)]
    client.force_login(users["hr"])
    url = reverse("knowledge:risk", args=[home.slug])
    page = client.get(url).content.decode()
    assert '<select class="kern-form-input__select" id="bewerten" name="bewerten">' in page
    assert page.count(reverse("knowledge:risk_rate", args=[home.slug, units[0].pk])) == 0
    chosen = client.get(url, {"bewerten": units[5].pk})
    assert chosen["Location"] == reverse("knowledge:risk_rate", args=[home.slug, units[5].pk])
    assert client.get(chosen["Location"]).status_code == 200
