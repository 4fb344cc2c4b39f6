"""What grouping reads off an ``EnrichedArticle``: the one place that decides which entities and
dates count, shared by the store and the evaluation."""

from __future__ import annotations

import datetime as dt

from akhbar.shared.arabic import matching_form
from akhbar.shared.schemas import EnrichedArticle
from akhbar.store.stories.grouping import Doc

# Dates written out in the text ("on 12 March") say which event; relative ones ("today",
# "yesterday") resolve to the publication day, which every report of the day shares.
EVENT_DATE_KINDS = frozenset({"date", "range"})


def entity_keys(article: EnrichedArticle) -> frozenset[str]:
    return frozenset(f"{e.label}:{matching_form(e.canonical)}" for e in article.entities)


def date_keys(article: EnrichedArticle) -> frozenset[str]:
    return frozenset(d.value for d in article.dates if d.kind in EVENT_DATE_KINDS)


def doc_from_article(article: EnrichedArticle, published: dt.datetime) -> Doc:
    """``published``: the instant grouping files the article under (naive UTC); the store
    passes the publication time, or the time it first stored the article when it has none."""
    return Doc(
        id=article.id,
        published=published,
        title=article.title,
        body=tuple(article.body),
        outlet=article.source_name,
        entities=entity_keys(article),
        dates=date_keys(article),
    )
