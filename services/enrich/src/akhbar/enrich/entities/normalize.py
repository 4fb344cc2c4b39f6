"""Arabic spelling normalization used for matching, never for output.

News text writes one name several ways (أنتربول / انتربول / إنتربول, مكة / مكه, ...).
Every lookup key in the recognizer goes through :func:`normalize`, so a gazetteer entry,
a feature and a canonical group all agree on one spelling. Output spans stay on the
original text.
"""

from __future__ import annotations

import re

# Harakat, tanween, shadda, sukun, dagger alef and Quranic marks carry no identity for names.
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_TATWEEL = "\u0640"

_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ک": "ك",  # Persian kaf and yeh appear in copied text
        "ی": "ي",
        "٠": "0",
        "١": "1",
        "٢": "2",
        "٣": "3",
        "٤": "4",
        "٥": "5",
        "٦": "6",
        "٧": "7",
        "٨": "8",
        "٩": "9",
    }
)


def normalize(word: str) -> str:
    """One spelling per word: no diacritics or tatweel, bare alef, dotless yaa, haa for taa marbuta."""
    if not word.isascii():
        word = _DIACRITICS.sub("", word.replace(_TATWEEL, "")).translate(_LETTERS)
    return word.lower()
