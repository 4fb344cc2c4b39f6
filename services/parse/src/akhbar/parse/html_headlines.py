"""Headline lists a page carries: a breaking-news ticker, else latest news, else most read.

A list is a run of link blocks (each a sentence of four words or more) under one element
whose class or id carries a word sites use for such lists ("ticker", "breaking",
"lastNews", "most-read"...). When a page carries several kinds, the ticker is the one
reported: it is what the page shows on top of every article; the others are sidebars.
Starting from the link blocks the page walk already found keeps this cheap: only their
few ancestors are looked at, never every element of the page.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from akhbar.parse.html_blocks import Block, tag_ids
from akhbar.parse.textnorm import clean
from akhbar.shared.schemas import Headline

# Plain substrings of the lower-cased class and id: on short labels this is several times
# faster than a case-insensitive regex, and this test runs on every ancestor looked at.
_KIND_WORDS = (
    ("ticker", ("ticker", "breaking", "urgent", "marquee", "newsbar", "news-bar", "flash", "ajel")),
    ("latest", ("latest", "lastnews", "last-news", "last_news", "recent", "akhir", "akher")),
    ("most_read", ("mostread", "most-read", "most_read", "popular", "mostviewed", "most-viewed")),
)
_KIND_ORDER = ("ticker", "latest", "most_read")
_MARQUEE_ID = next(iter(tag_ids({"marquee"})))
# Headlines are sentences; tab labels and section links ("الأكثر قراءة", "24 ساعة") are not.
_MIN_WORDS = 4
_MIN_ITEMS = 2
_MAX_DEPTH = 6


def _kind(node: LexborNode, seen: dict[str, str | None]) -> str | None:
    """The list kind an element's class/id names; ``seen`` caches it per label (list items
    and their wrappers repeat the same class all down a page)."""
    if node.tag_id == _MARQUEE_ID:
        return "ticker"
    attrs = node.attributes
    label = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
    if len(label) < 4:
        return None
    if label in seen:
        return seen[label]
    seen[label] = _kind_of_label(label)
    return seen[label]


def _kind_of_label(label: str) -> str | None:
    for kind, words in _KIND_WORDS:
        for word in words:
            if word in label:
                return kind
    return None


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


def headline_list(blocks: list[Block]) -> list[Headline]:
    """Items of the page's headline list, each once, in page order, with links."""
    kinds: dict[int, str | None] = {}  # element id -> list kind named by its class/id
    labels: dict[str, str | None] = {}
    nodes: dict[int, LexborNode] = {}
    chains: list[list[int]] = []  # per headline link block: its listed ancestors, inner first
    for block in blocks:
        # Block text is squashed (single spaces, none at the ends): words are spaces + 1.
        # The link ratio is compared in integers, as link_chars / len(text) < 3 / 5.
        text = block.text
        if block.link_chars * 5 < len(text) * 3 or text.count(" ") < _MIN_WORDS - 1:
            continue
        chain = []
        node = block.element
        for _ in range(_MAX_DEPTH):
            if node is None:
                break
            key = node.mem_id
            if key not in kinds:
                kinds[key] = _kind(node, labels)
                nodes[key] = node
            if kinds[key]:
                chain.append(key)
            node = node.parent
        if chain:
            chains.append(chain)
    for wanted in _KIND_ORDER:
        tried: set[int] = set()
        for chain in chains:
            # The innermost element of the wanted kind that holds more than one headline
            # (one item of a ticker can itself carry the ticker's class).
            for key in chain:
                if kinds[key] != wanted or key in tried:
                    continue
                tried.add(key)
                items = _links(nodes[key])
                if len(items) >= _MIN_ITEMS:
                    return items
    return []
