"""The life of an article: versions, publication with and without four eyes, reviews, and the
hand-over of a leaver's articles."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from wandelwerk.audit.models import AuditEvent
from wandelwerk.knowledge import logic
from wandelwerk.knowledge.models import ArticleStatus
from wandelwerk.knowledge.tests.factories import ArticleFactory
from wandelwerk.tenants.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(in_home):
    return [MembershipFactory(municipality=in_home, editor=True).user for _ in range(3)]


def write(author, article=None, *, body="Text", title="Wohngeld"):
    return logic.save_article(
        actor=author, article=article, title=title, body=body, template="free", owner=author
    )


def test_each_change_of_the_text_is_a_new_version_and_metadata_changes_are_not(people):
    author = people[0]
    article = write(author)
    write(author, article, body="Text, ergänzt")
    logic.save_article(
        actor=author,
        article=article,
        title="Wohngeld",
        body="Text, ergänzt",
        template="faq",
        owner=author,
        review_interval_months=6,
    )
    assert list(article.versions.values_list("number", "body")) == [
        (2, "Text, ergänzt"),
        (1, "Text"),
    ]


def test_a_change_to_a_published_article_waits_as_a_draft_while_readers_keep_the_old(people):
    author = people[0]
    article = write(author, body="alt")
    logic.publish(actor=author, article=article)
    write(author, article, body="neu")
    article.refresh_from_db()
    assert article.status == ArticleStatus.DRAFT
    assert article.published_version.body == "alt"
    logic.publish(actor=author, article=article)
    article.refresh_from_db()
    assert article.published_version.body == "neu" and article.status == ArticleStatus.PUBLISHED


def test_four_eyes_the_writer_and_the_submitter_cannot_approve(people):
    writer, submitter, approver = people
    logic.save_settings(actor=writer, four_eyes=True)
    article = write(writer)
    with pytest.raises(ValidationError, match="zuerst zur Freigabe vorgelegt"):
        logic.publish(actor=approver, article=article)
    logic.submit(actor=submitter, article=article)
    for who in (writer, submitter):
        with pytest.raises(ValidationError, match="nicht selbst freigeben"):
            logic.publish(actor=who, article=article)
    logic.publish(actor=approver, article=article)
    article.refresh_from_db()
    assert article.status == ArticleStatus.PUBLISHED
    assert article.published_version.approved_by == approver


def test_sending_back_returns_a_submitted_article_to_draft(people):
    logic.save_settings(actor=people[0], four_eyes=True)
    article = write(people[0])
    logic.submit(actor=people[0], article=article)
    logic.send_back(actor=people[1], article=article)
    assert article.status == ArticleStatus.DRAFT
    with pytest.raises(ValidationError):
        logic.send_back(actor=people[1], article=article)


def test_confirming_a_review_sets_the_next_one_an_interval_later(people):
    article = ArticleFactory(municipality=people[0].memberships.first().municipality, overdue=True)
    article.review_interval_months = 6
    logic.confirm_review(actor=people[0], article=article, today=dt.date(2026, 8, 31))
    assert article.last_reviewed == dt.date(2026, 8, 31)
    assert article.next_review == dt.date(2027, 2, 28)


def test_the_review_date_defaults_to_one_interval_from_today(people):
    article = logic.save_article(
        actor=people[0],
        title="T",
        body="",
        template="free",
        owner=people[0],
        review_interval_months=3,
        today=dt.date(2026, 12, 1),
    )
    assert article.next_review == dt.date(2027, 3, 1)


def test_owner_and_deputy_must_differ(people):
    with pytest.raises(ValidationError):
        logic.save_article(
            actor=people[0], title="T", body="", template="free", owner=people[0], deputy=people[0]
        )


def test_hand_over_gives_every_place_of_the_leaver_to_the_successor(people, in_home):
    leaver, successor, colleague = people
    owned = ArticleFactory(municipality=in_home, owner=leaver, deputy=colleague)
    deputised = ArticleFactory(municipality=in_home, owner=colleague, deputy=leaver)
    owned_with_successor_as_deputy = ArticleFactory(
        municipality=in_home, owner=leaver, deputy=successor
    )
    untouched = ArticleFactory(municipality=in_home, owner=colleague)
    articles = [owned, deputised, owned_with_successor_as_deputy, untouched]
    assert (
        logic.hand_over(actor=colleague, articles=articles, leaver=leaver, successor=successor) == 3
    )
    assert (owned.owner, owned.deputy) == (successor, colleague)
    assert (deputised.owner, deputised.deputy) == (colleague, successor)
    assert (owned_with_successor_as_deputy.owner, owned_with_successor_as_deputy.deputy) == (
        successor,
        None,
    )
    assert untouched.owner == colleague
    assert AuditEvent.objects.filter(object_type="knowledge.Article", action="update").count() == 3


def test_hand_over_to_the_leaver_is_refused(people):
    with pytest.raises(ValidationError):
        logic.hand_over(actor=people[0], articles=[], leaver=people[1], successor=people[1])


def test_the_audit_row_keeps_the_length_of_the_text_not_the_text(people):
    write(people[0], body="Vertrauliche Einzelheiten")
    event = AuditEvent.objects.get(object_type="knowledge.Article")
    assert event.after["body"] == "25 Zeichen"


def test_an_attachments_file_goes_with_its_article_after_the_commit(
    people, in_home, django_capture_on_commit_callbacks
):
    from pathlib import Path

    from django.core.files.uploadedfile import SimpleUploadedFile

    from wandelwerk.knowledge import attachments

    article = ArticleFactory(municipality=in_home, owner=people[0])
    upload = SimpleUploadedFile("a.pdf", b"%PDF-1.4\n%%EOF", content_type="application/pdf")
    stored = attachments.add(actor=people[0], article=article, upload=upload)
    path = Path(stored.file.path)
    assert path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        logic.delete_article(actor=people[0], article=article)
    assert not path.exists()
