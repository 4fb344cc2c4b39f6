"""The enrich stage: ``ArticleParsed`` in, ``ArticleEnriched`` out."""

from __future__ import annotations

from akhbar.enrich.core import enrich
from akhbar.shared.reliable import Processed
from akhbar.shared.schemas import ArticleEnriched, ArticleParsed
from akhbar.shared.wire import load


def handle(fields: dict[str, str]) -> Processed:
    parsed = load(ArticleParsed, fields)
    enriched = enrich(parsed.article)
    return Processed(
        ArticleEnriched(article=enriched), enriched.id,
        {"article_id": enriched.id, "entities": len(enriched.entities), "dates": len(enriched.dates)},
    )
