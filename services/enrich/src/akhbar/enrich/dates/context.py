"""Reading the words just before a match.

Patterns start at the token that makes an expression (a day number, a month name, a
weekday) so the regex engine fails fast everywhere else; what may come before it
("مساء اليوم الثلاثاء 30 شتنبر", "ما بين 24 و27", "لسنة 2023") is read here, word by word
leftwards, and looked up in sets of folded words.
"""

from __future__ import annotations

from functools import lru_cache

from akhbar.enrich.dates.normalize import fold

_SKIPPED = " \t\n\r,،"
PROCLITICS = "وفبل"


@lru_cache(maxsize=4096)
def words_before(text: str, start: int, limit: int = 3) -> tuple[tuple[int, str], ...]:
    """Up to ``limit`` words before ``start``, nearest first: (where it starts, folded).

    Commas between words are skipped ("الجمعة، 6 يونيو"); anything else that is neither a
    letter nor a space (a digit, a bracket, a full stop) ends the reading. Several rules
    read the words before the same number, so answers are cached (a str caches its hash,
    so the key costs little).
    """
    words: list[tuple[int, str]] = []
    i = start
    while len(words) < limit:
        while i > 0 and text[i - 1] in _SKIPPED:
            i -= 1
        end = i
        while i > 0 and text[i - 1].isalpha():
            i -= 1
        if i == end:
            break
        words.append((i, fold(text[i:end])))
    return tuple(words)


def without_proclitic(word: str, known: frozenset[str] | set[str]) -> str | None:
    """``word`` itself or without one leading و/ف/ب/ل when that makes a known word."""
    if word in known:
        return word
    if len(word) > 2 and word[0] in PROCLITICS and word[1:] in known:
        return word[1:]
    return None


def starts_word(text: str, start: int) -> int | None:
    """Where the word containing ``start`` begins, if only a proclitic precedes ``start``.

    و/ف attach to anything; ب/ل only to a definite word ("بالساعة", "للعام"), so "باول"
    (Powell) does not hide "أول". None when ``start`` is inside a longer word ("آب" inside
    "نواب").
    """
    if start == 0 or not text[start - 1].isalpha():
        return start
    if start == 1 or not text[start - 2].isalpha():
        clitic = text[start - 1]
        if clitic in "وف" or (clitic in "بل" and text.startswith("ال", start)):
            return start - 1
    return None
