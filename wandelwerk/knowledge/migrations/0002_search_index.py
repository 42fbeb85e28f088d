"""The full-text index of articles: an FTS5 table on SQLite, a tsvector table with a GIN index
on PostgreSQL (see knowledge/search/backends.py)."""

from typing import Any

from django.db import migrations



def _run(schema_editor: Any, sqlite: list[str], postgres: list[str]) -> None:
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": sqlite, "postgresql": postgres}.get(vendor)
    if statements is None:
        raise RuntimeError(f"Die Wissenssuche unterstützt {vendor} nicht.")
    for statement in statements:
        schema_editor.execute(statement)


TABLE = "knowledge_searchdocument"

SQLITE = [
    # ``tags``: the municipality, visibility, status, units and services as tokens (m12 pub
    # stpublished u3 s40), so that the filters narrow the match inside the index.
    # ``shown_title``/``shown_text``: the words as readers see them, for the snippets.
    f"CREATE VIRTUAL TABLE {TABLE} USING fts5(title, body, tags, shown_title UNINDEXED, "
    "shown_text UNINDEXED, tokenize = 'unicode61')",
    # Articles deleted with their municipality (a cascade the application does not see) leave
    # no rows behind that an article with a reused id could inherit.
    f"CREATE TRIGGER knowledge_article_unindex AFTER DELETE ON knowledge_article "
    f"BEGIN DELETE FROM {TABLE} WHERE rowid = old.id; END",
]
SQLITE_DROP = ["DROP TRIGGER IF EXISTS knowledge_article_unindex", f"DROP TABLE IF EXISTS {TABLE}"]
POSTGRES = [
    f"CREATE TABLE {TABLE} (article_id bigint PRIMARY KEY REFERENCES knowledge_article (id) "
    "ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, municipality_id bigint NOT NULL, "
    "public boolean NOT NULL, status varchar(20) NOT NULL, units bigint[] NOT NULL, "
    "services bigint[] NOT NULL, document tsvector NOT NULL)",
    f"CREATE INDEX {TABLE}_gin ON {TABLE} USING gin (document)",
    # The words as readers see them, for the snippets: a table of their own, so that the rows
    # the ranking reads stay small.
    "CREATE TABLE knowledge_searchtext (article_id bigint PRIMARY KEY REFERENCES "
    "knowledge_article (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "
    "shown_title text NOT NULL, shown_text text NOT NULL)",
]
POSTGRES_DROP = [f"DROP TABLE IF EXISTS {TABLE}", "DROP TABLE IF EXISTS knowledge_searchtext"]


def create(apps: Any, schema_editor: Any) -> None:
    _run(schema_editor, SQLITE, POSTGRES)


def drop(apps: Any, schema_editor: Any) -> None:
    _run(schema_editor, SQLITE_DROP, POSTGRES_DROP)


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
