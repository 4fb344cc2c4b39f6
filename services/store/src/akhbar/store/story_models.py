"""The story index's tables (issue #17), beside the article tables of ``models``.

One row per grouped article with what a later article is compared against, and two narrow
lookup tables: LSH band keys (copies) and entity/word keys with the publication instant
(same-event candidates within a time window). All rows go with their article (ON DELETE
CASCADE) and are written in the article's upsert transaction.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    ForeignKey,
    Index,
    LargeBinary,
    String,
    Table,
    Text,
)

from akhbar.store.models import Key, metadata

story_articles = Table(
    "story_articles",
    metadata,
    Column("article_pk", Key, ForeignKey("articles.pk", ondelete="CASCADE"), primary_key=True),
    Column("story_id", String(40), nullable=False),
    Column("relation", String(16), nullable=False),
    # The grouped article that decided this one's story (none for the first of a story).
    Column("match_pk", Key),
    Column("published_at", DateTime, nullable=False),
    # Word-triple hashes in reading order (uint32 little-endian) and sentence starts (int32).
    Column("shingles", LargeBinary, nullable=False),
    Column("starts", LargeBinary, nullable=False),
    Column("vector", JSON, nullable=False),
    Column("entities", JSON, nullable=False),
    Column("dates", JSON, nullable=False),
    Index(None, "story_id", "published_at"),
)

story_bands = Table(
    "story_bands",
    metadata,
    Column("band", BigInteger, primary_key=True),
    Column("article_pk", Key, ForeignKey("articles.pk", ondelete="CASCADE"), primary_key=True),
    Index(None, "article_pk"),
)

story_keys = Table(
    "story_keys",
    metadata,
    Column("key", Text, primary_key=True),
    Column("published_at", DateTime, primary_key=True),
    Column("article_pk", Key, ForeignKey("articles.pk", ondelete="CASCADE"), primary_key=True),
    Index(None, "article_pk"),
)
