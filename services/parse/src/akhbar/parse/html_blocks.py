"""A page's visible text as a list of blocks, in reading order.

A block is the text between two block boundaries (a block-level tag or a ``<br>``), with
the element that holds it and how much of it is link text. Title, date and body are all
found by looking at blocks, so the tree is walked once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from akhbar.parse.textnorm import clean
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


@dataclass
class Block:
    index: int
    element: LexborNode
    parts: list[str] = field(default_factory=list)
    link_chars: int = 0
    text: str = ""

    @property
    def link_ratio(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


def _holder(node: LexborNode) -> tuple[LexborNode, bool]:
    """The nearest block-level ancestor of a text node, and whether a link wraps the text."""
    in_link = False
    parent = node.parent
    while parent is not None and parent.tag in INLINE:
        if parent.tag == "a":
            in_link = True
        parent = parent.parent
    return parent, in_link


def blocks_of(tree: LexborHTMLParser) -> list[Block]:
    """The visible text blocks of a parsed page (invisible elements are removed first)."""
    tree.strip_tags(list(INVISIBLE))
    root = tree.body or tree.root
    blocks: list[Block] = []
    current: Block | None = None

    def flush() -> None:
        nonlocal current
        if current is not None:
            current.text = clean("".join(current.parts))
            if current.text:
                current.index = len(blocks)
                blocks.append(current)
        current = None

    if root is None:
        return blocks
    for node in root.traverse(include_text=True):
        tag = node.tag
        if tag == "-text":
            text = node.text_content
            if not text or text.isspace():
                if current is not None:
                    current.parts.append(" ")
                continue
            holder, in_link = _holder(node)
            if current is None or holder is None or current.element.mem_id != holder.mem_id:
                flush()
                current = Block(0, holder or root)
            current.parts.append(text)
            if in_link:
                current.link_chars += len(text.strip())
        elif tag not in INLINE and tag != "-comment":
            flush()
    flush()
    return blocks
