"""Small text helpers: whitespace cleanup for output, spelling folding for matching."""

from __future__ import annotations

import re

from akhbar.shared.arabic import INVISIBLE, matching_form


def clean(text: str) -> str:
    """One line of displayable text: invisible marks dropped, whitespace runs collapsed.

    Differs from ``fold`` on purpose: this is output, so the spelling is kept as printed.
    """
    return " ".join(INVISIBLE.sub("", text).split())


def squash(text: str) -> str:
    """Whitespace runs collapsed (the cheap half of ``clean``, for every block of a page)."""
    return " ".join(text.split())


# Spelling-insensitive form for matching (hamza/alef, yaa, taa marbuta, digits, case): the
# shared ``matching_form``, under the name parse's modules (and months.py) use.
fold = matching_form


def words(text: str) -> list[str]:
    """The folded words of a text, for overlap scores."""
    return re.findall(r"\w+", fold(text))
