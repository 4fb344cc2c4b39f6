"""Headline lists a page carries: a breaking-news ticker, else latest news, else most read.

Lists are found by the words sites use to name them in class and id attributes. When a
page carries several kinds, the ticker is the one reported: it is what the page shows on
top of every article, the others are sidebars that vary. Within the chosen kind the first
innermost matching element holding at least two headline links is the list.
"""

from __future__ import annotations

from akhbar.parse.textnorm import clean
from akhbar.shared.schemas import Headline
from selectolax.lexbor import LexborHTMLParser, LexborNode

# (kind, CSS selector on the words sites use). Case-insensitive attribute substring match.
_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "ticker",
        ("ticker", "breaking", "urgent", "marquee", "newsbar", "news-bar", "flash", "3ajel"),
    ),
    ("latest", ("latest", "lastnews", "last-news", "last_news", "recent", "akhir")),
    ("most_read", ("mostread", "most-read", "most_read", "popular", "mostviewed", "most-viewed")),
)
_MIN_ITEMS = 2
_MIN_WORDS = 2


def _selector(keywords: tuple[str, ...]) -> str:
    parts = []
    for word in keywords:
        parts += [f'[class*="{word}" i]', f'[id*="{word}" i]']
    return ", ".join(parts)


_SELECTORS = [(kind, _selector(words)) for kind, words in _KINDS]


def _links(node: LexborNode) -> list[Headline]:
    seen: set[str] = set()
    items = []
    for link in node.css("a[href]"):
        text = clean(link.text())
        if len(text.split()) < _MIN_WORDS or text in seen:
            continue
        seen.add(text)
        items.append(Headline(text=text, url=(link.attributes.get("href") or "").strip() or None))
    return items


def _contains(outer: LexborNode, inner: LexborNode) -> bool:
    parent = inner.parent
    while parent is not None:
        if parent.mem_id == outer.mem_id:
            return True
        parent = parent.parent
    return False


def headline_list(tree: LexborHTMLParser) -> list[Headline]:
    """Items of the page's headline list, each once, in page order, with links."""
    for kind, selector in _SELECTORS:
        nodes = tree.css(selector)
        if kind == "ticker":
            nodes = tree.css("marquee") + nodes
        listed = [(node, _links(node)) for node in nodes]
        listed = [(node, items) for node, items in listed if len(items) >= _MIN_ITEMS]
        for node, items in listed:
            # Innermost: no other qualifying match sits inside this one.
            if not any(_contains(node, other) for other, _ in listed):
                return items
    return []
