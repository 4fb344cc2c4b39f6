"""Page furniture: containers whose class or id says they hold no story (share bars,
comment threads, menus, captions, related-story lists...).

Short words must stand alone ("nav", not "canvas"); long ones may sit inside a compound
class ("socialsharing", "uplCaption", "BGCommentSBar"). A BEM modifier ("main--with-nav")
describes a variant of the element it follows, not what the element is, so it is not read.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from akhbar.parse.html_blocks import tag_ids

_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:share|social|tags?|nav|menu|ads|tabs?|widget|sidebar|footer|banner|"
    r"popup|modal|cookie|most-?read|trending|subscribe)(?:$|[\s_-])"
    r"|comment|sharing|sharebar|share-bar|caption|related|breadcrumb|newsletter|advert",
)  # matched on the lower-cased label: a case-insensitive regex costs several times more
_BEM_MODIFIER = re.compile(r"--\S*")
# A page-wide class ("nav-open") says nothing about one block, and <main> is by definition
# the page's main content, whatever its classes say.
_NEVER_FURNITURE = tag_ids({"body", "html", "main"})
# schema.org microdata holders that repeat metadata as hidden text (publisher name, logo URL).
_METADATA_PROPS = frozenset(
    {"publisher", "author", "image", "logo", "thumbnailurl", "associatedmedia"}
)


# HTML5's own words for navigation, page footers and side content.
_FURNITURE_TAGS = tag_ids({"nav", "footer", "aside"})


def is_furniture(node: LexborNode) -> bool:
    """Whether the element's tag, class, id or microdata role marks it as furniture."""
    tag_id = node.tag_id
    if tag_id in _NEVER_FURNITURE:
        return False
    if tag_id in _FURNITURE_TAGS:
        return True
    attrs = node.attributes
    if (attrs.get("itemprop") or "").lower() in _METADATA_PROPS:
        return True
    label = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    if len(label) <= 3:
        return False
    label = label.lower()
    if "--" in label:
        label = _BEM_MODIFIER.sub("", label)
    return bool(_FURNITURE.search(label))


def in_furniture(node: LexborNode, cache: dict[int, bool]) -> bool:
    """Whether the node or an ancestor is furniture; answers are memoized per node, so the
    blocks of one container walk its ancestors once between them."""
    path = []
    current = node
    result = False
    while current is not None:
        key = current.mem_id
        known = cache.get(key)
        if known is not None:
            result = known
            break
        if is_furniture(current):
            result = True
            break
        path.append(key)
        current = current.parent
    for key in path:
        cache[key] = result
    return result
