"""The article's paragraphs: the densest run of prose on the page, minus what is not story.

Each prose block (long enough, mostly not link text) votes for the element holding it and,
at half weight, for that element's parent; the element with the most votes holds the story.
Its blocks become paragraphs after link lists, widgets, datelines and the title go.

When that finds no prose (the story sits in an element whose class reads as furniture, or
in no container at all), the fallbacks are, in order: the densest text block whatever its
classes say, then every paragraph of prose length on the page. So a page with prose never
yields an empty body.
"""

from __future__ import annotations

from collections import defaultdict

from selectolax.lexbor import LexborNode

from akhbar.parse.boilerplate import ends_story, is_credit, is_widget_text
from akhbar.parse.datelines import is_dateline
from akhbar.parse.furniture import in_furniture, is_furniture
from akhbar.parse.html_blocks import TEXT_ID, Block, tag_ids
from akhbar.parse.textnorm import clean

PROSE_MIN_CHARS = 60
_MAX_LINK_RATIO = 0.3  # tested in integers below: link_chars * 10 > size * 3
_SIBLING_SHARE = 0.1
# Short blocks (a lead line, a credit) can sit this many blocks before or after the prose.
_REACH = 25
_P_ID = next(iter(tag_ids({"p"})))
_H1_ID = next(iter(tag_ids({"h1"})))
# Where a block stands relative to the story container (memoized per element).
_OUTSIDE, _STORY, _FURNISHED = 0, 1, 2


def _containers(
    blocks: list[Block], furniture: dict[int, bool] | None, min_chars: int = PROSE_MIN_CHARS
) -> tuple[set[int], range]:
    """Ids of the element holding the story and its siblings holding part of it, and the
    range of block indexes worth checking against them. Blocks in furniture do not vote
    unless ``furniture`` is None (the fallback that ignores class names)."""
    votes: dict[int, float] = defaultdict(float)
    nodes: dict[int, LexborNode] = {}
    voters: dict[int, list[int]] = defaultdict(list)  # element id -> indexes of its blocks
    for block in blocks:
        size = len(block.text)
        # link_chars / size > _MAX_LINK_RATIO, in integers
        if size < min_chars or block.link_chars * 10 > size * 3:
            continue
        if block.element.tag_id == _H1_ID:
            continue  # the headline is no story prose; on a short page its vote can win
        if furniture is not None and in_furniture(block.element, furniture):
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
    # A <p> holds one paragraph, not a story: when a lone prose paragraph votes as much for
    # its <p> as for the container, the container wins, with the short paragraphs around it.
    parent = nodes[best].parent
    if nodes[best].tag_id == _P_ID and parent is not None:
        if votes.get(parent.mem_id, 0.0) >= votes[best]:
            best = parent.mem_id
    chosen = {best}
    # A lead paragraph or a second text part often sits in a sibling of the main container
    # (split around a picture or an ad); siblings with a real share of the prose join it.
    parent = nodes[best].parent
    if parent is not None:
        for sibling in parent.iter():
            if votes.get(sibling.mem_id, 0.0) >= _SIBLING_SHARE * votes[best]:
                chosen.add(sibling.mem_id)
        # A standfirst or lede in its own element just before the story container (a
        # <p class="summary"> beside <div class="content">) is story however short it is.
        previous = nodes[best].prev
        while previous is not None and previous.tag_id == TEXT_ID:
            previous = previous.prev
        if previous is not None and previous.mem_id in votes:
            chosen.add(previous.mem_id)
    # Blocks of one element are contiguous in reading order, so only blocks near the prose
    # that voted can belong to the story; the rest of the page is not walked up.
    indexes = [i for key in chosen for i in voters[key]]
    return chosen, range(max(0, min(indexes) - _REACH), max(indexes) + 1 + _REACH)


def _standing(node: LexborNode, containers: set[int], cache: dict[int, int]) -> int:
    """Whether ``node`` is outside the story, in it, or in furniture inside it (a share bar
    in the article). Only elements between the node and its container are judged: the
    container was chosen for its prose, so what its ancestors' classes say no longer counts.
    """
    path: list[LexborNode] = []
    current = node
    state = _OUTSIDE
    while current is not None:
        key = current.mem_id
        if key in containers:
            state = _STORY
            break
        known = cache.get(key)
        if known is not None:
            state = known
            break
        path.append(current)
        current = current.parent
    for element in reversed(path):  # from just under the container down to the node
        if state == _STORY and is_furniture(element):
            state = _FURNISHED
        cache[element.mem_id] = state
    return state


def _is_text(block: Block, skip: set[str]) -> bool:
    """Not a used line (the title), a link list or a widget: the cheap tests, run first."""
    text = block.text
    if text in skip or block.link_chars * 2 > len(text):  # link ratio > 0.5
        return False
    return not (is_widget_text(text) or is_credit(text))


def _is_prose(block: Block) -> bool:
    """Not a caption, the headline again, or a dateline/byline line."""
    if block.caption_chars * 2 > len(block.text) or block.element.tag in ("h1", "figcaption"):
        return False
    return not is_dateline(block.text)


def _story(blocks: list[Block], containers: set[int], reach: range, skip: set[str]) -> list[str]:
    cache: dict[int, int] = {}
    paragraphs: list[str] = []
    for block in blocks[reach.start : reach.stop]:
        if not _is_text(block, skip) or _standing(block.element, containers, cache) != _STORY:
            continue
        if paragraphs and ends_story(block.text):
            break
        if _is_prose(block):
            text = clean(block.text)
            if text:
                paragraphs.append(text)
    return paragraphs


def _prose_blocks(blocks: list[Block], skip: set[str]) -> list[str]:
    """Every paragraph of prose length on the page, in order (the last fallback). Text of
    prose length marked as a caption counts here: with no story found, it is the prose."""
    paragraphs = []
    for block in blocks:
        size = len(block.text)
        if size < PROSE_MIN_CHARS or block.link_chars * 10 > size * 3:
            continue
        if _is_text(block, skip) and not is_dateline(block.text):
            paragraphs.append(clean(block.text))
    return [p for p in paragraphs if p]


def _has_prose(paragraphs: list[str]) -> bool:
    return any(len(p) >= PROSE_MIN_CHARS for p in paragraphs)


def body_paragraphs(blocks: list[Block], skip: set[str]) -> list[str]:
    """The story's paragraphs, in order; ``skip`` holds texts already used (the title)."""
    furniture: dict[int, bool] = {}
    first: list[str] = []
    for judged in (furniture, None):  # the main block, then the densest block, classes unread
        containers, reach = _containers(blocks, judged)
        if containers:
            paragraphs = _story(blocks, containers, reach, skip)
            if _has_prose(paragraphs):
                return paragraphs
            first = first or paragraphs
    paragraphs = _prose_blocks(blocks, skip)
    if paragraphs:
        return paragraphs
    if first:
        return first
    # A page of short lines only (a brief, a wire flash): any text may be the story.
    containers, reach = _containers(blocks, furniture, min_chars=1)
    return _story(blocks, containers, reach, skip) if containers else []
