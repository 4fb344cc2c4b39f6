"""The headline as the page displays it.

The displayed headline is usually an ``<h1>``; a page can hold several (the logo is often
one), so the ``<h1>`` whose words best match what the metadata calls the title wins. Without
such a heading, the metadata title is used with the site name cut off its ends.
"""

from __future__ import annotations

import re

from akhbar.parse.textnorm import clean, fold, words
from selectolax.lexbor import LexborHTMLParser, LexborNode

# Dice overlap of words needed for a heading to count as the title the metadata names.
_MIN_OVERLAP = 0.5
_SEPARATORS = re.compile(r"\s+[-–—•]{1,2}\s+|\s*\|\s*")


def overlap(a: str, b: str) -> float:
    """Dice coefficient of the two texts' word sets (spelling-folded)."""
    wa, wb = set(words(a)), set(words(b))
    if not wa or not wb:
        return 0.0
    return 2 * len(wa & wb) / (len(wa) + len(wb))


def heading_title(tree: LexborHTMLParser, titles: list[str]) -> LexborNode | None:
    """The heading element that displays the title named in the metadata, if any."""
    best, best_score = None, _MIN_OVERLAP
    for node in tree.css("h1, [itemprop~=headline]"):
        text = clean(node.text())
        if not text or len(text) > 400:
            continue
        score = max((overlap(text, t) for t in titles), default=0.0)
        if score > best_score:
            best, best_score = node, score
    return best


def strip_site_name(title: str, site_names: list[str]) -> str:
    """A metadata title without the site name glued before or after it."""
    parts = [p for p in _SEPARATORS.split(title) if p.strip()]
    if len(parts) < 2:
        return clean(title)
    names = {fold(n) for n in site_names if n}

    def is_site(part: str) -> bool:
        folded = fold(part)
        return any(folded == n or folded in n or n in folded for n in names)

    kept = [p for p in parts if not is_site(p)]
    if not kept:
        kept = parts
    if len(kept) == len(parts):
        # No known site name: the longest part is the headline, the short ones are labels.
        return clean(max(parts, key=len))
    return clean(" - ".join(kept)) if len(kept) > 1 else clean(kept[0])
