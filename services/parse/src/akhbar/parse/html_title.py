"""The headline as the page displays it.

The displayed headline is usually an ``<h1>``; a page can hold several (the logo is often
one), so the ``<h1>`` whose words best match what the metadata calls the title wins. Without
such a heading, the metadata title is used with the site name cut off its ends.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from akhbar.parse.textnorm import clean, fold, words

# Dice overlap of words needed for a heading to count as the title the metadata names.
_MIN_OVERLAP = 0.5
_SEPARATORS = re.compile(r"\s+[-–—•]{1,2}\s+|\s*\|\s*")


def overlap(a: str, b: str) -> float:
    """Dice coefficient of the two texts' word sets (spelling-folded)."""
    return _dice(set(words(a)), set(words(b)))


def _dice(wa: set[str], wb: set[str]) -> float:
    if not wa or not wb:
        return 0.0
    return 2 * len(wa & wb) / (len(wa) + len(wb))


def heading_title(tree: LexborHTMLParser, titles: list[str]) -> LexborNode | None:
    """The heading element that displays the title named in the metadata, if any.

    A page with no metadata title at all gets its wordiest ``<h1>``: logos are short.
    """
    best, best_score = None, _MIN_OVERLAP
    wordiest, most_words = None, 0
    title_words = [set(words(t)) for t in dict.fromkeys(titles)]
    for node in tree.css("h1, [itemprop~=headline]"):
        text = clean(node.text())
        if not text or len(text) > 400:
            continue
        if not titles:
            if node.tag == "h1" and len(text.split()) > most_words:
                wordiest, most_words = node, len(text.split())
            continue
        text_words = set(words(text))
        score = max(_dice(text_words, t) for t in title_words)
        if score > best_score:
            best, best_score = node, score
    return best if titles else wordiest


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


def site_affix(page_title: str, displayed: str) -> str | None:
    """The site name a ``<title>`` adds around the displayed headline, if it adds one."""
    page_title, displayed = clean(page_title), clean(displayed)
    if not displayed or page_title == displayed or displayed not in page_title:
        return None
    rest = page_title.replace(displayed, " ", 1)
    parts = [clean(p) for p in _SEPARATORS.split(rest)]
    parts = [p.strip(" :-|") for p in parts if p.strip(" :-|")]
    # The outlet is the part next to the headline ("عنوان - القسم - الموقع" ends with it).
    if not parts:
        return None
    return parts[-1] if page_title.startswith(displayed) else parts[0]
