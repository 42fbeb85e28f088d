"""The disclosure control of staff figures for people without the personal-data right."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from wandelwerk.organisation import disclosure, queries
from wandelwerk.organisation.tests.factories import EmployeeFactory, OrgUnitFactory


def test_the_same_data_always_give_the_same_figures_and_small_ones_are_hidden():
    state = disclosure.state_key([(1, 2, dt.date(2030, 1, 31))])
    assert disclosure.protect(state, "a", 40, 31.5) == disclosure.protect(state, "a", 40, 31.5)
    cells = [disclosure.protect(state, f"c{n}", 40, 31.5) for n in range(200)]
    assert {c.people for c in cells} == {38, 39, 40, 41, 42}  # never more than 2 off
    assert all(29 <= c.fte <= 34 and c.fte <= c.people for c in cells)
    small = [disclosure.protect(state, f"s{n}", 2, 2.0) for n in range(200)]
    assert {c.people for c in small} == {None}  # 2 + at most 2 stays below 5
    nobody = [disclosure.protect(state, f"z{n}", 0, 0.0) for n in range(50)]
    assert {c.people for c in nobody} == {None}  # empty looks like small


def test_a_new_state_draws_new_noise_for_every_cell():
    before = disclosure.state_key([(1, 2, dt.date(2030, 1, 31))])
    after = disclosure.state_key([(1, 2, dt.date(2030, 1, 31)), (2, 2, dt.date(2031, 1, 31))])
    same = sum(
        disclosure.protect(before, f"c{n}", 40, 40) == disclosure.protect(after, f"c{n}", 40, 40)
        for n in range(100)
    )
    assert same < 50


@pytest.mark.django_db
def test_hr_sees_exact_figures_and_everyone_else_the_protected_ones(client, users, home):
    from wandelwerk.tenants import tenancy

    with tenancy.activate(home):
        unit = OrgUnitFactory(municipality=home, code="FB9")
        exit_on = dt.date(dt.date.today().year + 2, 6, 30)
        EmployeeFactory.create_batch(3, org_unit=unit, planned_exit_date=exit_on)
    url = reverse("organisation:wave", args=[home.slug])
    client.force_login(users["hr"])
    exact = client.get(url).content.decode()
    assert "genauen Zahlen" in exact and ">3<br>" in exact
    client.force_login(users["viewer"])
    protected = client.get(url).content.decode()
    assert "leicht verändert" in protected and ">3<br>" not in protected
    with tenancy.activate(home):
        wave = queries.retirement_wave(home, dt.date.today(), exact=False)
    assert all(c.people is None for c in wave.total.cells)  # 3 people: never shown


def test_a_wave_cell_shows_people_over_posts_in_german_or_says_fewer_than_five():
    from wandelwerk.organisation.templatetags.wave import wave_cells

    html = wave_cells(
        [disclosure.Cell(12, 9.5), disclosure.Cell(7, 7.0), disclosure.Cell(None, None)]
    )
    assert '>12<br><span class="kern-body--small">(9,5)</span>' in html
    assert '>7<br><span class="kern-body--small">(7)</span>' in html
    assert 'aria-label="weniger als 5">&lt; 5</span>' in html and html.count("<td") == 3
