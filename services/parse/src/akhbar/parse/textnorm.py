"""Small text helpers: whitespace cleanup for output, spelling folding for matching."""

from __future__ import annotations

import re

from akhbar.shared.arabic import fold_letters

# Zero-width and direction marks pasted around Arabic text; they break exact comparisons.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
def clean(text: str) -> str:
    """One line of displayable text: invisible marks dropped, whitespace runs collapsed."""
    return " ".join(_INVISIBLE.sub("", text).split())


def squash(text: str) -> str:
    """Whitespace runs collapsed (the cheap half of ``clean``, for every block of a page)."""
    return " ".join(text.split())


def fold(text: str) -> str:
    """Spelling-insensitive form for matching: hamza/alef, yaa, taa marbuta, digits, case.

    Eastern Arabic and Persian digits become ASCII so one pattern reads both.
    """
    return clean(fold_letters(text)).lower()


def words(text: str) -> list[str]:
    """The folded words of a text, for overlap scores."""
    return re.findall(r"\w+", fold(text))
