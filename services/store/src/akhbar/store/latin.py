"""Latin names for registry entities: a table for places and organizations, a romanization
for everything else.

The table is built from installed data: CLDR through Babel (country and territory names in
Arabic, French and English; the exemplar cities of its time zones in Arabic, beside the
English city of the zone id) and ``data/latin_names.tsv``, a curated list of what news names
and CLDR lacks (Moroccan towns, institutions, parties, public figures).

Names found nowhere are romanized by a letter table in the French spelling Moroccan media
use (ش ch, و ou, ج j), with an "a" in a first syllable where Arabic writes no vowel.
It gives a readable, plausible form ("حموشي" → Hamouchi), not the official spelling;
finding the official spelling ("Hammouchi") is the consonant skeleton's job (registry.py).

Why not ``arabic-name-romanizer`` (MIT, in the lock for training): it would make the store
service depend on onnxruntime and a 17 MB wheel for names only, where the store needs a
display form and the skeleton already matches every Latin spelling.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from akhbar.store.registry import entity_key

# Common name words whose Latin spelling the letter table would get wrong (the vowels).
_WORDS = {
    "محمد": "Mohamed", "أحمد": "Ahmed", "احمد": "Ahmed", "محمود": "Mahmoud", "مصطفى": "Mustapha",
    "عبد": "Abd", "الله": "Allah", "بن": "Ben", "ابن": "Ibn", "أبو": "Abou", "ابو": "Abou",
    "علي": "Ali", "عمر": "Omar", "عثمان": "Othmane", "حسن": "Hassan", "حسين": "Hussein",
    "يوسف": "Youssef", "إبراهيم": "Ibrahim", "ابراهيم": "Ibrahim", "خالد": "Khalid",
    "سعيد": "Said", "رشيد": "Rachid", "كريم": "Karim", "فاطمة": "Fatima", "خديجة": "Khadija",
    "مريم": "Meryem", "نور": "Nour", "الدين": "Eddine", "عزيز": "Aziz", "نبيل": "Nabil",
}  # fmt: skip
_CONSONANTS = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "ch", "ص": "s", "ض": "d", "ط": "t", "ظ": "dh",
    "غ": "gh", "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h",
}  # fmt: skip
_VOWELS = {"ا": "a", "أ": "a", "إ": "i", "آ": "a", "ى": "a", "ة": "a", "ء": "", "ؤ": "", "ئ": ""}
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640]")
_ARABIC = re.compile("[\u0621-\u064a]")


def _romanize_word(word: str) -> str:
    if word in _WORDS:
        return _WORDS[word]
    article = ""
    if word.startswith("ال") and len(word) > 3:
        article, word = "El ", word[2:]
        if word in _WORDS:
            return article + _WORDS[word]
    out: list[str] = []
    prev_consonant = False
    for i, c in enumerate(word):
        last = i == len(word) - 1
        if c in ("و", "ي"):
            # A glide at the start or after a vowel, a long vowel after a consonant.
            if prev_consonant:
                out.append("ou" if c == "و" else "i")
                prev_consonant = False
            else:
                out.append("w" if c == "و" else "y")
                prev_consonant = True
        elif c == "ع":
            if not out:
                out.append("a")  # "عزيز" Aziz: the ain's vowel is heard
            prev_consonant = False
        elif c in _VOWELS:
            out.append(_VOWELS[c])
            prev_consonant = False
        elif c in _CONSONANTS:
            if prev_consonant and not last and len(out) == 1:
                # The unwritten vowel of a name's first syllable ("حموشي" Hamouchi); further
                # in, guessing vowels more often makes a name worse than leaving them out.
                out.append("a")
            out.append(_CONSONANTS[c])
            prev_consonant = True
    text = "".join(out)
    return article + text[:1].upper() + text[1:] if text else ""


def romanize(name: str) -> str:
    """A plausible Latin spelling of an Arabic name ("" when it has no Arabic letters)."""
    if not _ARABIC.search(name):
        return ""
    words = _DIACRITICS.sub("", name).split()
    return " ".join(w for w in (_romanize_word(word) for word in words) if w)


@functools.cache
def _table() -> dict[tuple[str, str], tuple[str, ...]]:
    """(key, label) → Latin names, from CLDR and the curated list (curated names first)."""
    found: dict[tuple[str, str], list[str]] = {}

    def add(label: str, arabic: str, names) -> None:
        slot = found.setdefault((entity_key(arabic), label), [])
        slot.extend(n for n in names if n and n not in slot)

    text = resources.files("akhbar.store").joinpath("data/latin_names.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            label, arabic, names = line.split("\t")
            add(label, arabic, names.split("|"))
    from babel import Locale  # CLDR data: loaded once, when the first entity is placed

    ar, en, fr = Locale("ar"), Locale("en"), Locale("fr")
    for code, arabic in ar.territories.items():
        if code.isalpha():  # letters are countries and territories; digits are regions
            add("LOC", arabic, (fr.territories.get(code), en.territories.get(code)))
    for zone, names in ar.time_zones.items():
        city = names.get("city")
        if city and "/" in zone and not zone.startswith("Etc/"):
            english = en.time_zones.get(zone, {}).get("city") or zone.rsplit("/", 1)[1]
            add("LOC", city, (english.replace("_", " "),))
    return {key: tuple(names) for key, names in found.items()}


def latin_names(name: str, label: str) -> tuple[str, ...]:
    """The Latin names of an entity: from the table when it knows the name (for places,
    also under another label: the tagger may call a country an organization), else the
    romanization."""
    table = _table()
    key = entity_key(name)
    known = table.get((key, label)) or (table.get((key, "LOC")) if label != "PER" else None)
    if known:
        return known
    romanized = romanize(name)
    return (romanized,) if romanized else ()
