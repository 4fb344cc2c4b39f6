"""Split raw text into word and punctuation tokens that keep their character offsets.

Words are runs of letters, digits, diacritics and tatweel; every other visible character
is a token of its own, as in the ANERcorp training data ("(", "،", "."). Clitics stay
inside the word token (the corpus labels "بمراكش" as one token); ``clitics`` splits them
for features and for the output span.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_WORD = re.compile(r"[\w\u064b-\u065f\u0670\u0640]+")
_ANY = re.compile(r"[\w\u064b-\u065f\u0670\u0640]+|\S")
_SENTENCE_END = frozenset(".!?؟…")


class Token(NamedTuple):
    text: str
    start: int
    end: int


_new = tuple.__new__


def tokenize(text: str) -> list[Token]:
    """Word and punctuation tokens of ``text``; ``text[t.start:t.end] == t.text``."""
    # tuple.__new__ directly: a NamedTuple's own __new__ is a Python call per token
    return [_new(Token, (m.group(), m.start(), m.end())) for m in _ANY.finditer(text)]


def _breaks(gap: str) -> bool:
    # Pages lay headline lists and blocks out with line breaks, tabs or runs of spaces:
    # a name never spans such a gap.
    return "\n" in gap or "\t" in gap or "   " in gap


def sentences(text: str, tokens: list[Token]) -> list[list[Token]]:
    """Group tokens into sentences: after . ! ? ؟ …, at a line break, tab or wide gap."""
    out: list[list[Token]] = []
    current: list[Token] = []
    for tok in tokens:
        if current and _breaks(text[current[-1].end : tok.start]):
            out.append(current)
            current = []
        current.append(tok)
        if tok.text in _SENTENCE_END:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def ends_sentence(token: str) -> bool:
    """A token that closes a sentence (. ! ? ؟ …)."""
    return token in _SENTENCE_END


def is_word(token: str) -> bool:
    return _WORD.fullmatch(token) is not None
