"""Every page of the service register in Chromium: axe-core finds no WCAG 2.1 A/AA violation."""

from __future__ import annotations

import pytest
from django.urls import reverse

from wandelwerk.core.testing.browser import assert_accessible, login
from wandelwerk.ozg.catalog import load_catalog
from wandelwerk.ozg.logic import adopt_entries
from wandelwerk.ozg.models import AdministrativeService, LeikaEntry
from wandelwerk.tenants import tenancy

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_ozg_pages_are_accessible(page, users, home):
    load_catalog()
    with tenancy.activate(home):
        adopt_entries(
            actor=None, entries=LeikaEntry.objects.filter(leika_key__startswith="9901200")[:5]
        )
        service = AdministrativeService.objects.first()
        service.maturity_level, service.cases_per_year, service.minutes_per_case = 1, 300, 20
        service.save()
    ozg_id = service.ozg_service_id
    login(page, "editor")
    slug = home.slug
    for name, args, query in [
        ("ozg:index", [slug], ""),
        ("ozg:catalog", [slug], ""),
        ("ozg:catalog", [slug], "?q=Abbruch"),
        ("ozg:catalog_service", [slug, ozg_id], ""),
        ("ozg:service_detail", [slug, service.pk], ""),
        ("ozg:service_update", [slug, service.pk], ""),
        ("ozg:service_create", [slug], ""),
        ("ozg:service_delete", [slug, service.pk], ""),
        ("ozg:milestones", [slug, service.pk], ""),
        ("ozg:standard_set", [slug], ""),
        ("ozg:priorities", [slug], ""),
        ("ozg:dashboard", [slug], ""),
        ("ozg:import_start", [slug], ""),
    ]:
        page.goto(page.base_url + reverse(name, args=args) + query)
        assert page.locator("h1").count() == 1, name
        assert_accessible(page, name)
    # Adopting from the catalogue with the keyboard only.
    page.goto(page.base_url + reverse("ozg:catalog", args=[slug]) + "?q=Hundesteuer")
    button = page.get_by_role("button", name="Übernehmen").first
    button.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "ins Register übernommen" in page.locator(".ww-messages").inner_text()
    assert page.get_by_text("im Register").count() >= 1
