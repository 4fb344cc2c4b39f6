"""What the store's queries answer with (besides whole ``EnrichedArticle``s)."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel

from akhbar.shared.schemas import EntityLabel


class ArticleSummary(BaseModel):
    """One search hit: enough to show a list and to fetch the whole article by ``id``."""

    id: str
    title: str
    source_name: str | None = None
    published: dt.datetime | dt.date | None = None
    url: str | None = None
    original_url: str | None = None


class TopEntity(BaseModel):
    """An entity and how much it was mentioned in the articles a query covered."""

    canonical: str
    label: EntityLabel
    articles: int
    mentions: int
