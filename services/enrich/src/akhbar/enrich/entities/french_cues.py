"""Names a French sentence announces with a common noun, events, and given names the model
cut short: rules on top of the French CRF (``french.py``).

The CRF learned from newspapers of 1870-1945 (Europeana), which have no MISC and few of
today's stadiums, companies and festivals. French news announces most such names with a
lower-case noun before them ("le stade Prince Moulay Abdellah", "le constructeur Renault",
"le festival Mawazine"): the capitalized words after the noun are the name, and the noun
says its label (the noun itself stays out, as the annotation conventions want). Events
named by a capitalized head ("Coupe du monde", "Jeux olympiques", "Festival international
du film de Marrakech") and nationalities used as nouns ("les Marocains") are MISC.
"""

from __future__ import annotations

import re

from .french import Lexicon, fold, head_span_end, lower_lead

Span = tuple[int, int, str]  # token start, end, label

# Lower-case nouns that announce the name after them, by the label of that name.
_CUES = {
    "LOC": "stade avenue boulevard rue place quartier aéroport gare port complexe salle pont "
    "barrage oued mont massif lac île détroit cap route autoroute région province préfecture "
    "commune wilaya village douar oasis plage forêt parc palais mosquée",
    "ORG": "constructeur groupe compagnie opérateur firme société entreprise banque club "
    "quotidien journal hebdomadaire magazine chaîne radio site assureur transporteur "
    "cimentier laboratoire start-up plateforme holding parti syndicat cabinet agence "
    "fabricant distributeur équipementier exploitant promoteur brasseur",
    "MISC": "festival salon forum tournoi championnat sommet opération programme plan "
    "initiative moussem fête festivités exposition biennale marathon rallye prix trophée "
    "film livre roman album série émission navire",
}
_CUE_LABEL = {fold(w): label for label, words in _CUES.items() for w in words.split()}
# Capitalized common words a cue noun is often followed by ("le site Internet").
_NOT_NAMES = frozenset("internet web".split())

# Capitalized heads that open the name of an event ("Coupe d'Afrique des nations").
_EVENT_HEADS = frozenset(
    fold(w)
    for w in (
        "Festival Salon Forum Coupe Jeux Championnat Championnats Sommet Exposition Mondial "
        "Biennale Marathon Trophée Rallye Moussem Journées Assises Rencontres"
    ).split()
)
# Acronyms of events, with the year or number that often follows ("CAN 2025", "COP 30").
_EVENT_ACRONYMS = frozenset("can cop jo chan jmj".split())
# Nationalities and inhabitants as plural nouns, after a determiner: "les Marocains".
_DEMONYM = re.compile(r"(?:ains|aines|ais|aises|ois|oises|iens|iennes|éens|éennes|ites|ans)$")
_DETERMINERS = frozenset("les des aux ces nos vos leurs deux trois plusieurs".split())
# Plural nouns of that form that name parties, not peoples.
_PARTIES = frozenset(fold(w) for w in "Républicains Démocrates Insoumis Écologistes".split())


def _capitalized(word: str) -> bool:
    return word[:1].isupper() and word[:1].isalpha()


def _run_end(words: list[str], i: int, numbers: bool = False) -> int:
    """End of the run of capitalized words (and, if ``numbers``, numbers) from ``i``."""
    j = i
    while j < len(words) and (
        _capitalized(words[j]) or (numbers and j > i and words[j].isdigit())
    ):
        j += 1
    return j


def cue_spans(words: list[str], lex: Lexicon) -> list[Span]:
    """Names announced by a lower-case noun, events, event acronyms and nationalities."""
    spans: list[Span] = []
    n, i = len(words), 0
    while i < n:
        w, low = words[i], fold(words[i])
        label = _CUE_LABEL.get(low) if w[:1].islower() else None
        if (
            label
            and i + 1 < n
            and _capitalized(words[i + 1])
            and fold(words[i + 1]) not in _NOT_NAMES
        ):
            end = _run_end(words, i + 1, numbers=label == "MISC")
            spans.append((i + 1, end, label))
            i = end
            continue
        if _capitalized(w) and low in _EVENT_HEADS and i + 1 < n:
            end = head_span_end(words, i)
            if end > i + 1:
                spans.append((i, end, "MISC"))
                i = end
                continue
        if w.isupper() and low in _EVENT_ACRONYMS:
            end = i + 1 + (i + 1 < n and words[i + 1].isdigit())
            spans.append((i, end, "MISC"))
            i = end
            continue
        if (
            i > 0
            and fold(words[i - 1]) in _DETERMINERS
            and _capitalized(w)
            and not w.isupper()
            and _DEMONYM.search(low)
            and "gaz" not in lex.get(low, ())
        ):
            spans.append((i, i + 1, "ORG" if low in _PARTIES else "MISC"))
        i += 1
    return spans


def complete_given_names(spans: list[Span], words: list[str], lex: Lexicon) -> list[Span]:
    """A person the model cut after the given name ("Walid" of "Walid Regragui", a surname
    it never saw) gets the capitalized words that follow: a name of given names only is
    rarely a whole name in news."""
    out = []
    for a, b, label in spans:
        if label == "PER" and all("fname" in lex.get(fold(w), ()) for w in words[a:b]):
            end = b
            while (
                end < len(words)
                and end < b + 2
                and _capitalized(words[end])
                and not lex.get(fold(words[end]))
                and fold(words[end]) not in _CUE_LABEL
            ):
                end += 1
            b = end
        out.append((a, b, label))
    return out


def overlay(
    first: list[Span], then: list[Span], words: list[str], lex: Lexicon
) -> list[Span]:
    """``first``, and the spans of ``then`` that overlap none of them. A span of ``then``
    that runs on past one of ``first`` keeps its part after it when that part is a name of
    its own ("Rabat" of the model's "Moulay Abdellah de Rabat" after the stadium's name);
    the label was the whole span's, so a part the gazetteer knows as a place is LOC."""
    out = list(first)
    for a, b, label in then:
        overlapping = [fb for fa, fb, _ in first if not (b <= fa or a >= fb)]
        if overlapping:
            a = max(overlapping)
            if a >= b:
                continue
            a += lower_lead(words[a:b])
            if not words[a][:1].isupper() or not all(b <= fa or a >= fb for fa, fb, _ in first):
                continue
            if all("gaz" in lex.get(fold(w), ()) for w in words[a:b] if w[:1].isupper()):
                label = "LOC"
        out.append((a, b, label))
    return sorted(out)
