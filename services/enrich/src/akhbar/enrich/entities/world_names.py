"""Names of the wider Arab world the recognizer tags wherever the model left them untagged.

Three sources: the hand-written places of the Arab world (``lists/places_ar.tsv``: regions,
provinces and towns its news names every day, which ANERcorp's 2007 Levantine newswire rarely
holds), the hand-written organizations (``lists/organizations_ar.tsv``: councils, parties,
regional bodies, agencies, companies, by the project's annotation rules), and every country's
Arabic name from CLDR (Babel, already a dependency for month names). A headline names them
with no article around it, where the model most often leaves them untagged
(docs/entities.md, "Listed names of the Arab world"). Morocco's own are in
``lists/news_names.tsv`` (``news``), which training also reads; these lists are read at run
time only, so training's output does not depend on them.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from babel import Locale

from .clitics import split_article
from .normalize import normalize

# CLDR territory codes that are no country's name: groupings (EU, EZ, UN, QO), test
# locales (XA, XB), the unknown region (ZZ).
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})
# A CLDR name that is also a common word once normalized: مالي is "financial".
_AMBIGUOUS = frozenset({"مالي"})


@cache
def world_names() -> tuple[tuple[str, str], ...]:
    """(label, phrase) rows: the listed places ("LOC"), CLDR's Arabic country names ("LOC"),
    the listed organizations ("ORG"), and the listed non-names ("O", ``lists/non_names_ar.tsv``:
    case counts and epidemics, never a name's part)."""
    places = _phrases("places_ar.tsv") + country_names()
    rows = [("LOC", p) for p in dict.fromkeys(places)]
    rows += [("ORG", p) for p in dict.fromkeys(_phrases("organizations_ar.tsv"))]
    rows += [("O", p) for p in dict.fromkeys(_phrases("non_names_ar.tsv"))]
    return tuple(rows)


def _phrases(name: str) -> list[str]:
    """The phrases of one list file: a name per line, "#" lines are comments."""
    text = (resources.files(__package__) / "lists" / name).read_text(encoding="utf-8")
    phrases = [" ".join(line.split()) for line in text.splitlines()]
    return [p for p in phrases if p and not p.startswith("#")]


def country_names() -> list[str]:
    """CLDR's Arabic names of the countries, where one is a plain phrase: "الكونغو -
    كينشاسا" and "ميانمار (بورما)" are CLDR's disambiguations, not what the press writes."""
    names = []
    for code, name in Locale("ar").territories.items():
        if not code.isalpha() or code in _NOT_COUNTRIES or name in _AMBIGUOUS:
            continue
        if any(ch in name for ch in "-()،,"):
            continue
        names.append(name)
    return sorted(names)


@cache
def country_keys() -> frozenset[str]:
    """The country names of ``country_names``, normalized, without a leading article:
    what ``spans.name_clubs`` compares a place with ("المغرب" -> "مغرب")."""
    keys = set()
    for name in country_names():
        words = normalize(name).split()
        keys.add(" ".join([split_article(words[0])[1], *words[1:]]))
    return frozenset(keys)
