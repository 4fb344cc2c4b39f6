"""The article's paragraphs: the densest run of prose on the page, minus what is not story.

Each prose block (long enough, mostly not link text) votes for the element holding it and,
at half weight, for that element's parent; the element with the most votes holds the story.
Its blocks become paragraphs after link lists, widgets and repeated title/date lines go.
"""

from __future__ import annotations

import re
from collections import defaultdict

from selectolax.lexbor import LexborNode

from akhbar.parse.boilerplate import ends_story, is_credit, is_widget_text
from akhbar.parse.html_blocks import Block, tag_ids
from akhbar.parse.textnorm import clean

_PROSE_MIN_CHARS = 60
_MAX_LINK_RATIO = 0.3  # tested in integers below: link_chars * 10 > size * 3
_SIBLING_SHARE = 0.1
# Short blocks (a lead line, a credit) can sit this many blocks before or after the prose.
_REACH = 25
# Class or id words of containers that hold page furniture rather than the story. Short
# words must stand alone ("nav", not "canvas"); long ones may sit inside a compound class
# ("socialsharing", "uplCaption", "BGCommentSBar").
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:share|social|tags?|nav|menu|ads|tabs?|widget|sidebar|footer|banner|"
    r"popup|modal|cookie|most-?read|trending|subscribe)(?:$|[\s_-])"
    r"|comment|sharing|sharebar|share-bar|caption|related|breadcrumb|newsletter|advert",
)  # matched on the lower-cased label: a case-insensitive regex costs several times more
# schema.org microdata holders that repeat metadata as hidden text (publisher name, logo URL).
_PAGE_IDS = tag_ids({"body", "html"})
_METADATA_PROPS = frozenset(
    {"publisher", "author", "image", "logo", "thumbnailurl", "associatedmedia"}
)


def _is_furniture(node: LexborNode) -> bool:
    if node.tag_id in _PAGE_IDS:
        return False  # a page-wide class ("nav-open") says nothing about one block
    attrs = node.attributes
    if (attrs.get("itemprop") or "").lower() in _METADATA_PROPS:
        return True
    label = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    return len(label) > 3 and bool(_FURNITURE.search(label.lower()))


def _any_ancestor(node: LexborNode, test, cache: dict[int, bool]) -> bool:
    """Whether ``test`` holds for the node or an ancestor; answers are memoized per node,
    so the blocks of one container walk its ancestors once between them."""
    path = []
    current = node
    result = False
    while current is not None:
        key = current.mem_id
        known = cache.get(key)
        if known is not None:
            result = known
            break
        if test(current, key):
            result = True
            break
        path.append(key)
        current = current.parent
    for key in path:
        cache[key] = result
    return result


def _in_furniture(node: LexborNode, cache: dict[int, bool]) -> bool:
    """Whether the node or an ancestor is page furniture (comment rules, share bars...)."""
    return _any_ancestor(node, lambda n, _key: _is_furniture(n), cache)


def _containers(
    blocks: list[Block], furniture: dict[int, bool], min_chars: int = _PROSE_MIN_CHARS
) -> tuple[set[int], range]:
    """Ids of the element holding the story and its siblings holding part of it, and the
    range of block indexes worth checking against them."""
    votes: dict[int, float] = defaultdict(float)
    nodes: dict[int, LexborNode] = {}
    voters: dict[int, list[int]] = defaultdict(list)  # element id -> indexes of its blocks
    for block in blocks:
        size = len(block.text)
        # link_chars / size > _MAX_LINK_RATIO, in integers
        if size < min_chars or block.link_chars * 10 > size * 3:
            continue
        if _in_furniture(block.element, furniture):
            continue
        weight = float(size)
        element = block.element
        parent = element.parent
        grand = parent.parent if parent is not None else None
        for node, share in ((element, 1.0), (parent, 1.0), (grand, 0.5)):
            if node is not None:
                votes[node.mem_id] += weight * share
                nodes[node.mem_id] = node
                voters[node.mem_id].append(block.index)
    if not votes:
        return set(), range(0)
    best = max(votes, key=votes.__getitem__)
    chosen = {best}
    # A lead paragraph or a second text part often sits in a sibling of the main container
    # (split around a picture or an ad); siblings with a real share of the prose join it.
    parent = nodes[best].parent
    if parent is not None:
        for sibling in parent.iter():
            if votes.get(sibling.mem_id, 0.0) >= _SIBLING_SHARE * votes[best]:
                chosen.add(sibling.mem_id)
    # Blocks of one element are contiguous in reading order, so only blocks near the prose
    # that voted can belong to the story; the rest of the page is not walked up.
    indexes = [i for key in chosen for i in voters[key]]
    return chosen, range(max(0, min(indexes) - _REACH), max(indexes) + 1 + _REACH)


def _inside(node: LexborNode, container_ids: set[int], cache: dict[int, bool]) -> bool:
    """Whether ``node`` lies in the container (the container's own class is not judged)."""
    return _any_ancestor(node, lambda _n, key: key in container_ids, cache)


def body_paragraphs(blocks: list[Block], skip: set[str]) -> list[str]:
    """The story's paragraphs, in order; ``skip`` holds texts already used (title, date)."""
    furniture: dict[int, bool] = {}
    containers, reach = _containers(blocks, furniture)
    if not containers:
        # A page of short lines only (a brief, a wire flash): any text may be the story.
        containers, reach = _containers(blocks, furniture, min_chars=1)
    if not containers:
        return []
    cache: dict[int, bool] = {}
    paragraphs: list[str] = []
    for block in blocks[reach.start : reach.stop]:
        text = block.text
        # Cheap tests first (all of these only skip a block, so their order is free).
        if text in skip or block.link_chars * 2 > len(text):  # link ratio > 0.5
            continue
        element = block.element
        if not _inside(element, containers, cache):
            continue
        if element.mem_id not in containers and _in_furniture(element, furniture):
            continue
        if is_widget_text(text) or is_credit(text):
            continue
        if paragraphs and ends_story(text):
            break
        if block.caption_chars * 2 > len(text):
            continue
        if block.element.tag in ("h1", "figcaption"):
            continue
        text = clean(text)
        if text:
            paragraphs.append(text)
    return paragraphs
