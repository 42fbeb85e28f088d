"""The Wissenslandkarte: entries, „Wer weiß etwas über …?“ and knowledge only one person has."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from wandelwerk.knowledge import logic, queries
from wandelwerk.knowledge.models import Expertise, Topic
from wandelwerk.organisation.tests.factories import EmployeeFactory, ITSystemFactory, OrgUnitFactory
from wandelwerk.tenants import tenancy

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(in_home):
    unit = OrgUnitFactory(municipality=in_home, code="3.3", name="Ordnungsamt")
    return unit, [EmployeeFactory(org_unit=unit, position=f"Sachbearbeitung {n}") for n in range(3)]


def note(employee, level="expert", **subject):
    return logic.save_expertise(
        actor=None, employee=employee, level=level, documented=False, **subject
    )


def test_a_topic_is_made_on_first_use_in_the_employees_unit(team):
    unit, (a, b, _c) = team
    note(a, topic_name="Gaststättenrecht")
    note(b, topic_name="Gaststättenrecht ")
    topic = Topic.objects.get()
    assert topic.org_unit == unit and topic.expertise.count() == 2


def test_exactly_one_subject_and_no_duplicate(team):
    _unit, (a, b, _c) = team
    system = ITSystemFactory(municipality=a.municipality)
    with pytest.raises(ValidationError):
        note(a, topic_name="Vergabe", it_system=system)
    with pytest.raises(ValidationError):
        note(a)
    note(a, it_system=system)
    with pytest.raises(ValidationError):
        note(a, it_system=system, level="basic")
    with pytest.raises(ValidationError):
        logic.save_expertise(
            actor=None, employee=b, topic_name="X", level="basic", documented=False, successor=b
        )


def test_knowledge_only_one_person_of_the_unit_has_is_flagged(team, in_home):
    unit, (a, b, c) = team
    elsewhere = EmployeeFactory(org_unit=OrgUnitFactory(municipality=in_home))
    note(a, topic_name="Marktwesen")  # alone in the unit (the other unit does not help)
    note(elsewhere, topic_name="Marktwesen")
    note(b, topic_name="Fundrecht")
    note(c, topic_name="Fundrecht", level="competent")  # two know it
    note(c, topic_name="Bußgeld", level="basic")  # basics only: nobody really knows it
    rows = list(queries.expertise_rows())
    single = queries.single_holders(rows)
    flagged = {
        str(r.subject)
        for r in rows
        if (r.employee.org_unit_id, queries.subject_key(r)) in single
        and r.employee.org_unit == unit
    }
    assert flagged == {"Marktwesen"}


def test_who_knows_finds_word_forms_and_compounds_deepest_knowledge_first(team):
    _unit, (a, b, _c) = team
    note(a, topic_name="Sondernutzungserlaubnisse", level="basic")
    note(b, topic_name="Sondernutzung von Straßen", level="expert")
    found = list(queries.who_knows("Sondernutzung"))
    assert [r.employee for r in found] == [b, a]
    assert list(queries.who_knows("Straße")) == [found[0]]
    assert list(queries.who_knows("Hundesteuer")) == []


def test_the_map_page_by_unit_and_the_search(client, users, home, team):
    _unit, (a, _b, _c) = team
    with tenancy.activate(home):
        note(a, topic_name="Gewerbeuntersagung")
    client.force_login(users["viewer"])
    url = reverse("knowledge:expertise", args=[home.slug])
    page = client.get(url).content.decode()
    assert "Gewerbeuntersagung" in page and "nur eine Person" in page
    found = client.get(url, {"q": "Gewerbe"}).content.decode()
    assert "Wer weiß etwas über „Gewerbe“?" in found and "Gewerbeuntersagung" in found
    export = client.get(url, {"export": "xlsx"})
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")


def test_an_editor_records_expertise_through_the_form(client, users, home, team):
    _unit, (a, b, _c) = team
    client.force_login(users["editor"])
    response = client.post(
        reverse("knowledge:expertise_create", args=[home.slug]),
        {"employee": a.pk, "topic_name": "Marktwesen", "level": "expert", "successor": b.pk},
    )
    assert response.status_code == 302
    with tenancy.activate(home):
        entry = Expertise.objects.get()
    assert (entry.topic.name, entry.successor) == ("Marktwesen", b)
    both = client.post(
        reverse("knowledge:expertise_create", args=[home.slug]),
        {
            "employee": a.pk,
            "topic_name": "X",
            "it_system": ITSystemFactory(municipality=home).pk,
            "level": "expert",
        },
    )
    assert "genau eines" in both.content.decode()
