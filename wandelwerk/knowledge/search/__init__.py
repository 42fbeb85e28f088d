"""Search in the knowledge base, in German, the same on SQLite and PostgreSQL.

``search`` answers a query with ranked articles and highlighted snippets; ``index`` keeps the
index in step with what readers see of an article (its published version, or the draft of an
article never published, which only editors find). How words are matched: ``text``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils.safestring import SafeString, mark_safe

from wandelwerk.knowledge.search import backends, text
from wandelwerk.knowledge.search.backends import Document, Scope, backend

__all__ = ["Document", "Hit", "Results", "Scope", "index", "search"]


@dataclass(frozen=True)
class Hit:
    article: Any
    title: SafeString
    snippet: SafeString
    rank: float


@dataclass(frozen=True)
class Results:
    query: str
    terms: list[str]
    hits: list[Hit]
    total: int  # at most ``backends.COUNT_UP_TO`` + 1: see ``more``

    @property
    def more(self) -> bool:
        """More matches than counted („mehr als 1.000 Treffer“)."""
        return self.total > backends.COUNT_UP_TO


def index(documents: Iterable[Document]) -> None:
    """Put ``documents`` into the index, replacing what it held of those articles."""
    backend().index(documents)


def search(query: str, scope: Scope, *, shown: Any, limit: int = 20, offset: int = 0) -> Results:
    """The articles in ``scope`` that contain every word of ``query``, best first.
    ``shown(ids)`` loads those the user may see as ``{id: article}`` in one query: the last word
    on rights and tenancy. Titles and snippets come from the index (the text readers see)."""
    terms = text.query_terms(query)
    if not terms:
        return Results(query, [], [], 0)
    found, total = backend().find(query, scope, limit=limit, offset=offset)
    ids = [pk for pk, _rank in found]
    loaded, texts = shown(ids), backend().texts(ids)
    hits = []
    for pk, rank in found:
        if pk not in loaded or pk not in texts:  # deleted meanwhile, or not the user's to see
            continue
        title, plain = texts[pk]
        hits.append(
            Hit(
                article=loaded[pk],
                title=mark_safe(text.highlight(title, terms)),
                snippet=mark_safe(text.snippet(plain, terms)),
                rank=rank,
            )
        )
    return Results(query, terms, hits, total)
