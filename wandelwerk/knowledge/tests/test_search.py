"""The search contract, the same on SQLite (FTS5) and PostgreSQL (german): CI runs this file on
both databases. German word forms meet, a word's beginning finds compounds, every word must
occur, titles count more than text, filters and rights narrow, snippets mark what matched."""

from __future__ import annotations

from functools import partial

import pytest
from django.db import connection

from wandelwerk.knowledge import logic, queries, search
from wandelwerk.knowledge.models import ArticleStatus
from wandelwerk.organisation.tests.factories import OrgUnitFactory
from wandelwerk.ozg.tests.factories import AdministrativeServiceFactory
from wandelwerk.tenants import tenancy
from wandelwerk.tenants.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.fixture
def author(home):
    return MembershipFactory(municipality=home, editor=True).user


@pytest.fixture
def write(home, author):
    def make(title, body="", *, publish=True, links=None):
        with tenancy.activate(home):
            article = logic.save_article(
                actor=author, title=title, body=body, template="free", owner=author, links=links
            )
            if publish:
                logic.publish(actor=author, article=article)
            return article

    return make


def find(home, query, *, editor=True, **filters):
    with tenancy.activate(home):
        scope = queries.search_scope(editor=editor, **filters)
        return search.search(
            query, scope, shown=lambda ids: queries.shown_articles(ids, editor=editor)
        )


def titles(results):
    return [hit.article.title for hit in results.hits]


def test_word_forms_meet_through_stems_and_folded_umlauts(home, write):
    write("Anträge auf Wohngeld", "Wie Anträge geprüft werden.")
    write("Straßenreinigung", "Gebühren für die Reinigung der Straße.")
    assert titles(find(home, "Antrag")) == ["Anträge auf Wohngeld"]
    assert titles(find(home, "Strasse")) == ["Straßenreinigung"]
    assert titles(find(home, "Gebühr")) == ["Straßenreinigung"]


def test_the_beginning_of_a_word_finds_its_compounds(home, write):
    write("Gewerbeanmeldung online", "Das Gewerbeamt nimmt Anmeldungen entgegen.")
    write("Hundesteuer", "Die Steuer für Hunde.")
    assert titles(find(home, "Gewerbe")) == ["Gewerbeanmeldung online"]
    assert titles(find(home, "Hund")) == ["Hundesteuer"]


def test_every_word_must_occur(home, write):
    write("Bauantrag einreichen", "Der Bauantrag geht an die Bauaufsicht.")
    write("Wohngeld beantragen", "Das Wohngeld wird monatlich gezahlt.")
    assert titles(find(home, "Bauantrag Bauaufsicht")) == ["Bauantrag einreichen"]
    assert find(home, "Bauantrag Wohngeld").total == 0


def test_stop_words_alone_find_nothing_and_empty_queries_are_harmless(home, write):
    write("Der Ablauf", "und die Regeln")
    assert find(home, "der und die").hits == []
    assert find(home, "   ").total == 0
    assert find(home, '"*) OR (NEAR').total == 0  # query syntax of the engines is not passed on


def test_a_match_in_the_title_ranks_before_a_match_in_the_text(home, write):
    write("Urlaubsplanung", "Die Vertretung im Meldeamt wird abgestimmt.")
    write("Meldeamt: Öffnungszeiten", "Montag bis Freitag.")
    assert titles(find(home, "Meldeamt")) == ["Meldeamt: Öffnungszeiten", "Urlaubsplanung"]


def test_snippets_mark_the_matches_and_escape_the_text(home, write):
    write("Kasse", "Vorher viel Text. " * 30 + "Die <b>Barkasse</b> wird täglich gezählt.")
    hit = find(home, "Barkasse").hits[0]
    assert "<mark>Barkasse</mark>" in hit.snippet
    # Raw HTML in Markdown is shown as text, never as markup.
    assert "&lt;b&gt;<mark>Barkasse</mark>&lt;/b&gt;" in hit.snippet
    assert hit.snippet.startswith("… ") and hit.snippet.endswith("gezählt.")


def test_filters_by_unit_service_and_status(home, write):
    with tenancy.activate(home):
        unit = OrgUnitFactory(municipality=home)
        service = AdministrativeServiceFactory(municipality=home, org_unit=unit)
    write("Meldewesen A", "Meldung", links={"org_units": [unit]})
    write("Meldewesen B", "Meldung", links={"services": [service]})
    write("Meldewesen C", "Meldung", publish=False)
    assert titles(find(home, "Meldewesen", unit=unit)) == ["Meldewesen A"]
    assert titles(find(home, "Meldewesen", service=service)) == ["Meldewesen B"]
    assert titles(find(home, "Meldewesen", status=ArticleStatus.DRAFT)) == ["Meldewesen C"]
    assert find(home, "Meldewesen").total == 3


