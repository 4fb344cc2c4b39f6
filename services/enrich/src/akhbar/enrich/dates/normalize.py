"""Arabic spelling variants, matched in place rather than rewritten.

Newspapers spell one word many ways: hamza seats (أبريل/إبريل/ابريل), final yaa (ذى/ذي),
taa marbuta (السنة/السنه), optional short vowels and tatweel (مساءً, هـ), three digit
alphabets. Rewriting every input with ``str.translate`` costs more than the whole search
(about 20 µs a sentence), so patterns carry the variants instead: each letter with
variants becomes a character class, ``\\d`` takes every digit alphabet, and ``int()`` reads
them all. Only short vowels are removed from the text, when present, keeping a map back
to the original offsets. Dictionary keys use ``fold``, the one spelling patterns stand for.

Why this is not ``akhbar.shared.arabic.matching_form``: that one rewrites the text (NFKC,
invisible marks, casefold), which would cost more than the search and lose the character
offsets every mention carries; here the variants live in the patterns instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from akhbar.enrich.dates.numerals import DIGIT_FOLD

_LETTER_FOLD = {
    ord("أ"): "ا",
    ord("إ"): "ا",
    ord("آ"): "ا",
    ord("ٱ"): "ا",
    ord("ى"): "ي",
    ord("ی"): "ي",
    ord("ة"): "ه",
    ord("ک"): "ك",
    ord("\u00a0"): " ",
    ord("،"): ",",
}
_FOLD_TABLE = str.maketrans({**DIGIT_FOLD, **_LETTER_FOLD})

# The class each folded letter stands for in a pattern.
_VARIANTS = {"ا": "[اأإآٱ]", "ي": "[يىی]", "ه": "[هة]", "ك": "[كک]", ",": "[,،]"}

# Short vowels, tanween, shadda, sukun, dagger alif and tatweel carry no meaning for matching.
MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640"
_MARKS_RE = re.compile(f"[{MARKS}]")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """The one spelling a word is looked up by: no vowels, bare alif, ي, ه, Western digits."""
    return _SPACES.sub(" ", _MARKS_RE.sub("", text).translate(_FOLD_TABLE)).strip()


def strip_marks(text: str) -> tuple[str, list[int] | None]:
    """``text`` without vowel marks, and where each kept character came from (None: same)."""
    if _MARKS_RE.search(text) is None:
        return text, None
    kept = [i for i, ch in enumerate(text) if ch not in MARKS]
    return "".join(text[i] for i in kept), kept


def original_span(origin: list[int] | None, start: int, end: int, text: str) -> tuple[int, int]:
    """Offsets in the original text of a span of the stripped one, trailing marks included."""
    if origin is None:
        return start, end
    o_start, o_end = origin[start], origin[end - 1] + 1
    while o_end < len(text) and text[o_end] in MARKS:
        o_end += 1
    return o_start, o_end


def literal(word: str) -> str:
    """A regex for one word in every spelling variant; inner spaces match any run."""
    return "".join(_char(ch) for ch in fold(word))


def _char(ch: str) -> str:
    if ch == " ":
        return r"\s++"
    return _VARIANTS.get(ch, re.escape(ch))


def alternation(words: Iterable[str]) -> str:
    """A regex for any of ``words``, factored as a trie.

    Python's re tries the branches of an alternation one by one; sharing prefixes makes a
    position that starts no word fail at its first letter, and a terminal node's optional
    tail keeps the longest word first ("مايو" before "ماي").
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in fold(word):
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(trie)


def _emit(node: dict) -> str:
    branches = [_char(ch) + _emit(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
