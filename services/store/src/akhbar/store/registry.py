"""The entity registry's rules, as pure functions (no database): what key a name is filed
under, what terms find it, which full name a short form belongs to.

One entity, every spelling: "الأنتربول", "أنتربول" and "الإنتربول" share one key, because
the key is the entity tagger's own ``name_key`` (alef and hamza forms, alef maqsura, taa
marbuta, diacritics, tatweel and the article ال fold). The same person in Latin script
("Hammouchi", "Akhannouch") is found through a consonant skeleton both scripts share:
short vowels are not written in Arabic, and long vowels, alef, hamza, ain, waw and yaa are
written every which way in Latin, so only the consonants, each in one class, are compared
("حموشي" → HMX ← "Hammouchi").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from akhbar.shared.arabic import fold_letters, name_key

# Term kinds, what each query kind looks up (see query_terms).
NAME, WORD, LATIN, LATIN_WORD, SOUND, SOUND_WORD = "name", "word", "latin", "lword", "sound", "sword"
# A whole word of a name finds the name only from this length: "عبد", "بن", "ال" would find
# half the store. Skeletons shorter than three consonants match too much by chance.
MIN_WORD = 3
MIN_SOUND = 3
# Labels whose one-word mentions are short forms of a longer name: a person's surname
# ("حموشي"), an organization's head noun ("الأنتربول" of "منظمة الأنتربول", two words).
SHORT_FORM_LABELS = frozenset({"PER", "ORG"})


def entity_key(name: str) -> str:
    """The key a name is filed under: its ``name_key`` words, one space apart."""
    # Diacritics first: they are not word characters, and must vanish, not split a word.
    return " ".join(name_key(_ARABIC_PUNCT.sub(" ", fold_letters(name))))


_ARABIC_PUNCT = re.compile(r"[^\w\s]")
_LATIN_LETTERS = re.compile(r"[a-z]")
_ARABIC_LETTERS = re.compile("[\u0621-\u064a\u0671-\u06d3]")


def is_latin(text: str) -> bool:
    """True when ``text`` has Latin letters and no Arabic ones."""
    folded = latin_fold(text)
    return bool(_LATIN_LETTERS.search(folded)) and not _ARABIC_LETTERS.search(text)


def latin_fold(text: str) -> str:
    """Latin text folded for comparison: no accents, lower case, punctuation as spaces
    ("Hammouchi", "HAMMOUCHI", "Hammouchí" are one)."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    # Apostrophes vanish (l'Intérieur, Ma'arif); other punctuation separates words.
    bare = re.sub(r"['’`ʼ]", "", bare)
    return " ".join(re.sub(r"[^\w]+", " ", bare).split())


# Consonant classes both scripts map to. Letters left out are dropped: vowels, alef, hamza,
# ain, waw and yaa (long vowels or glides, written or not), final taa marbuta (folded to haa).
_ARABIC_CLASS = {
    "ب": "B", "ت": "T", "ث": "T", "ط": "T", "ج": "J", "ح": "H", "ه": "H", "خ": "K",
    "ك": "K", "ق": "K", "د": "D", "ذ": "D", "ض": "D", "ظ": "D", "ر": "R", "ز": "Z",
    "س": "S", "ص": "S", "ش": "X", "غ": "G", "ف": "F", "ل": "L", "م": "M", "ن": "N",
    "پ": "B", "ڤ": "F", "گ": "J", "چ": "X",
}  # fmt: skip
# Latin spellings of those consonants, longest first: French (ch, ou, dj) and English (sh, j)
# conventions both land in one class.
_LATIN_CLASS = [
    ("sch", "X"), ("tch", "X"), ("kh", "K"), ("gh", "G"), ("sh", "X"), ("ch", "X"),
    ("th", "T"), ("dh", "D"), ("dj", "J"), ("ph", "F"), ("ck", "K"), ("qu", "K"),
    ("b", "B"), ("p", "B"), ("t", "T"), ("j", "J"), ("g", "J"), ("h", "H"), ("k", "K"),
    ("q", "K"), ("c", "K"), ("d", "D"), ("r", "R"), ("z", "Z"), ("s", "S"), ("x", "KS"),
    ("f", "F"), ("v", "F"), ("l", "L"), ("m", "M"), ("n", "N"),
]  # fmt: skip
_LATIN_RE = re.compile("|".join(re.escape(s) for s, _ in _LATIN_CLASS) + "|.")
_LATIN_MAP = dict(_LATIN_CLASS)
# The Latin article before a name: "El Othmani", "al-Qods", "Ar-Rachidia" (assimilated).
_LATIN_ARTICLE = re.compile(r"^(?:al|el|ar|er|as|es|at|et|ad|ed|an|en|az|ez)-(?=\w)")


