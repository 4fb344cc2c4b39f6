"""Arabic proclitics: the conjunctions, prepositions and article glued to the front of a word.

"وبالمغرب" is و + ب + المغرب. Features look at the bare stem so that a name is
recognised whatever is attached to it; spans drop the conjunction/preposition letters
(never the article, which is part of a name as written: المغرب).
All functions take a word already passed through ``normalize``.
"""

from __future__ import annotations

from collections.abc import Collection, Container, Mapping, Sequence

from .triggers import STREET_NOUNS, TRIGGERS

_CONJ = "وف"
_PREP = "بلك"


def split_article(word: str) -> tuple[str, str]:
    """(prefix, rest) for a leading article: "ال" and the "لل" that ل + ال contracts to."""
    if word.startswith("ال") and len(word) > 3:
        return "ال", word[2:]
    return "", word


def strip_proclitics(word: str) -> tuple[str, str]:
    """Split the longest plausible proclitic chain off ``word``: (clitics, stem).

    Greedy and lexicon-free, for features: a name starting with one of these letters
    (بيروت, لبنان, فاس) is over-split, which is why the whole word stays a feature too.
    A chain is only taken when at least three letters remain.
    """
    i = 0
    if len(word) > 3 and word[0] in _CONJ:
        i = 1
    if len(word) - i > 3 and word[i] in _PREP:
        # ل + ال is written لل: the stem keeps no article letters.
        if word[i] == "ل" and word[i + 1] == "ل" and len(word) - i > 4:
            return word[: i + 2], word[i + 2 :]
        i += 1
    if word.startswith("ال", i) and len(word) - i > 4:
        return word[: i + 2], word[i + 2 :]
    return word[:i], word[i:]


def indefinite_head(word: str, heads: Container[str]) -> str | None:
    """The head noun of ``heads`` that ``word`` is, with at most a conjunction/preposition
    before it and no article, or None: an indefinite head takes a name as its genitive
    ("بمستشفى X", "كورنيش جدة"); after "الكنيسة" a name is in apposition."""
    if word in heads:  # before stripping: "وكاله", "كورنيش" are heads, not و/ك + the rest
        return word
    clitics, stem = strip_proclitics(word)
    if clitics.endswith(("ال", "لل")):
        return None
    return stem if stem in heads else None


def attached_prefix(
    word: str,
    label: str,
    known: Mapping[str, Collection[str]],
    tail: Sequence[str] = (),
    phrases: Mapping[tuple[str, ...], Collection[str]] | None = None,
    corpus: Container[str] = (),
) -> int:
    """How many leading letters of an entity's first word are a conjunction/preposition.

    "بمراكش" -> 1, "وبالمغرب" -> 2, "للأنتربول" -> 2 ("لل": the article's alef is not
    written, so the span starts at the name), "لبنان" -> 0. ``known`` maps normalized
    one-word names to their labels. Letters are cut when the rest starts with the article,
    or is a known name of the same ``label`` while the whole word is not (وجدة is a city,
    not و + جدة); names that begin with these letters (لبنان, بيروت, فاس) leave no known
    rest of their label behind. A leading و before an unknown word is the conjunction.
    The rest may also be the head noun an organization's, place's or event's name starts
    with ("لجماعة الإخوان المسلمين" -> جماعة, "ببطولة ..." -> بطولة, "بميدان التحرير" ->
    ميدان): no name starts with a clitic glued to such a head. The shortest cut that leaves
    a known name wins: "وكريم" is و + كريم, not و + ك + ريم. With the entity's other words
    (``tail``) and the known multi-word names (``phrases``: normalized words -> labels), a
    rest that starts a known name of the label is cut too ("بإسلام آباد", "ببني ملال").

    ``corpus`` (the words the unlabelled news uses on their own, ``Clusters``) settles the
    names no list holds: a rest the news writes alone is a word of its own, so the letters
    before it are clitics ("بطنطا", "بدمنهور", "لمصراوي"; for a person only when the whole
    word is not itself a word of the news: "لمرسي" is cut, "فيصل" is not cut to يصل). A
    word the news writes whose rest it never writes alone keeps its first letters
    ("كاليفورنيا" is no ك + the article, "وثيقة" no و + ثيقة).
    """
    heads = _NAME_HEADS.get(label, frozenset())

    def names(rest: str) -> bool:  # ``rest`` (and the tail) spell a known name of the label
        if label in known.get(rest, ()):
            return True
        return bool(tail) and phrases is not None and label in phrases.get((rest, *tail), ())

    for cut in (2, 1):
        head, rest = word[:cut], word[cut:]
        if len(rest) < 3 or not _is_clitic_chain(head):
            continue
        if rest.startswith("ال") and len(rest) > 3:
            if word in corpus and rest not in corpus:
                continue
            return cut
        # A known one-word name, or a head noun as written, opens the name ("وجدة",
        # "بحيرة ناصر"). The whole word is not looked up among the multi-word names: those
        # learned from ANERcorp keep its clitics ("لجامعة الدول العربية").
        if label in known.get(word, ()) or word in heads:
            continue
        if any(names(word[c:]) for c in range(1, cut)):
            continue  # a shorter cut leaves a known name: "وكريم" is و + كريم
        if names(rest) or label in known.get("ال" + rest, ()) or rest in heads:
            return cut
        if tail and phrases is not None and label in phrases.get((word, *tail), ()):
            continue  # the whole word opens a known name as written
        if rest in corpus and (word not in corpus if label == "PER" else len(rest) > 3):
            return cut
    if word.startswith("لل") and len(word) > 4:
        return 2
    if word[:1] == "و" and len(word) > 3 and word not in known:
        return 0 if word in corpus and word[1:] not in corpus else 1
    return 0


def _heads(trigger_class: str) -> frozenset[str]:
    return frozenset(w for w, c in TRIGGERS.items() if c == trigger_class)


# The head nouns that open names of a label (``triggers``); جماعة is filed there as a place
# noun (a Moroccan commune) and heads groups too (جماعة الإخوان المسلمين, جماعة العدل والإحسان).
# A few more heads of place and event names are listed here only: in the trigger lists they
# would be CRF features, and the shipped models were trained without them.
_NAME_HEADS = {
    "ORG": _heads("TORG") | {"جماعه", "بلديه"},
    "LOC": _heads("TLOC") | STREET_NOUNS | {"مخيم", "ضاحيه", "حاره", "بحيره"},
    "MISC": _heads("TMISC") | {"ثوره", "انتفاضه"},
}


def _is_clitic_chain(head: str) -> bool:
    if len(head) == 1:
        return head in _CONJ or head in _PREP
    return head[0] in _CONJ and head[1] in _PREP or head == "لل"
