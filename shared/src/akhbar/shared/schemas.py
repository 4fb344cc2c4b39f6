"""The messages that travel between akhbar's services, and the article they carry.

Every message carries ``schema_version``; events are named in the past tense.
Field names of ``Article`` and ``EnrichedArticle`` are part of the public contract
(the CLI prints them and downstream consumers read them): extend, never rename.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

# 2: ``ArticleStored.story_id``; ``language`` and ``languages`` on Article (all optional,
# so version 1 messages still read).
SCHEMA_VERSION = 2

EntityLabel = Literal["PER", "ORG", "LOC", "MISC"]
DateKind = Literal["date", "range", "year", "month", "relative", "weekday", "time"]
ContentType = Literal["text/html", "text/plain"]


class _Message(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=False)
    schema_version: int = SCHEMA_VERSION


class Headline(BaseModel):
    """One item of a headline list the page carries (ticker, latest news, most read)."""

    text: str
    url: str | None = None


class Article(_Message):
    """What the parse stage reads off a page."""

    id: str
    url: str | None = None
    title: str = ""
    source_name: str | None = None
    published: dt.datetime | dt.date | None = None
    body: list[str] = Field(default_factory=list)
    original_url: str | None = None
    headlines: list[Headline] = Field(default_factory=list)
    # ISO 639-1 ("ar", "fr"; "zgh" for Tifinagh) of most of the article's text, None when
    # unknown (no letters, or a message from before schema version 2).
    language: str | None = None
    # The fields (named as ``fields()`` names them) whose language is not ``language``: a
    # French lead in an Arabic page, {"body.0": "fr"}. Empty when the whole article is one
    # language; ``language_of`` reads the two together.
    languages: dict[str, str] = Field(default_factory=dict)

    def language_of(self, field: str) -> str | None:
        """The language of one field: its own when it differs, else the article's."""
        return self.languages.get(field, self.language)

    def fields(self) -> list[tuple[str, str]]:
        """Every text field an enrichment can point into, named as ``Entity.field`` names it."""
        named = [("title", self.title)]
        named += [(f"body.{i}", p) for i, p in enumerate(self.body)]
        named += [(f"headlines.{i}", h.text) for i, h in enumerate(self.headlines)]
        return named

    @property
    def published_date(self) -> dt.date | None:
        if isinstance(self.published, dt.datetime):
            return self.published.date()
        return self.published


class Span(BaseModel):
    """A stretch of one field: ``field`` names it, offsets are characters into it."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    field: str = "text"


class Entity(Span):
    label: EntityLabel
    canonical: str


class DateMention(Span):
    kind: DateKind
    value: str


class EnrichedArticle(Article):
    """An ``Article`` with the entities and date/time expressions found in its fields."""

    entities: list[Entity] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)


class RawPage(_Message):
    """What a producer pushes onto ``akhbar:pages:raw``.

    ``content`` is the page as text (HTML or plain); ``content_type`` is a hint, sniffed
    when absent. ``content_b64`` carries raw bytes in an unknown encoding instead.
    """

    model_config = ConfigDict(extra="forbid")

    content: str | None = None
    content_b64: str | None = None
    url: str | None = None
    content_type: ContentType | None = None
    charset: str | None = None
    source: str | None = None


class PageAccepted(_Message):
    """A raw page that passed ingest's checks, with its stable content-hash id."""

    page_id: str
    content: str
    content_type: ContentType
    url: str | None = None
    source: str | None = None
    received_at: dt.datetime


class ArticleParsed(_Message):
    article: Article


class ArticleEnriched(_Message):
    article: EnrichedArticle


class ArticleStored(_Message):
    article_id: str
    created: bool
    stored_at: dt.datetime
    # The story the article was grouped into (docs/stories.md); None from older stores.
    story_id: str | None = None


class StoryUpdated(_Message):
    """An article is in a story (``akhbar:stories:updated``, docs/stories.md).

    Published with the ``ArticleStored`` of every article the store handled that has a story,
    in the same Redis transaction. It states a fact, not a change: a redelivered article gives
    the same ``story_id``, ``relation`` and ``match_id`` again (its story never moves), so a
    consumer may apply it any number of times; ``story_size`` is the size when published.
    """

    story_id: str
    article_id: str
    # "first" (it founded the story), "copy" or "same_event".
    relation: Literal["first", "copy", "same_event"]
    # The article whose story it joined (None for the first, or once that one is deleted).
    match_id: str | None = None
    story_size: int
    published_at: dt.datetime
    updated_at: dt.datetime


class DeadLetter(_Message):
    """A message a service gave up on, with why; ``entry`` is the original stream entry."""

    service: str
    stream: str
    entry_id: str
    entry: dict[str, str]
    error: str
    reason: str
    traceback: str = ""
    deliveries: int = 1
    failed_at: dt.datetime
