"""The full-text index of the knowledge base on each database.

SQLite: an FTS5 table of the stems made in ``text`` (rowid = article id), ranked by BM25 with the
title weighted five times; the filters are tokens of a third column, so they narrow the match
inside the index. PostgreSQL: a ``tsvector`` of the folded text in the ``german`` configuration
(title weight A, body B) with a GIN index, ranked by ``ts_rank``, the filters as plain
columns beside it. Both match every query stem as a prefix and return the same articles.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from django.db import connection

from wandelwerk.knowledge.search import text

TABLE = "knowledge_searchdocument"  # made by migration 0002_search_index
# Matches are counted up to this many and one more: „mehr als 1.000 Treffer“ says enough, and
# counting every match of a word found everywhere would cost as much again as ranking them.
COUNT_UP_TO = 1000
TEXTS = "knowledge_searchtext"  # PostgreSQL only; SQLite keeps them in TABLE, unindexed


@dataclass(frozen=True)
class Document:
    """What the index keeps of an article: the text readers see and what the filters ask."""

    pk: int
    title: str
    text: str
    municipality: int
    public: bool
    status: str
    units: tuple[int, ...] = ()
    services: tuple[int, ...] = ()


@dataclass(frozen=True)
class Scope:
    """Which articles a search may return."""

    municipality: int
    public_only: bool = False
    unit: int | None = None
    service: int | None = None
    status: str = ""


Found = tuple[list[tuple[int, float]], int]


def _texts(select: str, ids: list[int]) -> dict[int, tuple[str, str]]:
    """``{id: (title, plain text)}`` as indexed: what readers see, without rendering again."""
    if not ids:
        return {}
    marks = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(f"{select} ({marks})", ids)
        return {int(pk): (title, body) for pk, title, body in cursor.fetchall()}


class Backend(Protocol):
    def index(self, documents: Iterable[Document]) -> None: ...
    def texts(self, ids: list[int]) -> dict[int, tuple[str, str]]: ...
    def find(self, query: str, scope: Scope, *, limit: int, offset: int) -> Found: ...
    def raw(self, query: str, *, limit: int) -> list[int]: ...


class SQLiteBackend:
    @staticmethod
    def terms(query: str) -> str:
        return " AND ".join(f'"{term}"*' for term in text.query_terms(query))

    @staticmethod
    def tags(document: Document) -> str:
        tags = [f"m{document.municipality}", f"st{document.status}"]
        tags += ["pub"] if document.public else []
        tags += [f"u{pk}" for pk in document.units] + [f"s{pk}" for pk in document.services]
        return " ".join(tags)

    @staticmethod
    def narrowing(scope: Scope) -> str:
        tags = [f"m{int(scope.municipality)}"]
        tags += ["pub"] if scope.public_only else []
        tags += [f"st{scope.status}"] if scope.status.isalpha() else []
        tags += [f"u{int(scope.unit)}"] if scope.unit is not None else []
        tags += [f"s{int(scope.service)}"] if scope.service is not None else []
        return " AND ".join(f"tags : {tag}" for tag in tags)

    def index(self, documents: Iterable[Document]) -> None:
        rows = [
            (
                d.pk, " ".join(text.stems(d.title)), " ".join(text.stems(d.text)), self.tags(d),
                d.title, d.text,
            )
            for d in documents
        ]  # fmt: skip
        with connection.cursor() as cursor:
            cursor.executemany(f"DELETE FROM {TABLE} WHERE rowid = %s", [(r[0],) for r in rows])
            cursor.executemany(
                f"INSERT INTO {TABLE} (rowid, title, body, tags, shown_title, shown_text) "
                "VALUES (%s, %s, %s, %s, %s, %s)",
                rows,
            )

    def texts(self, ids: list[int]) -> dict[int, tuple[str, str]]:
        return _texts(f"SELECT rowid, shown_title, shown_text FROM {TABLE} WHERE rowid IN", ids)

    def find(self, query: str, scope: Scope, *, limit: int, offset: int) -> Found:
        terms = self.terms(query)
        if not terms:
            return [], 0
        match = f"{{title body}} : ({terms}) AND {self.narrowing(scope)}"
        source = f"FROM {TABLE} WHERE {TABLE} MATCH %s"
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, bm25({TABLE}, 5.0, 1.0, 0.0) AS r {source} "
                "ORDER BY r, rowid LIMIT %s OFFSET %s",
                [match, limit, offset],
            )
            # BM25 is smaller for better matches; the contract says larger is better.
            hits = [(int(pk), -float(rank)) for pk, rank in cursor.fetchall()]
            cursor.execute(
                f"SELECT count(*) FROM (SELECT 1 {source} LIMIT %s)", [match, COUNT_UP_TO + 1]
            )
            return hits, int(cursor.fetchone()[0])

    def raw(self, query: str, *, limit: int) -> list[int]:
        """The bare FTS query (no filters, no count), the yardstick of the benchmark."""
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s ORDER BY rank LIMIT %s",
                [f"{{title body}} : ({self.terms(query)})", limit],
            )
            return [int(row[0]) for row in cursor.fetchall()]


class PostgresBackend:
    DOCUMENT = (
        "setweight(to_tsvector('german', %s), 'A') || setweight(to_tsvector('german', %s), 'B')"
    )

    @staticmethod
    def tsquery(query: str) -> str:
        return " & ".join(f"{word}:*" for word in text.query_words(query))

    def index(self, documents: Iterable[Document]) -> None:
        documents = list(documents)
        rows = [
            (
                d.pk, d.municipality, d.public, d.status, list(d.units), list(d.services),
                text.fold(d.title), text.fold(d.text),
            )
            for d in documents
        ]  # fmt: skip
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {TABLE} (article_id, municipality_id, public, status, units, "
                f"services, document) VALUES (%s, %s, %s, %s, %s, %s, {self.DOCUMENT}) "
                "ON CONFLICT (article_id) DO UPDATE SET public = EXCLUDED.public, "
                "status = EXCLUDED.status, units = EXCLUDED.units, "
                "services = EXCLUDED.services, document = EXCLUDED.document",
                rows,
            )
            cursor.executemany(
                f"INSERT INTO {TEXTS} (article_id, shown_title, shown_text) VALUES (%s, %s, %s) "
                "ON CONFLICT (article_id) DO UPDATE SET shown_title = EXCLUDED.shown_title, "
                "shown_text = EXCLUDED.shown_text",
                [(d.pk, d.title, d.text) for d in documents],
            )

    def texts(self, ids: list[int]) -> dict[int, tuple[str, str]]:
        return _texts(
            f"SELECT article_id, shown_title, shown_text FROM {TEXTS} WHERE article_id IN", ids
        )

    @staticmethod
    def narrowing(scope: Scope) -> tuple[str, list[Any]]:
        where, params = ["d.municipality_id = %s"], [scope.municipality]  # type: list[str], list[Any]
        if scope.public_only:
            where.append("d.public")
        if scope.status:
            where.append("d.status = %s")
            params.append(scope.status)
        if scope.unit is not None:
            where.append("%s = ANY (d.units)")
            params.append(scope.unit)
        if scope.service is not None:
            where.append("%s = ANY (d.services)")
            params.append(scope.service)
        return " AND ".join(where), params

    def find(self, query: str, scope: Scope, *, limit: int, offset: int) -> Found:
        tsquery = self.tsquery(query)
        if not tsquery:
            return [], 0
        where, params = self.narrowing(scope)
        source = f"FROM {TABLE} d, to_tsquery('german', %s) q WHERE d.document @@ q AND {where}"
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT d.article_id, ts_rank(d.document, q) AS r {source} "
                "ORDER BY r DESC, d.article_id LIMIT %s OFFSET %s",
                [tsquery, *params, limit, offset],
            )
            hits = [(int(pk), float(rank)) for pk, rank in cursor.fetchall()]
            cursor.execute(
                f"SELECT count(*) FROM (SELECT 1 {source} LIMIT %s) c",
                [tsquery, *params, COUNT_UP_TO + 1],
            )
            return hits, int(cursor.fetchone()[0])

    def raw(self, query: str, *, limit: int) -> list[int]:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT d.article_id FROM {TABLE} d, to_tsquery('german', %s) q "
                "WHERE d.document @@ q ORDER BY ts_rank(d.document, q) DESC LIMIT %s",
                [self.tsquery(query), limit],
            )
            return [int(row[0]) for row in cursor.fetchall()]


def backend() -> Backend:
    return PostgresBackend() if connection.vendor == "postgresql" else SQLiteBackend()
