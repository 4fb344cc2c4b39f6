"""Folding Arabic spelling variants for matching, with offsets back into the original.

Newspapers spell the same word many ways: hamza seats (أبريل/إبريل/ابريل), final yaa
(ذى/ذي), taa marbuta (السنة/السنه), optional short vowels and tatweel (مساءً, هـ), three
digit alphabets. Patterns are written against one folded form. Letter folding is one to
one, so it keeps offsets; dropping vowels does not, so a map back is kept for that case only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from akhbar.enrich.dates.numerals import DIGIT_FOLD

_LETTER_FOLD = {
    ord("أ"): "ا", ord("إ"): "ا", ord("آ"): "ا", ord("ٱ"): "ا",
    ord("ى"): "ي", ord("ی"): "ي", ord("ة"): "ه", ord("ک"): "ك",
    ord("–"): "-", ord("—"): "-", ord("‐"): "-", ord("‑"): "-", ord("−"): "-",
    ord("\u00a0"): " ", ord("\u202f"): " ", ord("\u200f"): " ", ord("\u200e"): " ",
    ord("٪"): "%", ord("،"): ",", ord("؛"): ";",
}
FOLD_TABLE = str.maketrans({**DIGIT_FOLD, **_LETTER_FOLD})

# Short vowels, tanween, shadda, sukun, dagger alif and tatweel carry no meaning for matching.
_MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640"
MARKS_RE = re.compile(f"[{_MARKS}]")


def fold(text: str) -> str:
    """The matching form of a word or pattern written in ordinary spelling."""
    return MARKS_RE.sub("", text).translate(FOLD_TABLE)


@dataclass(frozen=True, slots=True)
class Folded:
    """``text`` folded for matching; ``origin[i]`` is where its character i came from."""

    text: str
    origin: list[int] | None  # None: same length as the original, offsets are identical

    def span(self, start: int, end: int, original: str) -> tuple[int, int]:
        """Original offsets of a folded span, taking trailing vowel marks along."""
        if self.origin is None:
            return start, end
        o_start = self.origin[start]
        o_end = self.origin[end - 1] + 1
        while o_end < len(original) and original[o_end] in _MARKS:
            o_end += 1
        return o_start, o_end


def fold_with_offsets(text: str) -> Folded:
    if MARKS_RE.search(text) is None:
        return Folded(text.translate(FOLD_TABLE), None)
    kept = [i for i, ch in enumerate(text) if ch not in _MARKS]
    stripped = "".join(text[i] for i in kept)
    return Folded(stripped.translate(FOLD_TABLE), kept)


def alternation(words) -> str:
    """A regex alternation of folded words, longest first, inner spaces matching any run."""
    folded = sorted({" ".join(fold(w).split()) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in folded)
