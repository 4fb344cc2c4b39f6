"""Writing an enriched article: idempotent by id, all of it replaced in one transaction.

Deadlock-free under concurrent consumers: the shared dimension rows (outlet, entities) are
inserted first in their own short transaction, in one global order, and are never deleted;
the article transaction then locks nothing but its own article row.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, delete, insert, select, tuple_, update

from akhbar.shared.schemas import EnrichedArticle
from akhbar.store.models import (
    articles,
    date_mentions,
    entities,
    entity_mentions,
    headlines,
    outlets,
)
from akhbar.store.normalize import normalize, search_document
from akhbar.store.registry_db import article_mentions, dialect_insert, upkeep, upkeep_many
from akhbar.store.stories import Params
from akhbar.store.story_index import SqlIndex, file_story, serialize_grouping, story_features
from akhbar.store.when import lower_bound

_insert = dialect_insert


def content_hash(article: EnrichedArticle) -> str:
    return hashlib.sha256(article.model_dump_json().encode("utf-8")).hexdigest()


def published_at(value: dt.datetime | dt.date | None) -> dt.datetime | None:
    """The instant filters compare: naive UTC; a bare date counts as its midnight."""
    return None if value is None else lower_bound(value)


class Dimensions:
    """Ids of outlets and entities this process has already seen.

    Those rows are never updated or deleted, so an id once read stays right for the life of
    the database: after warm-up most upserts need no dimension query at all.
    """

    def __init__(self, max_entries: int = 200_000) -> None:
        self.outlets: dict[str, int] = {}
        self.entities: dict[tuple[str, str], int] = {}
        self.max_entries = max_entries

    def remember(self, table: dict, found: dict) -> None:
        if len(table) + len(found) > self.max_entries:
            table.clear()  # crude but bounded; the database still has every id
        table.update(found)


def _ensure_outlet(engine: Engine, name: str | None, dims: Dimensions) -> int | None:
    if not name:
        return None
    cached = dims.outlets.get(name)
    if cached is not None:
        return cached
    with engine.execution_options(write=True).begin() as conn:
        conn.execute(
            _insert(conn, outlets)
            .values(name=name, name_normalized=normalize(name))
            .on_conflict_do_nothing(index_elements=["name"])
        )
        outlet_id = conn.execute(select(outlets.c.id).where(outlets.c.name == name)).scalar_one()
    dims.remember(dims.outlets, {name: outlet_id})
    return outlet_id


def _select_entities(conn: Connection, keys: list[tuple[str, str]]) -> dict[tuple[str, str], int]:
    rows = conn.execute(
        select(entities.c.id, entities.c.canonical, entities.c.label).where(
            tuple_(entities.c.canonical, entities.c.label).in_(keys)
        )
    )
    return {(row.canonical, row.label): row.id for row in rows}


def _ensure_entities(
    engine: Engine, article: EnrichedArticle, dims: Dimensions
) -> dict[tuple[str, str], int]:
    wanted = {(e.canonical, e.label) for e in article.entities}
    # .get, not "in" then [...]: another thread may clear the cache in between.
    known = {key: dims.entities.get(key) for key in wanted}
    known = {key: value for key, value in known.items() if value is not None}
    missing = sorted(wanted - known.keys(), key=lambda k: (k[1], k[0]))
    if missing:
        with engine.connect() as conn:
            found = _select_entities(conn, missing)
        new = [k for k in missing if k not in found]
        if new:
            # Sorted, committed on their own: concurrent writers take these row locks in one
            # global order and hold no article lock meanwhile, so they cannot deadlock.
            with engine.execution_options(write=True).begin() as conn:
                conn.execute(
                    _insert(conn, entities).on_conflict_do_nothing(
                        index_elements=["canonical", "label"]
                    ),
                    [
                        {"canonical": c, "label": label, "canonical_normalized": normalize(c)}
                        for c, label in new
                    ],
                )
                found.update(_select_entities(conn, new))
        dims.remember(dims.entities, found)
        known.update(found)
    return known


def _article_values(article: EnrichedArticle, outlet_id: int | None, digest: str) -> dict[str, Any]:
    values = {
        "url": article.url,
        "title": article.title,
        "outlet_id": outlet_id,
        "published": article.published.isoformat() if article.published else None,
        "published_at": published_at(article.published),
        "body": list(article.body),
        "original_url": article.original_url,
        "schema_version": article.schema_version,
        "search_text": search_document(article.title, *article.body),
        "content_hash": digest,
    }
    # Written only when the article carries them (schema version 2), so an article of
    # unknown language is stored as before 0006, in the columns every revision has.
    if article.language is not None:
        values["language"] = article.language
    if article.languages:
        values["languages"] = dict(article.languages)
    return values


def _write_children(
    conn: Connection, pk: int, article: EnrichedArticle, entity_ids: dict[tuple[str, str], int]
) -> None:
    if article.headlines:
        conn.execute(
            insert(headlines),
            [
                {"article_pk": pk, "position": i, "text": h.text, "url": h.url}
                for i, h in enumerate(article.headlines)
            ],
        )
    if article.entities:
        conn.execute(
            insert(entity_mentions),
            [
                {
                    "article_pk": pk,
                    "entity_id": entity_ids[(e.canonical, e.label)],
                    "field": e.field,
                    "start": e.start,
                    "end": e.end,
                    "text": e.text,
                }
                for e in article.entities
            ],
        )
    if article.dates:
        conn.execute(
            insert(date_mentions),
            [
                {
                    "article_pk": pk,
                    "field": d.field,
                    "start": d.start,
                    "end": d.end,
                    "text": d.text,
                    "kind": d.kind,
                    "value": d.value,
                }
                for d in article.dates
            ],
        )


def _clear_children(conn: Connection, pk: int) -> None:
    for table in (headlines, entity_mentions, date_mentions):
        conn.execute(delete(table).where(table.c.article_pk == bindparam("pk")), {"pk": pk})


class _Prepared:
    """What writing one article needs, computed before its transaction opens."""

    __slots__ = ("article", "entity_ids", "digest", "values", "story")

    def __init__(self, engine: Engine, article: EnrichedArticle, dims: Dimensions) -> None:
        self.article = article
        outlet_id = _ensure_outlet(engine, article.source_name, dims)
        self.entity_ids = _ensure_entities(engine, article, dims)
        self.digest = content_hash(article)
        self.values = _article_values(article, outlet_id, self.digest)
        # An article with no date is filed under when it is first stored.
        self.story = story_features(article, self.values["published_at"] or _now())


def _mentions(prepared: _Prepared) -> list[tuple[int, str]]:
    return [
        (prepared.entity_ids[(e.canonical, e.label)], e.text) for e in prepared.article.entities
    ]


def _write(
    conn: Connection,
    prepared: _Prepared,
    now: dt.datetime,
    registry: bool,
    pending: list | None = None,
    stories=None,
) -> bool:
    """Write one article; with ``registry``, count its mentions into the entity registry in
    the same transaction (and the replaced version's out). With ``pending``, the new counts
    are appended there for the caller to apply to a whole batch at once; with ``stories`` (the
    batch's story index) its story rows wait there for the caller's flush."""
    article, entity_ids = prepared.article, prepared.entity_ids
    seen = prepared.values["published_at"] or now
    # Whoever inserts first creates the row; a concurrent second insert waits for that
    # commit (the unique id) and then finds it, so two consumers never make two rows.
    # Statements carry no values; the parameters go beside them, so SQLAlchemy compiles
    # each statement once and reuses it (building values() per call costs more than SQLite).
    pk = conn.execute(
        _insert(conn, articles)
        .on_conflict_do_nothing(index_elements=["id"])
        .returning(articles.c.pk),
        {"id": article.id, "stored_at": now, "updated_at": now, **prepared.values},
    ).scalar()
    if pk is not None:
        _write_children(conn, pk, article, entity_ids)
        if registry:
            _count(conn, (_mentions(prepared), seen), pending)
        # Same transaction: stored and grouped, or neither.
        file_story(conn, pk, prepared.story, new=True, index=stories)
        return True
    query = select(articles.c.pk, articles.c.content_hash).where(
        articles.c.id == bindparam("article_id")
    )
    if conn.dialect.name == "postgresql":
        query = query.with_for_update()
    existing = conn.execute(query, {"article_id": article.id}).one()
    # Keeps its story; groups it if it was stored before grouping existed.
    file_story(conn, existing.pk, prepared.story, index=stories)
    if existing.content_hash == prepared.digest:
        return False  # a redelivery of what is stored: nothing to rewrite
    conn.execute(
        update(articles).where(articles.c.pk == bindparam("article_pk")),
        {"article_pk": existing.pk, "updated_at": now, **prepared.values},
    )
    if registry:
        upkeep(conn, article_mentions(conn, existing.pk), None, sign=-1)
    _clear_children(conn, existing.pk)
    _write_children(conn, existing.pk, article, entity_ids)
    if registry:
        _count(conn, (_mentions(prepared), seen), pending)
    return False


def _count(conn: Connection, item, pending: list | None) -> None:
    if pending is None:
        upkeep_many(conn, [item])
    else:
        pending.append(item)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def upsert_article(
    engine: Engine,
    article: EnrichedArticle,
    dims: Dimensions | None = None,
    registry: bool = True,
) -> bool:
    """Store ``article``; True when it was new, False when it replaced (or equalled) a row."""
    prepared = _Prepared(engine, article, dims if dims is not None else Dimensions())
    with engine.execution_options(write=True).begin() as conn:
        serialize_grouping(conn)  # first, before any row is written (see there)
        return _write(conn, prepared, _now(), registry)


def upsert_articles(
    engine: Engine,
    batch: list[EnrichedArticle],
    dims: Dimensions | None = None,
    registry: bool = True,
) -> list[bool]:
    """Store a batch in one transaction (one commit, one disk sync); for each article in the
    given order, whether it was new. An id given twice keeps its last version."""
    dims = dims if dims is not None else Dimensions()
    last = {article.id: article for article in batch}
    # Article rows are locked in id order, so concurrent batches cannot deadlock on them.
    prepared = [_Prepared(engine, last[key], dims) for key in sorted(last)]
    with engine.execution_options(write=True).begin() as conn:
        serialize_grouping(conn)  # first, before any row is written (see there)
        now = _now()
        pending: list = []
        stories = SqlIndex(conn, {})
        # the batch's stored candidates, one statement for all (PostgreSQL)
        stories.prefetch([p.story for p in prepared], Params())
        created = {
            p.article.id: _write(conn, p, now, registry, pending, stories) for p in prepared
        }
        stories.flush()  # the batch's story index rows, three statements for all of it
        if registry:
            upkeep_many(conn, pending)
    seen: set[str] = set()
    flags = []
    for article in batch:
        flags.append(created[article.id] and article.id not in seen)
        seen.add(article.id)
    return flags
