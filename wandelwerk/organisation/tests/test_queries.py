"""Reads of the organisation: the tree, lists without extra queries, exit dates and the
aggregates the overview shows (groups under five hidden)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from wandelwerk.organisation import exits, queries
from wandelwerk.organisation.tests.factories import (
    EmployeeFactory,
    ITSystemFactory,
    OrgUnitFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(in_home):
    """FB3 › 3.1 › 3.1.1 and FB2, with two people in 3.1."""
    fb3 = OrgUnitFactory(municipality=in_home, code="FB3")
    office = OrgUnitFactory(municipality=in_home, code="3.1", parent=fb3)
    counter = OrgUnitFactory(municipality=in_home, code="3.1.1", parent=office)
    fb2 = OrgUnitFactory(municipality=in_home, code="FB2")
    EmployeeFactory.create_batch(2, org_unit=office)
    return {"fb3": fb3, "office": office, "counter": counter, "fb2": fb2}


def test_the_tree_lists_parents_before_children_with_depth_and_staff(tree):
    rows = [(r.unit.code, r.depth, r.employee_count) for r in queries.org_unit_tree()]
    assert rows == [("FB2", 0, 0), ("FB3", 0, 0), ("3.1", 1, 2), ("3.1.1", 2, 0)]
    assert queries.descendants_of(tree["fb3"]) == {
        tree["fb3"].pk,
        tree["office"].pk,
        tree["counter"].pk,
    }
    assert queries.descendants_of(tree["fb2"]) == {tree["fb2"].pk}


def test_list_reads_bring_what_the_lists_show(tree, django_assert_num_queries):
    with django_assert_num_queries(1):
        units = {u.code: (u.parent, u.employee_count) for u in queries.org_units()}
    assert units["3.1"] == (tree["fb3"], 2)
    with django_assert_num_queries(1):
        assert {e.org_unit.code for e in queries.employees()} == {"3.1"}
    ITSystemFactory(municipality=tree["fb3"].municipality, org_units=[tree["office"], tree["fb2"]])
    with django_assert_num_queries(2):
        [system] = queries.it_systems()
        assert [u.code for u in system.org_units.all()] == ["3.1", "FB2"]


def test_exit_dates_prefer_the_planned_date_and_know_the_land(in_home):
    unit = OrgUnitFactory(municipality=in_home)
    born_1964 = EmployeeFactory(org_unit=unit, birth_year=1964, birth_month=3)
    planned = EmployeeFactory(org_unit=unit, planned_exit_date=dt.date(2027, 3, 31))
    assert exits.employee_exit_date(born_1964, "NW") == dt.date(2031, 3, 31)
    assert exits.employee_exit_date(planned, "NW") == dt.date(2027, 3, 31)
    dates = sorted(when for _pk, _unit, _fte, when in exits.exit_records(in_home))
    assert dates == [dt.date(2027, 3, 31), dt.date(2031, 3, 31)]


def test_overview_figures(in_home):
    today = dt.date(2026, 11, 30)
    unit = OrgUnitFactory(municipality=in_home)
    EmployeeFactory.create_batch(
        5, org_unit=unit, fte=Decimal("0.5"), planned_exit_date=dt.date(2027, 12, 31)
    )
    EmployeeFactory(org_unit=unit, young=True)
    ITSystemFactory(municipality=in_home, end_of_support=dt.date(2027, 6, 30))
    ITSystemFactory(municipality=in_home)
    figures = queries.overview_figures(in_home, today=today, exact=True)
    assert (figures.org_units, figures.employees, figures.fte) == (1, 6, 3.5)
    assert (figures.it_systems, figures.support_ending, figures.exits_24_months) == (2, 1, 5)
    assert dict(figures.exits_by_year)[2027] == 5


def test_special_limits_terms_and_a_missing_land_table(in_home):
    from wandelwerk.organisation.models import AgeLimitGroup

    unit = OrgUnitFactory(municipality=in_home)
    prison = AgeLimitGroup.objects.create(
        municipality=in_home, name="Justizvollzug", years=62, legal_basis="§ 118 LBG NRW"
    )
    guard = EmployeeFactory(
        org_unit=unit,
        employment_type="civil_servant",
        birth_year=1970,
        birth_month=6,
        age_limit_group=prison,
    )
    mayor = EmployeeFactory(
        org_unit=unit,
        employment_type="civil_servant",
        birth_year=1975,
        birth_month=2,
        term_end=dt.date(2030, 10, 31),
    )
    clerk = EmployeeFactory(
        org_unit=unit, employment_type="civil_servant", birth_year=1965, birth_month=3
    )
    staff = EmployeeFactory(
        org_unit=unit, employment_type="employee", birth_year=1965, birth_month=3
    )
    land = in_home.land
    assert exits.employee_exit_date(guard, land) == dt.date(2032, 6, 30)
    assert exits.employee_exit_date(mayor, land) == dt.date(2030, 10, 31)
    assert exits.employee_exit_date(clerk, land) == dt.date(2032, 3, 31)
    assert queries.retirement_notice(in_home) is None

    in_home.land = "BY"  # a Land without its civil servants' table
    assert exits.employee_exit_date(clerk, "BY") is None
    assert exits.employee_exit_date(staff, "BY") == dt.date(2032, 3, 31)  # § 235 SGB VI
    assert exits.employee_exit_date(guard, "BY") == dt.date(2032, 6, 30)  # its group's limit
    assert "„BY“" in queries.retirement_notice(in_home)
    assert sum(1 for record in exits.exit_records(in_home) if record[3]) == 3