def test_readers_find_only_what_is_published_and_its_published_words(home, write, author):
    write("Entwurf Wahlhelfer", "Noch geheim", publish=False)
    article = write("Briefwahl", "Die Unterlagen kommen per Post.")
    with tenancy.activate(home):
        logic.save_article(
            actor=author,
            article=article,
            title="Briefwahl",
            body="Neu: Wahlschein online.",
            template="free",
            owner=author,
        )
    assert find(home, "Wahlhelfer", editor=False).total == 0
    assert find(home, "Wahlhelfer").total == 1
    # The change is not published yet: everyone still finds the published words only.
    assert titles(find(home, "Unterlagen", editor=False)) == ["Briefwahl"]
    assert find(home, "Wahlschein").total == 0


def test_deleted_articles_and_other_municipalities_are_not_found(home, other, write, author):
    gone = write("Friedhofsgebühren", "Satzung")
    with tenancy.activate(home):
        logic.delete_article(actor=author, article=gone)
    other_author = MembershipFactory(municipality=other, editor=True).user
    with tenancy.activate(other):
        theirs = logic.save_article(
            actor=other_author,
            title="Friedhofsgebühren",
            body="",
            template="free",
            owner=other_author,
        )
        logic.publish(actor=other_author, article=theirs)
    assert find(home, "Friedhof").total == 0
    assert find(other, "Friedhof").total == 1


def test_pages_of_hits_and_the_total(home, write):
    for n in range(25):
        write(f"Sitzung {n:02d}", "Ratssitzung mit Tagesordnung.")
    with tenancy.activate(home):
        scope = queries.search_scope(editor=True)
        shown = partial(queries.shown_articles, editor=True)
        first = search.search("Ratssitzung", scope, shown=shown, limit=20)
        second = search.search("Ratssitzung", scope, shown=shown, limit=20, offset=20)
    assert first.total == second.total == 25
    assert len(first.hits) == 20 and len(second.hits) == 5
    assert not {h.article.pk for h in first.hits} & {h.article.pk for h in second.hits}


WORDS = (
    "Anträge Antrag Bauanträge Gewerbeanmeldung Gewerbeabmeldung Meldebescheinigung Personalausweis "
    "Reisepässe Führungszeugnis Straßenverkehrsbehörde Hundesteuer Grundsteuerbescheid Wohngeld "
    "Elterngeld Kindertagesstätte Bürgerbüro Öffnungszeiten Gebühren Satzung Ratsbeschluss "
    "Haushaltsplanung Vergabeverfahren Ausschreibungen Rechnungsprüfung Zuständigkeiten Vertretung "
    "aktuelle Poet Michael Düsseldorf Käufer Übergabe übergeben Prüfungen geprüft Fristen Widerspruch "
    "Bescheide beschieden Sachbearbeitung E-Akte Dokumentenmanagement Schnittstellen Fachverfahren "
    "Datenschutz Informationssicherheit Schulungen Checkliste häufig gestellte Fragen"
)


@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="vergleicht mit PostgreSQL")
def test_the_stems_are_postgresqls_own(db):

    from wandelwerk.knowledge.search import text

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT array_agg(lexeme ORDER BY lexeme) FROM unnest(to_tsvector('german', %s))",
            [text.fold(WORDS)],
        )
        theirs = cursor.fetchone()[0]
    assert sorted(set(text.stems(WORDS))) == sorted(
        lexeme
        for lexeme in theirs
        if "-" not in lexeme  # PostgreSQL also keeps „e-akt“ whole
    )


def test_the_index_can_be_rebuilt_from_the_articles(home, write):
    import io

    from django.core.management import call_command
    from django.db import connection as db

    write("Friedhofssatzung", "Grabstätten und Gebühren")
    with db.cursor() as cursor:
        cursor.execute("DELETE FROM knowledge_searchdocument")
    assert find(home, "Friedhof").total == 0
    out = io.StringIO()
    call_command("reindex_articles", stdout=out)
    assert "1 Artikel" in out.getvalue()
    assert find(home, "Friedhof").total == 1


def test_matches_are_counted_up_to_a_limit(home, write, monkeypatch):
    from wandelwerk.knowledge.search import backends

    for n in range(5):
        write(f"Protokoll {n}", "Sitzungsprotokoll")
    monkeypatch.setattr(backends, "COUNT_UP_TO", 3)
    found = find(home, "Protokoll")
    assert found.total == 4 and found.more and len(found.hits) == 5


def test_the_status_filter_follows_submission_and_sending_back(home, write, author):
    from wandelwerk.knowledge.models import KnowledgeSettings

    KnowledgeSettings.objects.create(municipality=home, four_eyes=True)
    article = write("Vergabevermerk", "Vorlage", publish=False)
    with tenancy.activate(home):
        logic.submit(actor=author, article=article)
    assert titles(find(home, "Vergabevermerk", status=ArticleStatus.REVIEW)) == ["Vergabevermerk"]
    assert find(home, "Vergabevermerk", status=ArticleStatus.DRAFT).total == 0
    with tenancy.activate(home):
        logic.send_back(actor=author, article=article)
    assert titles(find(home, "Vergabevermerk", status=ArticleStatus.DRAFT)) == ["Vergabevermerk"]
