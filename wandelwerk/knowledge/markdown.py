"""Article text: Markdown (CommonMark with tables and strikethrough) to safe HTML.

Raw HTML in the Markdown is not rendered, and the result passes an allow-list sanitiser
(nh3) as well, so an article can never carry a script, a style or an event handler into the
page of its readers. Links may point to http, https and mailto only.
"""

from __future__ import annotations

import re
from functools import cache
from html import unescape

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

TAGS = {
    "a", "blockquote", "br", "code", "del", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "li", "ol", "p", "pre", "s", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "td": {"style"}, "th": {"style"}}
SCHEMES = {"http", "https", "mailto"}


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable(
        ["table", "strikethrough"]
    )


def _clean(html: str, tags: set[str]) -> str:
    return nh3.clean(
        html,
        tags=tags,
        attributes=ATTRIBUTES if tags else {},
        url_schemes=SCHEMES,
        link_rel="noopener noreferrer nofollow",
        filter_style_properties={"text-align"},
    )


def render(source: str) -> SafeString:
    """``source`` as sanitised HTML; headings shift down one level (the page's h1 is the
    article's title)."""
    tokens = _parser().parse(source)
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(int(token.tag[1]) + 1, 6)}"
    html = _parser().renderer.render(tokens, _parser().options, {})
    return mark_safe(_clean(html, TAGS))


_HEADING_END = re.compile(r"</h[1-6]>")


def plain(source: str) -> str:
    """The words of ``source`` without markup, for search and snippets; a heading runs into its
    text with a colon („Ablauf: Antrag prüfen …“)."""
    html = _HEADING_END.sub(": ", _parser().render(source))
    return " ".join(unescape(nh3.clean(html, tags=set())).split())
