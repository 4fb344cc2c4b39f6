"""Enrichment of a parsed article: entities and date expressions in every field."""

from __future__ import annotations

from akhbar.enrich.dates import find_dates
from akhbar.enrich.entities import find_entities_in_fields
from akhbar.shared.schemas import Article, DateMention, EnrichedArticle


def enrich(article: Article) -> EnrichedArticle:
    """Entities and dates of the title, each body paragraph and each headline.

    Dates resolve against the publication date, so "أمس" in a 2025 article is a 2025 day.
    """
    fields = [(name, text) for name, text in article.fields() if text]
    entities = find_entities_in_fields(fields)
    ref = article.published_date
    dates: list[DateMention] = []
    for name, text in fields:
        for mention in find_dates(text, ref):
            dates.append(mention.model_copy(update={"field": name}))
    return EnrichedArticle(**article.model_dump(), entities=entities, dates=dates)
