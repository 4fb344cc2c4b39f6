"""Reading the entity registry: finding entities by any alias, and what ``entities show``
and the ``/entities`` API tell about one.
"""

from __future__ import annotations

from sqlalchemy import Connection, Date, cast, func, select, tuple_

from akhbar.store.models import (
    articles,
    entities,
    entity_aliases,
    entity_mentions,
    entity_registry,
    entity_terms,
)
from akhbar.store.registry import is_latin, query_terms
from akhbar.store.views import (
    DayCount,
    EntityAlias,
    EntityDetail,
    RegistryEntity,
    RelatedEntity,
)

# "Most often mentioned with it" counts over the entity's latest articles: bounded work for
# an entity in half the store, and what is recent is what a reader asks about.
RELATED_OVER = 500
RELATED_SHOWN = 10


def resolve(conn: Connection, query: str, label: str | None = None) -> list[int]:
    """Registry ids of the entities ``query`` names: any alias, or a whole word of a name,
    Arabic or Latin (``registry.query_terms``); most mentioned first."""
    for tier in query_terms(query):
        found = select(entity_terms.c.registry_id).where(
            tuple_(entity_terms.c.kind, entity_terms.c.term).in_(tier)
        )
        stmt = (
            select(entity_registry.c.id)
            .where(entity_registry.c.id.in_(found))
            .order_by(entity_registry.c.article_count.desc(), entity_registry.c.id)
        )
        if label is not None:
            stmt = stmt.where(entity_registry.c.label == label)
        ids = list(conn.execute(stmt).scalars())
        if ids:
            return ids
    return []


def spelling_ids(conn: Connection, registry_ids: list[int]) -> list[int]:
    """The ``entities`` rows (spellings) filed under these registry entities.

    Read first and passed on as a list of values, not as a subquery: PostgreSQL cannot
    estimate how many mentions "entity_id IN (SELECT ... WHERE registry_id = X)" matches and
    scanned all 1.2 million mentions at 100k articles; with the ids it reads the
    (entity_id, article_pk) index.
    """
    if not registry_ids:
        return []
    return list(
        conn.execute(
            select(entities.c.id).where(entities.c.registry_id.in_(registry_ids))
        ).scalars()
    )


def _latin(conn: Connection, ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {i: [] for i in ids}
    rows = conn.execute(
        select(entity_aliases.c.registry_id, entity_aliases.c.alias)
        .where(entity_aliases.c.registry_id.in_(ids), entity_aliases.c.source == "latin")
        .order_by(entity_aliases.c.registry_id, entity_aliases.c.alias)
    )
    for row in rows:
        out[row.registry_id].append(row.alias)
    return out


def _entity(row, latin: list[str]) -> dict:
    return {
        "id": row.id,
        "name": row.name,
        "label": row.label,
        "articles": row.article_count,
        "mentions": row.mention_count,
        "first_seen": row.first_seen,
        "last_seen": row.last_seen,
        "latin": latin,
    }


def find_entities(
    conn: Connection, query: str, label: str | None = None, limit: int = 20, offset: int = 0
) -> list[RegistryEntity]:
    """Entities whose aliases match ``query`` (see ``resolve``), most articles first."""
    ids = resolve(conn, query, label)[offset : offset + limit]
    return get_entities(conn, ids)


def get_entities(conn: Connection, ids: list[int]) -> list[RegistryEntity]:
    """The registry entities of these ids, in that order (missing ones left out)."""
    if not ids:
        return []
    rows = {r.id: r for r in conn.execute(select(entity_registry).where(entity_registry.c.id.in_(ids)))}
    latin = _latin(conn, list(rows))
    return [RegistryEntity(**_entity(rows[i], latin[i])) for i in ids if i in rows]


def related(conn: Connection, rid: int, limit: int = RELATED_SHOWN) -> list[RelatedEntity]:
    """Entities mentioned in the most of entity ``rid``'s latest articles."""
    mine = spelling_ids(conn, [rid])
    if not mine or limit < 1:
        return []
    latest = list(
        conn.execute(
            select(entity_mentions.c.article_pk)
            .where(entity_mentions.c.entity_id.in_(mine))
            .distinct()
            .order_by(entity_mentions.c.article_pk.desc())
            .limit(RELATED_OVER)
        ).scalars()
    )
    if not latest:
        return []
    n = func.count(entity_mentions.c.article_pk.distinct()).label("n")
    mentions = func.count().label("mentions")
    rows = conn.execute(
        select(entities.c.registry_id, n, mentions)
        .select_from(entity_mentions.join(entities, entities.c.id == entity_mentions.c.entity_id))
        .where(
            entity_mentions.c.article_pk.in_(latest),
            entity_mentions.c.entity_id.not_in(mine),
            entities.c.registry_id.is_not(None),
        )
        .group_by(entities.c.registry_id)
        .order_by(n.desc(), mentions.desc(), entities.c.registry_id)
        .limit(limit)
    ).all()
    found = {e.id: e for e in get_entities(conn, [r.registry_id for r in rows])}
    return [
        RelatedEntity(id=r.registry_id, name=found[r.registry_id].name,
                      label=found[r.registry_id].label, articles=r.n)
        for r in rows
        if r.registry_id in found
    ]


def timeline(conn: Connection, rid: int) -> list[DayCount]:
    """Mentions and articles of entity ``rid`` per day of publication (undated articles left
    out), oldest first."""
    if conn.dialect.name == "postgresql":
        day = cast(articles.c.published_at, Date)
    else:
        day = func.date(articles.c.published_at)
    day = day.label("day")
    mine = spelling_ids(conn, [rid])
    if not mine:
        return []
    rows = conn.execute(
        select(day, func.count(articles.c.pk.distinct()).label("articles"), func.count().label("mentions"))
        .select_from(entity_mentions.join(articles, articles.c.pk == entity_mentions.c.article_pk))
        .where(
            entity_mentions.c.entity_id.in_(mine),
            articles.c.published_at.is_not(None),
        )
        .group_by(day)
        .order_by(day)
    )
    return [DayCount(day=r.day, articles=r.articles, mentions=r.mentions) for r in rows]


def aliases(conn: Connection, rid: int) -> list[EntityAlias]:
    """Every alias of entity ``rid``: seen forms by mentions, then Latin names."""
    rows = conn.execute(
        select(entity_aliases)
        .where(entity_aliases.c.registry_id == rid)
        .order_by(entity_aliases.c.source.desc(), entity_aliases.c.mentions.desc(),
                  entity_aliases.c.alias)
    )
    return [
        EntityAlias(
            alias=r.alias,
            script="latin" if is_latin(r.alias) else "arabic",
            source=r.source,
            mentions=r.mentions,
        )
        for r in rows
    ]


def entity_detail(conn: Connection, rid: int) -> EntityDetail | None:
    found = get_entities(conn, [rid])
    if not found:
        return None
    return EntityDetail(
        **found[0].model_dump(),
        aliases=aliases(conn, rid),
        related=related(conn, rid),
        timeline=timeline(conn, rid),
    )


def registry_size(conn: Connection) -> int:
    return conn.execute(select(func.count()).select_from(entity_registry)).scalar_one()


def mentioning_registry(conn: Connection, registry_ids: list[int]):
    """The pks of articles that mention any of these registry entities."""
    return select(entity_mentions.c.article_pk).where(
        entity_mentions.c.entity_id.in_(spelling_ids(conn, registry_ids))
    )


__all__ = [
    "resolve",
    "find_entities",
    "get_entities",
    "entity_detail",
    "related",
    "timeline",
    "aliases",
    "mentioning_registry",
    "registry_size",
]
