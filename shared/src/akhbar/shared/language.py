"""Which language a text is written in, offline: script first, then a model for Latin script.

Moroccan outlets publish in Arabic and French, some pages mix both, and Amazigh appears in
Tifinagh. The writing system settles most of it at the cost of two regex scans: Arabic
letters are Arabic (``ar``; Darija and Arabic-script quotes included), Tifinagh letters are
Standard Moroccan Amazigh (``zgh``). Only text written mostly in another script goes to a
model: py3langid's naive Bayes over byte n-grams, which ships inside its wheel (4.4 MB) and
never downloads anything. For Latin script it chooses among the Latin-script languages news
pages use, so a short French line is not taken for Occitan or Latin.

Codes are ISO 639-1 where one exists (``zgh`` has none). ``None`` means no letters to judge
by (an empty field, a line of digits).

Plain Python, no Redis: parse tags each article with it, enrich decides which extractors
may read a field, and the extractors themselves ask ``main_script`` of a sentence.
"""

from __future__ import annotations

import copy
import re
import threading
from collections.abc import Iterable

from akhbar.shared.schemas import Article

ARABIC, LATIN, TIFINAGH, OTHER = "arabic", "latin", "tifinagh", "other"

# Arabic block, supplement, extended-A and the presentation forms pasted by old pages.
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_TIFINAGH = re.compile("[\u2d30-\u2d7f]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
_LETTER = re.compile(r"[^\W\d_]")

# Latin-script languages a Moroccan or Arab news page may carry; the model chooses among
# these only (on a line of twenty letters the full 97-language model sometimes says "la"
# or "oc" for French).
LATIN_LANGUAGES = (
    "fr", "en", "es", "pt", "it", "de", "nl", "ca", "ro", "pl", "tr", "id", "sv", "da", "nb",
)  # fmt: skip

_LOCK = threading.Lock()
_MODELS: tuple | None = None  # (full identifier, identifier restricted to LATIN_LANGUAGES)


def _models():
    """py3langid's model, loaded once per process on first use (about a second)."""
    global _MODELS
    if _MODELS is None:
        with _LOCK:
            if _MODELS is None:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                full = LanguageIdentifier.from_model_file(MODEL_FILE)
                latin = copy.copy(full)  # shares the arrays; set_languages re-slices them
                latin.set_languages([c for c in LATIN_LANGUAGES if c in full.labels])
                _MODELS = (full, latin)
    return _MODELS


def script_counts(text: str) -> tuple[int, int, int, int]:
    """Letters of ``text`` in Arabic, Latin and Tifinagh script, and letters in total."""
    return (
        len(_ARABIC.findall(text)),
        len(_LATIN.findall(text)),
        len(_TIFINAGH.findall(text)),
        len(_LETTER.findall(text)),
    )


def main_script(text: str) -> str | None:
    """The script most of ``text``'s letters are written in, None without letters.

    Arabic wins a tie with Latin: an Arabic sentence quoting a Latin title ("«Sin City»")
    stays Arabic.
    """
    if _LATIN.search(text) is None:  # the usual Arabic paragraph: one scan in C
        if _ARABIC.search(text) is not None:
            return ARABIC
        if _TIFINAGH.search(text) is not None:
            return TIFINAGH
        return OTHER if _LETTER.search(text) else None
    arabic, latin, tifinagh, letters = script_counts(text)
    other = letters - arabic - latin - tifinagh
    best = max(
        (arabic, 3, ARABIC), (latin, 2, LATIN), (tifinagh, 1, TIFINAGH), (other, 0, OTHER)
    )
    return best[2] if best[0] else None


def detect(text: str) -> str | None:
    """The language of ``text``: ISO 639-1 (``zgh`` for Tifinagh), None without letters."""
    script = main_script(text)
    if script is None:
        return None
    if script == ARABIC:
        return "ar"
    if script == TIFINAGH:
        return "zgh"
    full, latin = _models()
    model = latin if script == LATIN else full
    return model.classify(text)[0]


def detect_fields(fields: Iterable[tuple[str, str]]) -> tuple[str | None, dict[str, str]]:
    """The language of a document and of each of its (name, text) fields.

    The document's is the language holding most letters across the fields; the map holds
    every field that has letters. Each field is judged alone, so a French lead in an
    Arabic page is French.
    """
    languages: dict[str, str] = {}
    weight: dict[str, int] = {}
    for name, text in fields:
        language = detect(text) if text else None
        if language is None:
            continue
        languages[name] = language
        weight[language] = weight.get(language, 0) + len(_LETTER.findall(text))
    main = max(weight, key=lambda lang: weight[lang]) if weight else None
    return main, languages


def with_languages(article: Article) -> Article:
    """``article`` with ``language`` and ``languages`` set from its text (see the schema)."""
    main, every = detect_fields(article.fields())
    others = {name: lang for name, lang in every.items() if lang != main}
    return article.model_copy(update={"language": main, "languages": others})
