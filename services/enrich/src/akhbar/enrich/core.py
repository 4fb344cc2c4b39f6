"""Enrichment of a parsed article: entities and date expressions in every field.

Each field is read by the extractors of its own language (``Article.language_of``, set by
parse): Arabic fields by the Arabic date grammar and tagger, French fields by the French
ones. A field in a language akhbar has no extractor for (English, Spanish, Amazigh) gets
none: an Arabic model on Latin text finds only garbage.
"""

from __future__ import annotations

import datetime as dt

from akhbar.enrich.dates import find_dates, find_dates_in_headline
from akhbar.enrich.dates.french import find_dates_fr
from akhbar.enrich.entities import find_entities_in_fields
from akhbar.enrich.entities.french import find_entities_fr_in_fields
from akhbar.shared.language import detect, detect_fields
from akhbar.shared.schemas import Article, DateMention, EnrichedArticle, Entity

# Languages with a date extractor: (for body text, for a headline printing its own date).
DATE_EXTRACTORS = {
    "ar": (find_dates, find_dates_in_headline),
    "fr": (find_dates_fr, find_dates_fr),
}


def field_languages(article: Article) -> dict[str, str | None]:
    """The language of every field: as parse set it, or detected here for a message from
    before schema version 2 (no ``language`` and no ``languages``)."""
    fields = article.fields()
    if article.language is None and not article.languages:
        _, found = detect_fields(fields)
        return {name: found.get(name) for name, _ in fields}
    return {name: article.language_of(name) for name, _ in fields}


def find_dates_any(
    text: str, ref: dt.date | None = None, language: str | None = None, *, headline: bool = False
) -> list[DateMention]:
    """Dates of ``text`` by the extractor of its language (detected when not given); none
    for a language without one."""
    extractors = DATE_EXTRACTORS.get(language if language is not None else detect(text) or "")
    if extractors is None:
        return []
    return extractors[1 if headline else 0](text, ref)


def find_entities_any(text: str, language: str | None = None) -> list[Entity]:
    """Entities of ``text`` by the recognizer of its language (detected when not given);
    none for a language without one."""
    language = language if language is not None else detect(text)
    if language == "ar":
        return find_entities_in_fields([("text", text)])
    if language == "fr":
        return find_entities_fr_in_fields([("text", text)])
    return []


def enrich(article: Article) -> EnrichedArticle:
    """Entities and dates of the title, each body paragraph and each headline.

    Dates resolve against the publication date, so "أمس" in a 2025 article is a 2025 day;
    a headline that prints its own date ("27/11/2025 | ... الأحد") resolves against that.
    """
    languages = field_languages(article)
    fields = [(name, text) for name, text in article.fields() if text]
    arabic = [(name, text) for name, text in fields if languages.get(name) == "ar"]
    french = [(name, text) for name, text in fields if languages.get(name) == "fr"]
    entities = find_entities_in_fields(arabic) + find_entities_fr_in_fields(french)
    ref = article.published_date
    dates: list[DateMention] = []
    for name, text in fields:
        headline = name.startswith("headlines.")
        for mention in find_dates_any(text, ref, languages.get(name) or "", headline=headline):
            dates.append(mention.model_copy(update={"field": name}))
    order = {name: i for i, (name, _) in enumerate(fields)}
    entities.sort(key=lambda e: (order[e.field], e.start))
    return EnrichedArticle(**article.model_dump(), entities=entities, dates=dates)