def _collapse(classes: Iterable[str]) -> str:
    out: list[str] = []
    for c in classes:
        # Letters without a class (vowels) are skipped, not kept as gaps: Arabic leaves
        # them out too, so "Aziz" (Z, Z around a vowel) is one Z like "عزيز".
        if c and (not out or out[-1] != c):
            out.append(c)
    return "".join(out)


def sound_word(word: str) -> str:
    """The consonant skeleton of one word, Arabic or Latin (doubled consonants once)."""
    if _ARABIC_LETTERS.search(word):
        folded = fold_letters(word)
        if folded.startswith("ال") and len(folded) > 3:
            folded = folded[2:]
        if folded.endswith("ه") and len(folded) > 2:
            folded = folded[:-1]  # taa marbuta, read as a vowel ("فاطمة", Fatima)
        return _collapse(_ARABIC_CLASS[c] for c in folded if c in _ARABIC_CLASS)
    folded = _LATIN_ARTICLE.sub("", latin_fold(word))
    if folded.endswith("h") and len(folded) > 2 and folded[-2] in "aeiou":
        folded = folded[:-1]  # "Fatimah", "Allah": a final h after a vowel is the taa marbuta
    return _collapse(_LATIN_MAP.get(m, "") for m in _LATIN_RE.findall(folded))


def sound_words(text: str) -> list[str]:
    """The skeleton of each word (Latin article words such as "El" left out)."""
    words = latin_fold(text).split() if is_latin(text) else text.split()
    return [s for w in words if w not in ("al", "el") and (s := sound_word(w))]


def name_terms(name: str, latin_names: Iterable[str] = ()) -> set[tuple[str, str]]:
    """The (kind, term) pairs a registry entity is found under, for one of its Arabic names
    and its Latin names."""
    terms: set[tuple[str, str]] = set()
    key = entity_key(name)
    if key:
        terms.add((NAME, key))
        words = key.split()
        if len(words) > 1:
            terms.update((WORD, w) for w in words if len(w) >= MIN_WORD)
    for text in (name, *latin_names):
        sounds = sound_words(text)
        if len("".join(sounds)) >= MIN_SOUND:
            terms.add((SOUND, "".join(sounds)))
        if len(sounds) > 1:
            terms.update((SOUND_WORD, s) for s in sounds if len(s) >= MIN_SOUND)
    for latin in latin_names:
        folded = latin_fold(latin)
        if folded:
            terms.add((LATIN, folded))
            words = folded.split()
            if len(words) > 1:
                terms.update((LATIN_WORD, w) for w in words if len(w) >= MIN_WORD)
    return terms


