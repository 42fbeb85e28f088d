"""The knowledge base's pages as people use them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wandelwerk.audit.models import Action, AuditEvent
from wandelwerk.core.dates import add_months
from wandelwerk.knowledge import logic
from wandelwerk.knowledge.models import Article, Attachment
from wandelwerk.knowledge.tests.factories import ArticleFactory
from wandelwerk.organisation.tests.factories import EmployeeFactory, OrgUnitFactory
from wandelwerk.tenants import tenancy
from wandelwerk.tenants.tests.editing import stand
from wandelwerk.tenants.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def url(name, municipality, *args):
    return reverse(f"knowledge:{name}", args=[municipality.slug, *args])


def form_data(owner, **changes):
    return {
        "title": "Gewerbeanmeldung",
        "template": "process",
        "body": "## Ablauf\n\n1. Antrag prüfen",
        "owner": owner.pk,
        "review_interval_months": 12,
        **changes,
    }


def test_a_new_article_starts_from_its_template_and_is_a_draft(client, users, home):
    client.force_login(users["editor"])
    page = client.get(url("article_create", home) + "?vorlage=handover").content.decode()
    assert "Ungeschriebene Regeln und Erfahrungen" in page
    response = client.post(url("article_create", home), form_data(users["editor"]))
    with tenancy.activate(home):
        article = Article.objects.get()
        assert article.versions.count() == 1
    assert response.status_code == 302 and response["Location"] == article.get_absolute_url()
    assert article.status == "draft"
    assert article.next_review == add_months(dt.date.today(), 12)


def test_a_stale_save_is_refused_and_nothing_is_lost(client, users, home):
    article = ArticleFactory(municipality=home, owner=users["editor"])
    shown = stand(article)
    with tenancy.activate(home):
        logic.save_article(
            actor=users["hr"],
            article=article,
            title=article.title,
            body="Von jemand anderem",
            template="free",
            owner=users["editor"],
        )
    client.force_login(users["editor"])
    response = client.post(
        url("article_update", home, article.pk), form_data(users["editor"], body="Meins") | shown
    )
    assert response.status_code == 200
    assert "inzwischen an anderer Stelle geändert" in response.content.decode()
    assert "Meins" in response.content.decode()
    article.refresh_from_db()
    assert article.body == "Von jemand anderem"


def test_readers_see_the_published_version_and_never_a_draft(client, users, home):
    article = ArticleFactory(municipality=home, published=True, body="Veröffentlicht")
    draft = ArticleFactory(municipality=home)
    with tenancy.activate(home):
        logic.save_article(
            actor=users["editor"],
            article=article,
            title=article.title,
            body="Noch im Entwurf",
            template="free",
            owner=article.owner,
        )
    client.force_login(users["viewer"])
    page = client.get(url("article_detail", home, article.pk)).content.decode()
    assert "Veröffentlicht" in page and "Noch im Entwurf" not in page
    assert client.get(url("article_detail", home, draft.pk)).status_code == 404
    client.force_login(users["editor"])
    page = client.get(url("article_detail", home, article.pk)).content.decode()
    assert "Noch im Entwurf" in page and "Unterschiede zur veröffentlichten Fassung" in page


def test_markdown_is_rendered_and_script_never_reaches_the_page(client, users, home):
    article = ArticleFactory(
        municipality=home,
        published=True,
        body="**fett** <script>alert(1)</script> [x](javascript:alert(1))",
    )
    client.force_login(users["viewer"])
    page = client.get(url("article_detail", home, article.pk)).content.decode()
    assert "<strong>fett</strong>" in page
    assert "<script>alert" not in page and 'href="javascript' not in page
    client.force_login(users["editor"])
    preview = client.post(
        url("article_preview", home), {"body": "# Titel\n<img src=x onerror=a()>"}
    )
    assert "<h2>Titel</h2>" in preview.content.decode()
    assert "<img" not in preview.content.decode()


def test_the_diff_shows_added_and_removed_lines(client, users, home):
    article = ArticleFactory(municipality=home, body="eins\nzwei\ndrei")
    with tenancy.activate(home):
        logic.save_article(
            actor=users["editor"],
            article=article,
            title=article.title,
            body="eins\nZWEI\ndrei",
            template="free",
            owner=article.owner,
            note="Korrektur",
        )
    client.force_login(users["editor"])
    page = client.get(url("article_diff", home, article.pk)).content.decode()
    assert "<del>zwei</del>" in page and "<ins>ZWEI</ins>" in page
    history = client.get(url("article_history", home, article.pk)).content.decode()
    assert "Korrektur" in history
    assert client.get(url("article_diff", home, article.pk) + "?von=9&bis=1").status_code == 404
    assert client.get(url("article_diff", home, article.pk) + "?von=x").status_code == 400


def test_attachments_are_checked_like_evidence(client, users, home):
    article = ArticleFactory(municipality=home, published=True)
    client.force_login(users["editor"])
    fake = SimpleUploadedFile("liste.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(url("attachment_add", home, article.pk), {"datei": fake}, follow=True)
    assert "liste.pdf" not in [a.name for a in Attachment.objects.unscoped()]
    assert "PDF" in response.content.decode()
    real = SimpleUploadedFile("liste.pdf", b"%PDF-1.4\n%%EOF", content_type="application/pdf")
    client.post(url("attachment_add", home, article.pk), {"datei": real})
    stored = Attachment.objects.unscoped().get()
    client.force_login(users["viewer"])
    download = client.get(url("attachment_download", home, article.pk, stored.pk))
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content) == b"%PDF-1.4\n%%EOF"


def test_overdue_reviews_by_owner_and_by_unit(client, users, home):
    with tenancy.activate(home):
        unit = OrgUnitFactory(municipality=home, code="FB3")
    late = ArticleFactory(municipality=home, overdue=True, owner=users["editor"], title="Spät")
    late.org_units.add(unit)
    ArticleFactory(municipality=home, title="Pünktlich")
    client.force_login(users["editor"])
    page = client.get(url("overdue", home)).content.decode()
    assert "Spät" in page and "Pünktlich" not in page
    by_unit = client.get(url("overdue", home) + "?gruppierung=einheit").content.decode()
    assert "FB3" in by_unit


def test_leavers_articles_are_listed_for_hr_and_handed_over(client, users, home):
    leaver = users["editor"]
    with tenancy.activate(home):
        EmployeeFactory(org_unit=OrgUnitFactory(municipality=home), user=leaver, leaving=True)
    article = ArticleFactory(municipality=home, owner=leaver, title="Kassenabschluss")
    client.force_login(users["hr"])
    page = client.get(url("leavers", home)).content.decode()
    assert "Kassenabschluss" in page and "Austritt voraussichtlich" in page
    with tenancy.activate(home):
        assert AuditEvent.objects.filter(action=Action.VIEW_PERSONAL).exists()
    response = client.post(
        url("hand_over", home, leaver.pk), {f"p{leaver.pk}-successor": users["hr"].pk}
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.owner == users["hr"]
    assert "Kassenabschluss" not in client.get(url("leavers", home)).content.decode()


def test_who_leaves_is_not_shown_without_the_personal_data_right(client, users, home):
    client.force_login(users["editor"])
    assert client.get(url("leavers", home)).status_code == 403
    assert "Übergabe von Artikeln" not in client.get(url("index", home)).content.decode()


@pytest.mark.parametrize("name", ["index", "overdue", "article_detail", "search"])
def test_pages_need_the_same_number_of_queries_for_more_articles(client, users, home, name):
    def grow(n):
        with tenancy.activate(home):
            unit = OrgUnitFactory(municipality=home)
        for i in range(n):
            article = ArticleFactory(
                municipality=home, published=True, overdue=True, title=f"Antrag {i}"
            )
            article.org_units.add(unit)
            with tenancy.activate(home):
                logic.reindex([article])
        return article

    def count():
        target = {
            "index": url("index", home),
            "overdue": url("overdue", home),
            "article_detail": url("article_detail", home, last.pk),
            "search": url("index", home) + "?q=Antrag",
        }[name]
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(target).status_code == 200
        return len(ctx.captured_queries)

    client.force_login(users["editor"])
    last = grow(2)
    few = count()
    last = grow(12)
    assert count() == few


@pytest.mark.parametrize(
    ("name", "who"),
    [("knowledge:expertise", "viewer"), ("knowledge:risk", "hr"), ("knowledge:leavers", "hr"),
     ("organisation:wave", "viewer"), ("organisation:wave", "hr")],
)  # fmt: skip
def test_people_pages_need_the_same_number_of_queries_for_more_staff(
    client, users, home, name, who
):
    from wandelwerk.knowledge.risk import logic as risk_logic

    def grow(n):
        with tenancy.activate(home):
            unit = OrgUnitFactory(municipality=home)
            for i in range(n):
                employee = EmployeeFactory(
                    org_unit=unit, leaving=True, user=UserFactory() if i % 2 else None
                )
                logic.save_expertise(
                    actor=None,
                    employee=employee,
                    topic_name=f"Thema {unit.pk}-{i}",
                    level="expert",
                    documented=False,
                )
                risk_logic.rate(actor=users["hr"], employee=employee, position_factor=5)
                if employee.user_id:
                    ArticleFactory(municipality=home, owner=employee.user)
            risk_logic.create_handovers(actor=users["hr"])

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse(name, args=[home.slug])).status_code == 200
        return len(ctx.captured_queries)

    client.force_login(users[who])
    grow(2)
    few = count()
    grow(10)
    assert count() == few


def test_a_unit_head_with_hrs_grant_sees_the_leavers_of_that_unit_only(client, users, home):
    from wandelwerk.knowledge.risk import logic as risk_logic

    head, leaver, other_leaver = users["editor"], UserFactory(), UserFactory()
    with tenancy.activate(home):
        mine, theirs = (
            OrgUnitFactory(municipality=home, head_user=head),
            OrgUnitFactory(municipality=home),
        )
        EmployeeFactory(org_unit=mine, user=leaver, leaving=True)
        EmployeeFactory(org_unit=theirs, user=other_leaver, leaving=True)
    ArticleFactory(municipality=home, owner=leaver, title="Meldewesen")
    ArticleFactory(municipality=home, owner=other_leaver, title="Vergabe")
    client.force_login(head)
    assert client.get(url("leavers", home)).status_code == 403
    with tenancy.activate(home):
        risk_logic.grant(actor=users["hr"], unit=mine, user=head)
    page = client.get(url("leavers", home)).content.decode()
    assert "Meldewesen" in page and "Vergabe" not in page
    refused = client.post(
        url("hand_over", home, other_leaver.pk), {f"p{other_leaver.pk}-successor": head.pk}
    )
    assert refused.status_code == 403


def test_articles_whose_owner_has_gone_are_listed_for_a_new_owner(client, users, home):
    gone = UserFactory(is_active=False)
    ArticleFactory(municipality=home, owner=gone, title="Verwaiste Anleitung")
    ArticleFactory(municipality=home, title="Betreute Anleitung")
    client.force_login(users["editor"])
    page = client.get(url("overdue", home)).content.decode()
    assert "Verwaiste Anleitung" in page and "Betreute Anleitung" not in page
