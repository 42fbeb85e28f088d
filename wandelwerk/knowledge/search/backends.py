"""The full-text index of the knowledge base on each database.

SQLite: an FTS5 table of the stems made in ``text`` (rowid = article id), ranked by BM25 with the
title weighted five times. PostgreSQL: a ``tsvector`` of the folded text in the ``german``
configuration (title weight A, body B) with a GIN index, ranked by ``ts_rank_cd``. Both match
every query stem as a prefix and return the same articles; the filters come as an ORM query of
the article ids allowed, so tenancy and permissions stay in one place.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from django.db import connection

from wandelwerk.knowledge.search import text

TABLE = "knowledge_searchdocument"  # made by migration 0002_search_index


class Backend(Protocol):
    def index(self, rows: Iterable[tuple[int, str, str]]) -> None: ...
    def find(
        self, query: str, allowed: Any, *, limit: int, offset: int
    ) -> tuple[list[tuple[int, float]], int]: ...
    def raw(self, query: str, *, limit: int) -> list[int]: ...


def _subquery(allowed: Any) -> tuple[str, Sequence[Any]]:
    sql, params = allowed.values("pk").query.sql_with_params()
    return sql, params


class SQLiteBackend:
    @staticmethod
    def match(query: str) -> str:
        return " AND ".join(f'"{term}"*' for term in text.query_terms(query))

    def index(self, rows: Iterable[tuple[int, str, str]]) -> None:
        data = [
            (pk, " ".join(text.stems(title)), " ".join(text.stems(body)))
            for pk, title, body in rows
        ]
        with connection.cursor() as cursor:
            cursor.executemany(
                f"DELETE FROM {TABLE} WHERE rowid = %s", [(pk,) for pk, _t, _b in data]
            )
            cursor.executemany(
                f"INSERT INTO {TABLE} (rowid, title, body) VALUES (%s, %s, %s)", data
            )

    def find(
        self, query: str, allowed: Any, *, limit: int, offset: int
    ) -> tuple[list[tuple[int, float]], int]:
        match = self.match(query)
        if not match:
            return [], 0
        sub, params = _subquery(allowed)
        where = f"{TABLE} MATCH %s AND rowid IN ({sub})"
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, bm25({TABLE}, 5.0, 1.0) AS r FROM {TABLE} WHERE {where} "
                "ORDER BY r, rowid LIMIT %s OFFSET %s",
                [match, *params, limit, offset],
            )
            # BM25 is smaller for better matches; the contract says larger is better.
            hits = [(int(pk), -float(rank)) for pk, rank in cursor.fetchall()]
            if offset == 0 and len(hits) < limit:
                return hits, len(hits)
            cursor.execute(f"SELECT count(*) FROM {TABLE} WHERE {where}", [match, *params])
            return hits, int(cursor.fetchone()[0])

    def raw(self, query: str, *, limit: int) -> list[int]:
        """The bare FTS query (no filters, no count), the yardstick of the benchmark."""
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s ORDER BY rank LIMIT %s",
                [self.match(query), limit],
            )
            return [int(row[0]) for row in cursor.fetchall()]


class PostgresBackend:
    DOCUMENT = (
        "setweight(to_tsvector('german', %s), 'A') || setweight(to_tsvector('german', %s), 'B')"
    )

    @staticmethod
    def tsquery(query: str) -> str:
        return " & ".join(f"{word}:*" for word in text.query_words(query))

    def index(self, rows: Iterable[tuple[int, str, str]]) -> None:
        data = [(pk, text.fold(title), text.fold(body)) for pk, title, body in rows]
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {TABLE} (article_id, document) VALUES (%s, {self.DOCUMENT}) "
                "ON CONFLICT (article_id) DO UPDATE SET document = EXCLUDED.document",
                data,
            )

    def find(
        self, query: str, allowed: Any, *, limit: int, offset: int
    ) -> tuple[list[tuple[int, float]], int]:
        tsquery = self.tsquery(query)
        if not tsquery:
            return [], 0
        sub, params = _subquery(allowed)
        source = (
            f"FROM {TABLE} d, to_tsquery('german', %s) q "
            f"WHERE d.document @@ q AND d.article_id IN ({sub})"
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT d.article_id, ts_rank_cd(d.document, q) AS r {source} "
                "ORDER BY r DESC, d.article_id LIMIT %s OFFSET %s",
                [tsquery, *params, limit, offset],
            )
            hits = [(int(pk), float(rank)) for pk, rank in cursor.fetchall()]
            if offset == 0 and len(hits) < limit:
                return hits, len(hits)
            cursor.execute(f"SELECT count(*) {source}", [tsquery, *params])
            return hits, int(cursor.fetchone()[0])

    def raw(self, query: str, *, limit: int) -> list[int]:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT d.article_id FROM {TABLE} d, to_tsquery('german', %s) q "
                "WHERE d.document @@ q ORDER BY ts_rank_cd(d.document, q) DESC LIMIT %s",
                [self.tsquery(query), limit],
            )
            return [int(row[0]) for row in cursor.fetchall()]


def backend() -> Backend:
    return PostgresBackend() if connection.vendor == "postgresql" else SQLiteBackend()