def query_terms(query: str) -> list[list[tuple[str, str]]]:
    """What a query looks up, in tiers: the registry entities the first tier that finds any
    finds are the answer.

    A name first: an Arabic query names an entity by any of its spellings ("الإنتربول"),
    a Latin one by a Latin name ("Interpol"). Then a whole word of a name: "حموشي" finds
    "عبد اللطيف حموشي" (when no entity is named just "حموشي"), "Hammouchi" finds
    "Abdellatif Hammouchi". A Latin query then tries the consonant skeleton, of the whole
    name and then of one word: "Akhannouch" finds "عزيز أخنوش". A name found exactly is
    never drowned in the names that merely contain it ("المغرب" is not "بنك المغرب").
    """
    if is_latin(query):
        folded = latin_fold(query)
        if not folded:
            return []
        single = " " not in folded
        tiers = [[(LATIN, folded)]]
        if single and len(folded) >= MIN_WORD:
            tiers.append([(LATIN_WORD, folded)])
        sounds = sound_words(query)
        joined = "".join(sounds)
        if len(joined) >= MIN_SOUND:
            tiers.append([(SOUND, joined)])
            if len(sounds) == 1:
                tiers.append([(SOUND_WORD, joined)])
        return tiers
    key = entity_key(query)
    if not key:
        return []
    tiers = [[(NAME, key)]]
    if " " not in key and len(key) >= MIN_WORD:
        tiers.append([(WORD, key)])
    return tiers


def link_tiers(
    name: str, latin_names: Iterable[str], label: str
) -> list[list[tuple[str, str]]]:
    """What to look up, in tiers, to find the entity of the other script that ``name``
    names: an Arabic name finds its Latin-script entity and a Latin name its Arabic one.

    ``latin_names`` are the name's Latin forms (for a Latin name, the name itself). Both
    kinds of entity file their Latin forms under ``latin`` and skeletons under ``sound``
    (``name_terms``), so one set of tiers works both ways: a Latin form first ("Aziz
    Akhannouch", "Rabat"), then the whole name's consonant skeleton. A one-word person or
    organization also tries a word of a Latin name ("Akhannouch" of "Aziz Akhannouch"),
    and a longer one the last word of its Latin forms (the surname an article gave alone).
    The caller joins only when a tier finds exactly one entity of the other script.
    """
    latin = [f for f in (latin_fold(n) for n in latin_names) if f]
    tiers: list[list[tuple[str, str]]] = []
    if latin:
        tiers.append([(LATIN, f) for f in sorted(set(latin))])
    sounds = {
        joined
        for text in (name, *latin_names)
        if len(joined := "".join(sound_words(text))) >= MIN_SOUND
    }
    if sounds:
        tiers.append([(SOUND, s) for s in sorted(sounds)])
    if label in SHORT_FORM_LABELS and latin:
        # A surname looks for full names holding it by spelling and by skeleton at once, so
        # a second full name whose romanization spells it otherwise ("Banmousa") still
        # counts against the join.
        words = {f for f in latin if " " not in f and len(f) >= MIN_WORD}
        if words:
            sounds_of = {s for w in words if len(s := sound_word(w)) >= MIN_SOUND}
            tiers.append(
                [(LATIN_WORD, w) for w in sorted(words)]
                + [(SOUND_WORD, s) for s in sorted(sounds_of)]
            )
        # Only an Arabic full name takes in a Latin surname: two Latin full names ending in
        # one surname must not both join the Arabic entity filed under it.
        heads = {f.split()[-1] for f in latin if " " in f and len(f.split()[-1]) >= MIN_WORD}
        if heads and not is_latin(name):
            tiers.append([(LATIN, h) for h in sorted(heads)])
    return tiers


def short_form_owner(
    key: str, label: str, candidates: Iterable[tuple[int, str]]
) -> int | None:
    """The registry entity a one-word name belongs to, if exactly one fits.

    ``candidates`` are (id, key) of registry entities with this label whose last word is
    ``key``. A person's surname joins the one full name it ends; an organization's head noun
    the one two-word name it ends ("الأنتربول" → "منظمة الأنتربول"). None when the name
    has several words, the label takes no short forms, or the owner is ambiguous.
    """
    if " " in key or label not in SHORT_FORM_LABELS:
        return None
    owners = {
        rid
        for rid, other in candidates
        if other != key
        and other.split()[-1] == key
        and (label == "PER" or len(other.split()) == 2)
    }
    return owners.pop() if len(owners) == 1 else None
