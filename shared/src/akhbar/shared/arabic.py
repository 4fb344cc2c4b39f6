"""Arabic spelling folding for matching (never for output), shared by every stage.

Readers treat these as one spelling: hamza forms of alef, alef maqsura and yaa, taa marbuta
and haa, Persian kaf/yeh in copied text, optional diacritics and tatweel, Eastern Arabic and
Persian digits. Parse matches month names and site names with it, the recognizer its
gazetteer and features, the store its search index, so the same text folds the same way
everywhere.
"""

from __future__ import annotations

import re

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
