"""A page's visible text as a list of blocks, in reading order.

A block is the text between two block boundaries (a block-level tag or a ``<br>``), with
the element that holds it and how much of it is link text. Title, date and body are all
found by looking at blocks, so the tree is walked once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

# Tags whose text flows inside the surrounding block instead of starting a new one.
INLINE = frozenset(
    "a abbr b bdi bdo cite code data dfn em font i kbd label mark q s samp small span "
    "strong sub sup time u var wbr nobr".split()
)
# Never visible, or controls rather than text.
INVISIBLE = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "select",
    "button",
    "textarea",
    "iframe",
    "object",
    "head",
)
_INVISIBLE_SELECTOR = ", ".join(INVISIBLE)


@dataclass(slots=True)
class Block:
    index: int
    element: LexborNode
    parts: list[str] = field(default_factory=list)
    link_chars: int = 0
    caption_chars: int = 0
    text: str = ""

    @property
    def link_ratio(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


def tag_ids(names) -> frozenset[int]:
    """lexbor's numeric ids of standard tag names (static in lexbor, the same in every
    document): comparing ints is much cheaper than reading ``node.tag`` as a string."""
    probe = LexborHTMLParser("<body>" + "".join(f"<{name}></{name}>" for name in names))
    return frozenset(node.tag_id for node in probe.body.traverse() if node.tag in names)


_INLINE_IDS = tag_ids(INLINE)
_A_ID = next(iter(tag_ids({"a"})))
TEXT_ID = LexborHTMLParser("<body>x").body.child.tag_id
_COMMENT_ID = LexborHTMLParser("<body><!--x-->").body.child.tag_id


def _holder(parent: LexborNode) -> tuple[LexborNode, int, bool, bool]:
    """The nearest block-level ancestor of a text node (given its parent), the holder's id,
    and whether a link or a caption wraps the text.

    Captions are often a ``<span class="...caption">`` inside the story's own paragraph, so
    they are told apart here, at the inline level, not by their block.
    """
    in_link = in_caption = False
    inline, a_id = _INLINE_IDS, _A_ID
    while parent is not None:
        tag_id = parent.tag_id
        if tag_id not in inline:
            return parent, parent.mem_id, in_link, in_caption
        if tag_id == a_id:
            in_link = True
        elif "caption" in (parent.attributes.get("class") or "").lower():
            in_caption = True
        parent = parent.parent
    return None, -1, in_link, in_caption


def blocks_of(tree: LexborHTMLParser) -> list[Block]:
    """The visible text blocks of a parsed page (invisible elements are removed first)."""
    root = tree.body or tree.root
    blocks: list[Block] = []
    if root is None:
        return blocks
    # One selector pass under the walk's root finds them all; removing a node without its
    # children only unlinks it, so a match inside another match is safe to remove too.
    for node in root.css(_INVISIBLE_SELECTOR):
        node.decompose(recursive=False)
    # The block being read is kept in locals (its holder, text parts, link and caption
    # character counts) and becomes a ``Block`` when it closes.
    holder: LexborNode | None = None
    holder_id = -1
    parts: list[str] | None = None
    link_chars = caption_chars = 0
    root_id = root.mem_id
    inline, text_id, comment_id = _INLINE_IDS, TEXT_ID, _COMMENT_ID
    # The loop is the hot path of the parser (every node of the page): kept flat on purpose,
    # with tags compared as lexbor's int ids. Whitespace-only text nodes are most text
    # nodes; they are told apart without reading their text, which is the expensive call.
    for node in root.traverse(include_text=True):
        tag_id = node.tag_id
        if tag_id == text_id:
            if node.is_empty_text_node:
                if parts is not None:
                    parts.append(" ")
                continue
            parent = node.parent
            if parent.tag_id not in inline:  # most text sits right in its block
                found, found_id, in_link, in_caption = parent, parent.mem_id, False, False
            else:
                found, found_id, in_link, in_caption = _holder(parent)
                if found is None:
                    found, found_id = root, root_id
            if found_id != holder_id:
                if parts is not None:
                    _close(blocks, holder, parts, link_chars, caption_chars)
                holder, holder_id, parts, link_chars, caption_chars = found, found_id, [], 0, 0
            text = node.text_content
            parts.append(text)
            if in_link:
                link_chars += len(text.strip())
            if in_caption:
                caption_chars += len(text.strip())
        elif parts is not None and tag_id not in inline and tag_id != comment_id:
            _close(blocks, holder, parts, link_chars, caption_chars)
            holder, holder_id, parts = None, -1, None
    if parts is not None:
        _close(blocks, holder, parts, link_chars, caption_chars)
    return blocks


def _close(
    blocks: list[Block], holder: LexborNode, parts: list[str], link_chars: int, caption_chars: int
) -> None:
    text = " ".join("".join(parts).split())  # squash(), inlined: it runs for every block
    if text:
        blocks.append(Block(len(blocks), holder, parts, link_chars, caption_chars, text))
