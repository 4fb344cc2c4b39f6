"""Arabic spelling folding for matching (never for output), shared by every stage.

Readers treat these as one spelling: hamza forms of alef, alef maqsura and yaa, taa marbuta
and haa, Persian kaf/yeh in copied text, optional diacritics and tatweel, Eastern Arabic and
Persian digits. Parse matches month names and site names with it, the recognizer its
gazetteer and features, the store its search index, so the same text folds the same way
everywhere.

Two functions, by purpose:
- ``fold_letters``: letters and digits only, length of words kept apart; for callers that
  look up one word at a time and must stay cheap (the entity recognizer).
- ``matching_form``: a whole text's key for comparing and searching (parse's line matching,
  the store's index and queries): ``fold_letters`` plus compatibility forms, invisible
  marks, whitespace and case.

``name_key`` builds on ``fold_letters`` for names: the recognizer groups the mentions of one
article by it, and the store's entity registry groups names across articles by the same key.
"""

from __future__ import annotations

import re
import unicodedata

# Harakat, tanween, shadda, sukun, dagger alef and the Quranic annotation marks.
DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
TATWEEL = "\u0640"
LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ک": "ك",
        "ی": "ي",
        TATWEEL: None,
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
    }
)


def fold_letters(text: str) -> str:
    """``text`` without diacritics or tatweel, with each letter and digit in one spelling."""
    return DIACRITICS.sub("", text).translate(LETTERS)


# Zero-width and direction marks pasted around Arabic text, and soft hyphens: invisible,
# and they break exact comparisons.
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")


def matching_form(text: str) -> str:
    """The form two spellings a reader treats as one share (for matching, never output).

    Compatibility forms are unified (NFKC: presentation-form letters, ligatures, no-break
    spaces), invisible marks dropped, letters and digits folded (``fold_letters``),
    whitespace runs collapsed and case folded. Applying it twice changes nothing.
    """
    text = fold_letters(unicodedata.normalize("NFKC", text))
    return " ".join(INVISIBLE.sub("", text).split()).casefold()


def fold_word(word: str) -> str:
    """One word in one spelling (``fold_letters``, lower case): the recognizer's lookup key.

    Cheaper than ``matching_form`` for a single word off a tokenizer (no whitespace, NFKC or
    invisible marks to handle), and ASCII words only need ``lower()``.
    """
    if not word.isascii():
        word = fold_letters(word)
    return word.lower()


def name_key(surface: str) -> tuple[str, ...]:
    """The words of a name folded (``fold_letters``, lower case) and without the article
    on each word: "الأنتربول", "أنتربول" and "الإنتربول" share one key.

    The article goes only when at least two letters are left after it ("الى" stays).
    """
    out = []
    for word in surface.split():
        folded = fold_word(word)
        if folded.startswith("ال") and len(folded) > 3:
            folded = folded[2:]
        out.append(folded)
    return tuple(out)
