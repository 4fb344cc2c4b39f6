"""What the store's queries answer with (besides whole ``EnrichedArticle``s)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

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
    # The story it was grouped into (None for an article stored before grouping existed).
    story_id: str | None = None


class TopEntity(BaseModel):
    """An entity and how much it was mentioned in the articles a query covered."""

    canonical: str
    label: EntityLabel
    articles: int
    mentions: int


class EntityAlias(BaseModel):
    """One way an entity is written: a surface form seen in articles (with its mentions),
    or a Latin name (romanized or from the table of places and organizations)."""

    alias: str
    script: Literal["arabic", "latin"]
    source: Literal["seen", "latin"]
    mentions: int


class RegistryEntity(BaseModel):
    """One entity across the whole store: every spelling of it counted as one."""

    id: int
    name: str
    label: EntityLabel
    articles: int
    mentions: int
    first_seen: dt.datetime | None = None
    last_seen: dt.datetime | None = None
    latin: list[str] = []


class RelatedEntity(BaseModel):
    """An entity mentioned with another: in how many of the other's (latest) articles."""

    id: int
    name: str
    label: EntityLabel
    articles: int


class DayCount(BaseModel):
    """Mentions of an entity in the articles published on one day."""

    day: dt.date
    articles: int
    mentions: int


class EntityDetail(RegistryEntity):
    """``akhbar entities show``: the entity, its aliases, who it is mentioned with, per day."""

    aliases: list[EntityAlias] = []
    related: list[RelatedEntity] = []
    timeline: list[DayCount] = []
