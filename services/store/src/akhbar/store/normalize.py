"""Arabic normalization for matching: the same folding on what is stored and what is asked.

Arabic spelling varies in ways readers ignore: hamza on alef or not, final yaa written as
alef maqsura, taa marbuta written as haa, optional diacritics and tatweel stretching.
A search that did not fold these would miss most of what people mean.
"""

from __future__ import annotations

import functools
import re

from akhbar.shared.arabic import matching_form

_WORD = re.compile(r"\w+")
# The definite article and the one-letter conjunctions/prepositions glued in front of it.
# "المغرب", "والمغرب", "بالمغرب" and "للمغرب" must all find "مغرب".
# Longest first; the lookahead keeps at least two letters of the word itself.
_ARTICLE = re.compile(r"^(?:وال|بال|كال|فال|لل|ال)(?=\w\w)")
_ARTICLE_STARTS = ("ا", "و", "ب", "ك", "ف", "ل")
_PROCLITICS = frozenset("وفبلك")


def normalize(text: str) -> str:
    """Fold spelling variants so two spellings a reader treats as one compare equal (the
    shared ``matching_form``, so stored text and queries fold as parse's matching does)."""
    return matching_form(text)


def strip_article(token: str) -> str:
    """Drop a leading definite article (with its clitic) when a real word remains."""
    if not token.startswith(_ARTICLE_STARTS):
        return token  # most words: skip the regex
    return _ARTICLE.sub("", token, count=1)


def search_tokens(text: str) -> list[str]:
    """The words of ``text`` as the full-text index holds them."""
    return [strip_article(word) for word in _WORD.findall(normalize(text))]


def index_terms(token: str) -> list[str]:
    """What one normalized word of a document is indexed under.

    Besides the word itself, the word without a one-letter proclitic (wa-, fa-, bi-, li-, ka-):
    "لإطلاق" must be found by "إطلاق". Queries are not expanded, so a query for the
    clitic form still finds exactly that form; the cost is rare false hits on
    words whose first letter only looks like a clitic ("بيت" also indexed as "يت").
    """
    terms = [strip_article(token)]
    if token[0] in _PROCLITICS and len(token) >= 4:
        bare = strip_article(token[1:])
        if bare != terms[0]:
            terms.append(bare)
    return terms


def search_document(*parts: str) -> str:
    """One space-separated string of index terms for the given text fields."""
    return " ".join(_terms_of(word) for part in parts for word in _WORD.findall(normalize(part)))


@functools.lru_cache(maxsize=200_000)  # a few hundred words make most of any Arabic text
def _terms_of(word: str) -> str:
    return " ".join(index_terms(word))
