"""The demo data: sizes, users and roles, a visible retirement wave, and idempotence.

The demo is built once per module (it takes about two seconds) and every test reads it.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from wandelwerk.demo.build import row_counts
from wandelwerk.organisation.demo import _end_of_month
from wandelwerk.organisation.models import Employee, EmploymentType, Hosting, ITSystem, OrgUnit
from wandelwerk.organisation.retirement import exit_date
from wandelwerk.tenants import tenancy
from wandelwerk.tenants.models import Membership, Municipality

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def first_run(django_db_setup: Any, django_db_blocker: Any) -> Iterator[str]:
    """Build the demo once for this module, in a transaction rolled back at the end."""
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        out = io.StringIO()
        call_command("load_demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def demo(first_run: str, db: Any) -> str:
    return first_run


def test_musterstadt_has_the_size_of_a_town_of_25000(demo):
    musterstadt = Municipality.objects.get(slug="musterstadt")
    assert 20_000 <= musterstadt.population <= 30_000
    assert len(musterstadt.ags) == 8
    today = dt.date.today()
    with tenancy.activate(musterstadt):
        top = OrgUnit.objects.get(parent__isnull=True)
        departments = OrgUnit.objects.filter(parent=top)
        assert 7 <= departments.count() <= 9
        assert OrgUnit.objects.filter(parent__in=departments).count() >= 15
        assert OrgUnit.objects.filter(citizen_contact=True).count() >= 8
        assert not OrgUnit.objects.filter(head="").exists()
        assert 230 <= Employee.objects.count() <= 270
        systems = list(ITSystem.objects.prefetch_related("org_units"))
        assert 15 <= len(systems) <= 20
        assert all(s.vendor and s.org_units.all() for s in systems)
        hosting = [s.hosting for s in systems]
        assert hosting.count(Hosting.DATA_CENTRE) > len(systems) / 2
        assert Hosting.LOCAL in hosting and Hosting.CLOUD in hosting
        assert 1 <= sum(s.support_ends_soon(today) for s in systems) <= 5


def test_beispieldorf_is_small(demo):
    beispieldorf = Municipality.objects.get(slug="beispieldorf")
    assert beispieldorf.population < 5_000
    with tenancy.activate(beispieldorf):
        assert 4 <= OrgUnit.objects.count() <= 6
        assert 20 <= Employee.objects.count() <= 30
        assert ITSystem.objects.count() == 5


def test_demo_users_have_their_roles(demo):
    roles = {
        (
            m.user.username,
            m.municipality.slug if m.municipality else None,
            m.role,
            m.can_view_personal_data,
        )
        for m in Membership.objects.select_related("user", "municipality")
        if "." not in m.user.username  # the unit heads: see the knowledge demo's test
    }
    assert roles == {
        ("anbieter", None, "provider_admin", False),
        ("berater", "musterstadt", "consultant", False),
        ("cdo-musterstadt", "musterstadt", "municipality_admin", False),
        ("personal-musterstadt", "musterstadt", "editor", True),
        ("leser-musterstadt", "musterstadt", "viewer", False),
        ("cdo-beispieldorf", "beispieldorf", "municipality_admin", False),
    }
    users = get_user_model().objects.all()
    assert all(u.display_name for u in users)
    assert users.get(username="berater").check_password("wandelwerk-demo")
    assert "http://127.0.0.1:8000/" in demo and "cdo-musterstadt" in demo


def test_musterstadt_staff_looks_like_a_municipal_administration(demo):
    municipality = Municipality.objects.get(slug="musterstadt")
    today = dt.date.today()
    with tenancy.activate(municipality):
        staff = list(Employee.objects.all())
    n = len(staff)
    exits = [
        exit_date(
            birth_year=e.birth_year,
            birth_month=e.birth_month,
            born_on_first=e.born_on_first,
            civil_servant=e.employment_type == EmploymentType.CIVIL_SERVANT,
            land=municipality.land,
            planned_exit_date=e.planned_exit_date,
        )
        for e in staff
    ]
    assert all(d is not None and d >= today for d in exits), "nobody has left already"
    within_ten_years = sum(d <= today.replace(year=today.year + 10) for d in exits if d)
    assert within_ten_years / n >= 0.20
    assert sum(today.year - e.birth_year < 30 for e in staff) >= 10
    assert 0.15 <= sum(e.employment_type == EmploymentType.CIVIL_SERVANT for e in staff) / n <= 0.3
    assert 0.15 <= sum(e.fte < 1 for e in staff) / n <= 0.35
    assert 1 <= sum(e.born_on_first for e in staff) <= 0.06 * n
    assert sum(e.planned_exit_date is not None for e in staff) >= 1
    assert all(e.personnel_number.isdigit() and len(e.personnel_number) == 6 for e in staff)
    assert len({e.position for e in staff}) >= 60


def test_running_the_demo_again_adds_nothing(demo):
    before = row_counts()
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert row_counts() == before
    assert "bereits vollständig vorhanden" in out.getvalue()


def test_the_demo_fills_in_what_is_missing_without_touching_the_rest(demo):
    municipality = Municipality.objects.get(slug="musterstadt")
    with tenancy.activate(municipality):
        kept = Employee.objects.order_by("personnel_number").first()
        kept.position = "Geändert"
        kept.save()
        Employee.objects.filter(org_unit__code="6.3").delete()
        ITSystem.objects.filter(name="Kita-Verwaltung").delete()
        count = Employee.objects.count()
    get_user_model().objects.filter(username="leser-musterstadt").delete()
    call_command("load_demo", stdout=io.StringIO())
    with tenancy.activate(municipality):
        assert Employee.objects.count() == count + 38
        assert Employee.objects.get(pk=kept.pk).position == "Geändert"
        assert ITSystem.objects.filter(name="Kita-Verwaltung").count() == 1
    assert Membership.objects.get(user__username="leser-musterstadt").role == "viewer"


def test_end_of_month_rolls_over_years():
    assert _end_of_month(2026, 2) == dt.date(2026, 2, 28)
    assert _end_of_month(2026, 14) == dt.date(2027, 2, 28)
    assert _end_of_month(2028, 0) == dt.date(2027, 12, 31)
    assert _end_of_month(2028, -10) == dt.date(2027, 2, 28)


def test_musterstadt_keeps_its_knowledge(demo):
    from wandelwerk.knowledge import queries as knowledge
    from wandelwerk.knowledge.models import Article, Expertise

    musterstadt = Municipality.objects.get(slug="musterstadt")
    today = dt.date.today()
    with tenancy.activate(musterstadt):
        heads = OrgUnit.objects.filter(head_user__isnull=False)
        assert heads.count() == OrgUnit.objects.count()
        assert all(Employee.objects.filter(user=u.head_user).exists() for u in heads)
        mayor = Employee.objects.get(user__username="thomas.berger")
        assert mayor.employment_type == EmploymentType.CIVIL_SERVANT and mayor.term_end
        articles = Article.objects.all()
        assert 250 <= articles.count() <= 350
        statuses = {a.status for a in articles}
        assert statuses == {"draft", "review", "published"}
        assert {a.template for a in articles} == {"handover", "process", "faq", "checklist"}
        assert 10 <= articles.filter(next_review__lt=today).count() <= 60  # overdue reviews
        leavers = knowledge.leavers(musterstadt, today)
        assert len(leavers) >= 3 and all(x.articles for x in leavers)
        scope = knowledge.search_scope(editor=False)
        found = knowledge.search.search(
            "Anträge", scope, shown=lambda ids: knowledge.shown_articles(ids, editor=False)
        )
        assert found.total >= 10
        rows = list(knowledge.expertise_rows())
        assert len(rows) >= 150 and Expertise.objects.filter(documented=True).exists()
        assert 20 <= len(knowledge.single_holders(rows)) < len(rows)
        from wandelwerk.knowledge.models import HandOver
        from wandelwerk.roadmap.models import Placement

        handovers = list(HandOver.objects.select_related("measure", "employee"))
        assert len(handovers) >= 3
        for handover in handovers:
            assert handover.employee.personnel_number not in handover.measure.title
            assert Placement.objects.filter(measure=handover.measure).exists()  # in the plan


@pytest.mark.parametrize("change", ["add", "delete"])
def test_one_employee_more_or_less_does_not_reveal_the_exit_year(demo, change):
    from wandelwerk.organisation.queries import retirement_wave

    musterstadt = Municipality.objects.get(slug="musterstadt")
    today = dt.date.today()
    with tenancy.activate(musterstadt):
        unit = OrgUnit.objects.get(code="3.1")
        year = today.year + 4
        if change == "delete":
            person = Employee.objects.create(
                municipality=musterstadt, personnel_number="990001", org_unit=unit,
                planned_exit_date=dt.date(year, 6, 30),
            )  # fmt: skip
        before = retirement_wave(musterstadt, today, exact=False)
        if change == "add":
            Employee.objects.create(
                municipality=musterstadt, personnel_number="990002", org_unit=unit,
                planned_exit_date=dt.date(year, 6, 30),
            )  # fmt: skip
        else:
            person.delete()
        after = retirement_wave(musterstadt, today, exact=False)
    changed_years = {
        y
        for row_before, row_after in zip(
            [before.total, *before.rows], [after.total, *after.rows], strict=True
        )
        for y, a, b in zip(before.years, row_before.cells, row_after.cells, strict=True)
        if a != b
    }
    # The figures of many years move, not only the year of the person who came or went.
    assert len(changed_years) >= 5 and changed_years != {year}
