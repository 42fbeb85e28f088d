"""German words for search, without Django: the same steps on both databases.

A word is lower-cased and its umlauts folded (ä → a, ß → ss), so that „Anträge“ and „Antrag“
meet; stop words are dropped (Snowball's list, as PostgreSQL's ``german`` configuration drops
them) and the rest reduced to its Snowball stem. A query's stems match as prefixes, so that
„Gewerbe“ (stem ``gewerb``) finds „Gewerbeanmeldung“ (stem ``gewerbeanmeld``).

SQLite's FTS5 indexes the stems made here; PostgreSQL stems the folded text itself with the
same Snowball algorithm. The stemmer is pinned to the release whose German stemmer PostgreSQL
ships (snowballstemmer 2.2): later releases also read „ae“ as „ä“ („aktuelle“ → ``aktull``),
which PostgreSQL does not, and the two databases would part ways. Spellings with „ae“ for „ä“
are therefore words of their own on both. Snippets are cut here for both, so they look the same everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from html import escape
from pathlib import Path

import snowballstemmer

WORD = re.compile(r"[^\W_]+")
_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
MAX_TERMS = 8


@cache
def stop_words() -> frozenset[str]:
    path = Path(__file__).with_name("german.stop")
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@cache
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("german")


def fold(text: str) -> str:
    """Lower case with umlauts and ß folded: the form both databases index."""
    return text.lower().translate(_FOLD)


@cache
def stem(word: str) -> str | None:
    """The stem of one folded word, or None for a stop word."""
    if word in stop_words():
        return None
    return str(_stemmer().stemWord(word))


def stems(text: str) -> list[str]:
    """The stems of ``text`` in order (stop words left out)."""
    result = []
    for match in WORD.finditer(fold(text)):
        s = stem(match.group())
        if s:
            result.append(s)
    return result


def query_terms(query: str) -> list[str]:
    """A query's distinct stems in order, at most ``MAX_TERMS``; empty when nothing is left."""
    return list(dict.fromkeys(stems(query)))[:MAX_TERMS]


def query_words(query: str) -> list[str]:
    """A query's distinct folded words that are no stop words (for PostgreSQL to stem)."""
    words = [w for w in WORD.findall(fold(query)) if w not in stop_words()]
    return list(dict.fromkeys(words))[:MAX_TERMS]


@lru_cache(maxsize=200_000)
def word_stem(word: str) -> str | None:
    """The stem of a word as it stands in a text (any case, umlauts); None for a stop word."""
    return stem(fold(word))


def matches(word: str, terms: list[str]) -> bool:
    s = word_stem(word)
    return s is not None and any(s.startswith(t) for t in terms)


def highlight(text: str, terms: list[str]) -> str:
    """``text`` as HTML with the words that match ``terms`` in ``<mark>``."""
    out = []
    position = 0
    for match in WORD.finditer(text):
        if matches(match.group(), terms):
            out.append(escape(text[position : match.start()]))
            out.append(f"<mark>{escape(match.group())}</mark>")
            position = match.end()
    out.append(escape(text[position:]))
    return "".join(out)


@dataclass(frozen=True)
class Window:
    start: int
    end: int


def best_window(text: str, terms: list[str], words: int = 30) -> Window:
    """The first stretch of ``words`` words holding the most different matching terms, for a
    snippet; the beginning when nothing matches. Stops at the first stretch with every term,
    so a long text is read only as far as needed."""
    spans = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]
    if not spans:
        return Window(0, min(len(text), 240))
    known: dict[int, str | None] = {}

    def hit(i: int) -> str | None:
        if i not in known:
            s = word_stem(spans[i][2])
            known[i] = next((t for t in terms if s.startswith(t)), None) if s else None
        return known[i]

    best, best_score = 0, 0
    for first in range(len(spans)):
        if hit(first) is None:
            continue
        score = len({h for i in range(first, min(first + words, len(spans))) if (h := hit(i))})
        if score > best_score:
            best, best_score = first, score
            if score == len(terms):
                break
    # Start a few words before the first hit, so the snippet reads as a sentence.
    first = max(0, best - 4) if best_score > 0 else 0
    last = min(len(spans), first + words) - 1
    end = len(text) if last == len(spans) - 1 else spans[last][1]
    return Window(spans[first][0], end)


def snippet(text: str, terms: list[str], words: int = 30) -> str:
    """A short HTML passage of ``text`` around its matches, matches marked, with ellipses
    where it is cut."""
    text = " ".join(text.split())
    window = best_window(text, terms, words)
    body = highlight(text[window.start : window.end], terms)
    before = "… " if window.start > 0 else ""
    after = " …" if window.end < len(text) else ""
    return before + body + after
