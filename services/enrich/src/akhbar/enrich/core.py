"""Enrichment of a parsed article: entities and date expressions in every field."""

from __future__ import annotations

from akhbar.enrich.dates import find_dates, find_dates_in_headline
from akhbar.enrich.entities import find_entities_in_fields
from akhbar.shared.schemas import Article, DateMention, EnrichedArticle


def enrich(article: Article) -> EnrichedArticle:
    """Entities and dates of the title, each body paragraph and each headline.

    Dates resolve against the publication date, so "أمس" in a 2025 article is a 2025 day;
    a headline that prints its own date ("27/11/2025 | ... الأحد") resolves against that.
    """
    fields = [(name, text) for name, text in article.fields() if text]
    entities = find_entities_in_fields(fields)
    ref = article.published_date
    dates: list[DateMention] = []
    for name, text in fields:
        find = find_dates_in_headline if name.startswith("headlines.") else find_dates
        for mention in find(text, ref):
            dates.append(mention.model_copy(update={"field": name}))
    return EnrichedArticle(**article.model_dump(), entities=entities, dates=dates)
