"""The knowledge pages in a real browser: every new page clean under axe-core, and the writing
flow (template, live preview, save, publish, search) done with the keyboard."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from wandelwerk.core.testing.browser import assert_accessible, login
from wandelwerk.knowledge import logic
from wandelwerk.knowledge.risk import logic as risk_logic
from wandelwerk.knowledge.tests.factories import ArticleFactory
from wandelwerk.organisation.tests.factories import EmployeeFactory, OrgUnitFactory
from wandelwerk.tenants import tenancy

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def knowledge(home, users):
    with tenancy.activate(home):
        unit = OrgUnitFactory(
            municipality=home, code="3.3", name="Ordnungsamt", head_user=users["editor"]
        )
        leaving = EmployeeFactory(
            org_unit=unit,
            user=users["editor"],
            planned_exit_date=dt.date.today() + dt.timedelta(days=200),
        )
        colleague = EmployeeFactory(org_unit=unit, position="Sachbearbeitung Gewerbe")
        article = ArticleFactory(
            municipality=home,
            owner=users["editor"],
            published=True,
            overdue=True,
            title="Gaststättenerlaubnis",
            body="## Ablauf\n\n| a | b |\n|---|---|\n| 1 | 2 |",
        )
        article.org_units.add(unit)
        logic.reindex([article])
        logic.save_article(
            actor=users["editor"],
            article=article,
            title=article.title,
            body=article.body + "\n\nNeu.",
            template="process",
            owner=users["editor"],
        )
        logic.save_expertise(
            actor=None,
            employee=leaving,
            topic_name="Marktwesen",
            level="expert",
            documented=False,
            successor=colleague,
        )
        risk_logic.rate(actor=users["hr"], employee=leaving, position_factor=5)
        risk_logic.create_handovers(actor=users["hr"])
    return unit, article, leaving


def test_every_knowledge_page_is_accessible(page, users, home, knowledge):
    unit, article, leaving = knowledge
    slug = home.slug
    pages = {
        "Wissensdatenbank": reverse("knowledge:index", args=[slug]),
        "Suche": reverse("knowledge:index", args=[slug]) + "?q=Gaststätte",
        "Artikel": reverse("knowledge:article_detail", args=[slug, article.pk]),
        "Artikel bearbeiten": reverse("knowledge:article_update", args=[slug, article.pk]),
        "Neuer Artikel": reverse("knowledge:article_create", args=[slug]) + "?vorlage=checklist",
        "Versionen": reverse("knowledge:article_history", args=[slug, article.pk]),
        "Änderungen": reverse("knowledge:article_diff", args=[slug, article.pk]),
        "Fassung": reverse("knowledge:article_version", args=[slug, article.pk, 1]),
        "Überfällige Prüfungen": reverse("knowledge:overdue", args=[slug]) + "?gruppierung=einheit",
        "Wissenslandkarte": reverse("knowledge:expertise", args=[slug]),
        "Wer weiß was": reverse("knowledge:expertise", args=[slug]) + "?q=Markt",
        "Wissen eintragen": reverse("knowledge:expertise_create", args=[slug]),
        "Einstellungen": reverse("knowledge:settings", args=[slug]),
        "Ruhestandswelle": reverse("organisation:wave", args=[slug]),
        "Positionsfaktoren": reverse("knowledge:risk_rate", args=[slug, unit.pk]),
    }
    login(page, "municipality_admin")
    for label, path in pages.items():
        page.goto(page.base_url + path)
        assert_accessible(page, label)
    hr_pages = {
        "Übergabe von Artikeln": reverse("knowledge:leavers", args=[slug]),
        "Wissensverlustrisiko": reverse("knowledge:risk", args=[slug]),
        "Verlauf": reverse("knowledge:risk_history", args=[slug, leaving.pk]),
        "Freigaben": reverse("knowledge:grants", args=[slug]),
        "Ruhestandswelle (genau)": reverse("organisation:wave", args=[slug]),
    }
    page.context.clear_cookies()
    login(page, "hr")
    for label, path in hr_pages.items():
        page.goto(page.base_url + path)
        assert_accessible(page, label)


def test_writing_an_article_with_the_keyboard(page, users, home, knowledge):
    login(page, "editor")
    page.goto(page.base_url + reverse("knowledge:index", args=[home.slug]))
    page.get_by_role("link", name="FAQ").click()
    page.get_by_label("Titel").fill("Sondernutzung: häufige Fragen")
    body = page.get_by_label("Text")
    body.fill("## Was kostet ein Stand?\n\nDie **Gebühr** richtet sich nach der Satzung.")
    page.locator("#vorschau strong").filter(has_text="Gebühr").wait_for()  # the live preview
    with page.expect_navigation():
        page.get_by_role("button", name="Speichern").press("Enter")
    assert page.get_by_role("heading", level=1).inner_text() == "Sondernutzung: häufige Fragen"
    with page.expect_navigation():
        page.get_by_role("button", name="Veröffentlichen").press("Enter")
    assert "Veröffentlicht." in page.locator(".ww-messages").inner_text()
    page.goto(page.base_url + reverse("knowledge:index", args=[home.slug]))
    page.get_by_label("Suchbegriffe").fill("Gebühren")
    page.get_by_label("Suchbegriffe").press("Enter")
    page.wait_for_load_state()
    assert page.locator(".ww-hit mark").first.inner_text() == "Gebühr"
