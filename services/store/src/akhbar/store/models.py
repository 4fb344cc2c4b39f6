"""The relational schema of the store (SQLAlchemy Core tables).

Articles get an integer surrogate key ``pk`` beside their public string ``id``: the child
tables join on a small integer, and SQLite's FTS5 index keys its rows by that integer.
Outlets and entities are shared dimension rows, found by their normalized names.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

# Stable constraint names keep migrations the same on SQLite and PostgreSQL.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# BIGINT on PostgreSQL; on SQLite only "INTEGER PRIMARY KEY" aliases the rowid.
Key = BigInteger().with_variant(Integer(), "sqlite")

outlets = Table(
    "outlets",
    metadata,
    Column("id", Key, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    Column("name_normalized", Text, nullable=False),
    UniqueConstraint("name"),
    Index(None, "name_normalized"),
)

articles = Table(
    "articles",
    metadata,
    Column("pk", Key, primary_key=True, autoincrement=True),
    Column("id", String(200), nullable=False),
    Column("url", Text),
    Column("title", Text, nullable=False, default=""),
    Column("outlet_id", Key, ForeignKey("outlets.id")),
    # What the article said, ISO text, so a date stays a date and a datetime keeps its zone.
    Column("published", String(40)),
    # The same instant as naive UTC (a date counts as its midnight): what filters compare.
    Column("published_at", DateTime),
    Column("body", JSON, nullable=False),
    Column("original_url", Text),
    Column("language", String(16)),  # ISO 639-1 of most of the text (0006)
    Column("languages", JSON),  # the fields whose language differs (0006)
    Column("schema_version", Integer, nullable=False),
    # Normalized title and body words; the full-text indexes are built over it.
    Column("search_text", Text, nullable=False, default=""),
    # Hash of the whole enriched article: a redelivered identical message writes nothing.
    Column("content_hash", String(64), nullable=False),
    Column("stored_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    UniqueConstraint("id"),
    Index(None, "published_at"),
    Index(None, "outlet_id", "published_at"),
    Index(None, "language", "published_at"),  # the web search's language filter (0007)
)

headlines = Table(
    "headlines",
    metadata,
    Column("article_pk", Key, ForeignKey("articles.pk", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("url", Text),
)

# The registry: one row per entity across the whole store ("عبد اللطيف حموشي" with every
# spelling and short form seen). ``entities`` rows (one per canonical spelling an article gave)
# point at their registry entity; counts are kept up to date by each upsert.
entity_registry = Table(
    "entity_registry",
    metadata,
    Column("id", Key, primary_key=True, autoincrement=True),
    # The name shown: the canonical spelling the entity was first seen under.
    Column("name", Text, nullable=False),
    Column("label", String(8), nullable=False),
    # name_key of the name, words joined by a space: one registry entity per (key, label).
    Column("key", Text, nullable=False),
    # Its last word and word count: a one-word short form looks for the full name it ends.
    Column("head", Text, nullable=False),
    Column("words", Integer, nullable=False),
    Column("article_count", Integer, nullable=False, default=0),
    Column("mention_count", Integer, nullable=False, default=0),
    Column("first_seen", DateTime),
    Column("last_seen", DateTime),
    UniqueConstraint("key", "label"),
    Index(None, "head", "label"),
)

entities = Table(
    "entities",
    metadata,
    Column("id", Key, primary_key=True, autoincrement=True),
    Column("canonical", Text, nullable=False),
    Column("label", String(8), nullable=False),
    Column("canonical_normalized", Text, nullable=False),
    # Null until the registry has placed it (an article stored before the registry existed,
    # until ``akhbar store reindex``).
    Column("registry_id", Key, ForeignKey("entity_registry.id")),
    UniqueConstraint("canonical", "label"),
    Index(None, "canonical_normalized", "label"),
    Index(None, "registry_id"),
)

# How a registry entity is written: surface forms seen in articles (with their mention
# counts) and Latin names (romanized, or from the place/organization table).
entity_aliases = Table(
    "entity_aliases",
    metadata,
    Column("registry_id", Key, ForeignKey("entity_registry.id"), primary_key=True),
    Column("alias", Text, primary_key=True),
    # "seen" (a surface form in an article) or "latin".
    Column("source", String(8), primary_key=True),
    Column("mentions", Integer, nullable=False, default=0),
)

# What a query is looked up under: folded names, their whole words, folded Latin names and
# words, and the consonant skeleton shared by Arabic and Latin spellings (registry.py).
entity_terms = Table(
    "entity_terms",
    metadata,
    Column("kind", String(8), primary_key=True),
    Column("term", Text, primary_key=True),
    Column("registry_id", Key, ForeignKey("entity_registry.id"), primary_key=True),
    Index(None, "registry_id"),
)

# What people corrected: a name key (with its label) always goes to the registry entity of
# ``target_key`` (a merge) or stands alone (a split: ``target_key`` equals ``key``). Kept
# by name, not id, so it holds for later articles and through ``akhbar store reindex``.
entity_corrections = Table(
    "entity_corrections",
    metadata,
    Column("key", Text, primary_key=True),
    Column("label", String(8), primary_key=True),
    Column("target_key", Text, nullable=False),
    Column("made_at", DateTime, nullable=False),
)

entity_mentions = Table(
    "entity_mentions",
    metadata,
    Column("id", Key, primary_key=True, autoincrement=True),
    Column("article_pk", Key, ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False),
    Column("entity_id", Key, ForeignKey("entities.id"), nullable=False),
    Column("field", String(40), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    # entity -> articles for entity search; article -> mentions for get() and replacement.
    Index(None, "entity_id", "article_pk"),
    Index(None, "article_pk"),
)

date_mentions = Table(
    "date_mentions",
    metadata,
    Column("id", Key, primary_key=True, autoincrement=True),
    Column("article_pk", Key, ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False),
    Column("field", String(40), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("value", String(40), nullable=False),
    Index(None, "article_pk"),
)


def described_here(_obj, name, type_, _reflected, _compare_to) -> bool:
    """Alembic ``include_object`` filter: leave out what the migrations make by hand for one
    database only (SQLite's FTS5 tables; PostgreSQL's tsvector column and its index, and the
    newest-first index)."""
    if type_ == "table" and name.startswith("article_fts"):
        return False
    if type_ == "column" and name == "search_tsv":
        return False
    return not (type_ == "index" and name in _HAND_MADE_INDEXES)


# Indexes only one database gets, made by hand in the migrations (see 0001 and 0002).
_HAND_MADE_INDEXES = frozenset(
    {"ix_articles_search_tsv", "ix_articles_search_tsv_stored", "ix_articles_newest_first"}
)


# The story index tables share this metadata (imported here so every user of the schema
# sees them; kept in their own module so the two features merge cleanly).
from akhbar.store import story_models  # noqa: E402, F401
