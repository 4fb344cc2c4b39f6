"""What the story queries answer with (``akhbar stories list/show``, ``/stories``)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel

from akhbar.shared.schemas import EntityLabel

Relation = Literal["first", "copy", "same_event"]


class StoryArticle(BaseModel):
    """One article of a story and how it joined it.

    ``relation``: ``first`` founded the story, ``copy`` is a near-duplicate or syndicated
    version, ``same_event`` another report of the event in other words. ``copy_of`` is the
    article a copy was found to copy (when that article is still stored); ``matched`` the
    article that decided the story of any non-first article.
    """

    id: str
    title: str
    outlet: str | None = None
    published: dt.datetime | dt.date | None = None
    # The instant the story was grouped under (naive UTC): published, or first stored.
    seen_at: dt.datetime
    relation: Relation
    copy_of: str | None = None
    matched: str | None = None


class StorySummary(BaseModel):
    """One story in a list: where it began, how large it is, who covered it."""

    id: str
    # The earliest published article of the story (not always its founder: a late article
    # published earlier joins the story it belongs to and is then its first seen).
    first_seen: StoryArticle
    size: int
    copies: int
    same_event: int
    outlets: list[str]
    last_updated: dt.datetime


class StoryEntity(BaseModel):
    """An entity the story's articles mention, every spelling counted as one (the registry's
    entity when the registry has placed it; ``id`` None otherwise)."""

    id: int | None = None
    name: str
    label: EntityLabel
    articles: int


class StoryDate(BaseModel):
    """A date the story's articles mention (resolved value), and in how many articles."""

    value: str
    kind: str
    articles: int


class OutletCoverage(BaseModel):
    """One outlet's articles in a story, in time order."""

    outlet: str | None
    first: dt.datetime
    articles: list[str]


class StoryDetail(StorySummary):
    """``akhbar stories show``: the articles in time order, grouped by outlet, and the
    entities and dates merged across them."""

    articles: list[StoryArticle] = []
    by_outlet: list[OutletCoverage] = []
    entities: list[StoryEntity] = []
    dates: list[StoryDate] = []


class StoryMembership(BaseModel):
    """Which story one article is in, as ``akhbar:stories:updated`` announces it."""

    story_id: str
    article_id: str
    relation: Relation
    match_id: str | None = None
    story_size: int
    published_at: dt.datetime
