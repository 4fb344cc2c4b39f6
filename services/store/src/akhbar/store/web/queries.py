"""The reads only the web pages make: the newest day stored, articles per day per outlet,
story sizes, bodies for snippets, and which registry entity a mention belongs to.

Everything else the pages show comes from the store's own queries (``Store.search`` with an
``ArticleFilter``, ``Store.entity``, ``Store.top_entities``), as the JSON API gets it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, Date, cast, func, select, tuple_

from akhbar.store.entity_queries import resolve, spelling_ids
from akhbar.store.models import articles, entities, entity_mentions, outlets
from akhbar.store.normalize import normalize
from akhbar.store.story_models import story_articles


def _day(conn: Connection, column):
    if conn.dialect.name == "postgresql":
        return cast(column, Date)
    return func.date(column)


def _as_date(value) -> dt.date:
    # SQLite's date() answers text, PostgreSQL a date.
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def newest_day(conn: Connection) -> dt.date | None:
    """The publication day of the newest dated article (the published_at index's last row)."""
    newest = conn.execute(select(func.max(articles.c.published_at))).scalar()
    return None if newest is None else newest.date()


def per_day_per_outlet(conn: Connection, first: dt.date, last: dt.date) -> list[tuple[dt.date, str, int]]:
    """(day, outlet, articles) for the days ``first``..``last`` inclusive; undated articles
    and days without articles left out."""
    day = _day(conn, articles.c.published_at).label("day")
    name = func.coalesce(outlets.c.name, "").label("outlet")
    rows = conn.execute(
        select(day, name, func.count().label("n"))
        .select_from(articles.outerjoin(outlets, outlets.c.id == articles.c.outlet_id))
        .where(
            articles.c.published_at >= dt.datetime.combine(first, dt.time()),
            articles.c.published_at < dt.datetime.combine(last + dt.timedelta(days=1), dt.time()),
        )
        .group_by(day, name)
        .order_by(day, name)
    )
    return [(_as_date(r.day), r.outlet, r.n) for r in rows]


def outlet_names(conn: Connection) -> list[str]:
    return list(conn.execute(select(outlets.c.name).order_by(outlets.c.name)).scalars())


def story_sizes(conn: Connection, story_ids: list[str]) -> dict[str, int]:
    """How many articles each of these stories holds (a count of its ``story_articles``
    rows, read through their story_id index; the stories' own reads are
    ``story_queries``)."""
    if not story_ids:
        return {}
    return dict(
        conn.execute(
            select(story_articles.c.story_id, func.count())
            .where(story_articles.c.story_id.in_(sorted(set(story_ids))))
            .group_by(story_articles.c.story_id)
        ).all()
    )


def bodies(conn: Connection, article_ids: list[str]) -> dict[str, tuple[int, list[str]]]:
    """Article id -> (pk, body paragraphs), for the snippets of one page of results."""
    if not article_ids:
        return {}
    rows = conn.execute(
        select(articles.c.id, articles.c.pk, articles.c.body).where(articles.c.id.in_(article_ids))
    )
    return {r.id: (r.pk, list(r.body or [])) for r in rows}


def entity_spans(
    conn: Connection, article_pks: list[int], entity: str
) -> dict[int, list[tuple[str, int, int]]]:
    """Article pk -> (field, start, end) of each mention of the entity ``entity`` names in
    those articles: the same entity the search filter found (``queries._mentioning_entity``:
    registry aliases, and the exact folded name for spellings not yet placed)."""
    if not article_pks:
        return {}
    ids = set(
        conn.execute(
            select(entities.c.id).where(entities.c.canonical_normalized == normalize(entity))
        ).scalars()
    )
    ids.update(spelling_ids(conn, resolve(conn, entity)))
    if not ids:
        return {}
    rows = conn.execute(
        select(entity_mentions.c.article_pk, entity_mentions.c.field, entity_mentions.c.start,
               entity_mentions.c.end)
        .where(entity_mentions.c.article_pk.in_(article_pks),
               entity_mentions.c.entity_id.in_(sorted(ids)))
        .order_by(entity_mentions.c.article_pk, entity_mentions.c.id)
    )
    out: dict[int, list[tuple[str, int, int]]] = {}
    for r in rows:
        out.setdefault(r.article_pk, []).append((r.field, r.start, r.end))
    return out


def registry_ids(conn: Connection, names: list[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """(canonical spelling, label) -> the registry entity it is filed under, where placed."""
    if not names:
        return {}
    rows = conn.execute(
        select(entities.c.canonical, entities.c.label, entities.c.registry_id).where(
            tuple_(entities.c.canonical, entities.c.label).in_(sorted(set(names))),
            entities.c.registry_id.is_not(None),
        )
    )
    return {(r.canonical, r.label): r.registry_id for r in rows}


def registry_ids_by_folded(conn: Connection, names: list[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """Like ``registry_ids`` for names as ``top_entities`` shows them (one spelling standing
    for every spelling that folds alike): looked up by the folded name."""
    if not names:
        return {}
    folded = {(normalize(n), label): (n, label) for n, label in names}
    rows = conn.execute(
        select(entities.c.canonical_normalized, entities.c.label, entities.c.registry_id)
        .where(
            tuple_(entities.c.canonical_normalized, entities.c.label).in_(sorted(folded)),
            entities.c.registry_id.is_not(None),
        )
        .order_by(entities.c.id)
    )
    out: dict[tuple[str, str], int] = {}
    for r in rows:
        out.setdefault(folded[(r.canonical_normalized, r.label)], r.registry_id)
    return out
