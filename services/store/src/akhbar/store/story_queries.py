"""Reading stories (issue #17): the list ``akhbar stories list`` and ``/stories`` show, and
one story with its articles, entities and dates (``stories show``, ``/stories/{id}``).

A story has no row of its own: it is the ``story_articles`` rows that share a ``story_id``
(written by the grouping in the upsert transaction). Its figures are read from them.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import aliased

from akhbar.store.entity_queries import get_entities
from akhbar.store.filters import ArticleFilter, Bound
from akhbar.store.models import articles, date_mentions, entities, entity_mentions, outlets
from akhbar.store.queries import filtered
from akhbar.store.story_models import story_articles
from akhbar.store.story_views import (
    OutletCoverage,
    StoryArticle,
    StoryDate,
    StoryDetail,
    StoryEntity,
    StoryMembership,
    StorySummary,
)
from akhbar.store.when import parse_published

_matched = aliased(articles, name="matched")


def list_stories(
    conn: Connection,
    *,
    since: Bound | str = None,
    until: Bound | str = None,
    entity: str | None = None,
    outlet: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[StorySummary]:
    """Stories with an article matching every filter given (``since``/``until`` on its
    publication, ``entity`` any name of it, ``outlet``; as ``articles search`` reads them),
    newest first: by their latest matching article, then id. Each story's figures count all
    its articles, matching or not."""
    filters = ArticleFilter(
        since=since, until=until, entity=entity, outlet=outlet, limit=limit, offset=offset
    )
    last = func.max(story_articles.c.published_at).label("last")
    query = filtered(
        conn,
        select(story_articles.c.story_id, last).select_from(
            story_articles.join(articles, articles.c.pk == story_articles.c.article_pk)
        ),
        filters,
    )
    if query is None:
        return []
    ids = list(
        conn.execute(
            query.group_by(story_articles.c.story_id)
            .order_by(last.desc(), story_articles.c.story_id.desc())
            .limit(filters.limit)
            .offset(filters.offset)
        ).scalars()
    )
    members = _members(conn, ids)
    return [_summary(i, members[i]) for i in ids if members.get(i)]


def get_story(conn: Connection, story_id: str) -> StoryDetail | None:
    """The story ``story_id``: its articles in time order (and by outlet), the entities its
    articles mention merged through the registry, the dates they mention. None if unknown."""
    members = _members(conn, [story_id]).get(story_id)
    if not members:
        return None
    pks = [pk for pk, _ in members]
    return StoryDetail(
        **_summary(story_id, members).model_dump(),
        articles=[a for _, a in members],
        by_outlet=_by_outlet([a for _, a in members]),
        entities=_entities(conn, pks),
        dates=_dates(conn, pks),
    )


def _members(conn: Connection, story_ids: list[str]) -> dict[str, list[tuple[int, StoryArticle]]]:
    """Each story's articles (with their pks), oldest first (ties by id)."""
    if not story_ids:
        return {}
    rows = conn.execute(
        select(
            story_articles.c.story_id,
            story_articles.c.relation,
            story_articles.c.published_at.label("seen_at"),
            articles.c.pk,
            articles.c.id,
            articles.c.title,
            articles.c.published,
            outlets.c.name.label("outlet"),
            _matched.c.id.label("matched"),
        )
        .select_from(
            story_articles.join(articles, articles.c.pk == story_articles.c.article_pk)
            .outerjoin(outlets, outlets.c.id == articles.c.outlet_id)
            .outerjoin(_matched, _matched.c.pk == story_articles.c.match_pk)
        )
        .where(story_articles.c.story_id.in_(story_ids))
        .order_by(story_articles.c.story_id, story_articles.c.published_at, articles.c.id)
    )
    out: dict[str, list[tuple[int, StoryArticle]]] = defaultdict(list)
    for r in rows:
        out[r.story_id].append(
            (
                r.pk,
                StoryArticle(
                    id=r.id,
                    title=r.title,
                    outlet=r.outlet,
                    published=parse_published(r.published) if r.published else None,
                    seen_at=r.seen_at,
                    relation=r.relation,
                    copy_of=r.matched if r.relation == "copy" else None,
                    matched=r.matched,
                ),
            )
        )
    return out


def _summary(story_id: str, members: list[tuple[int, StoryArticle]]) -> StorySummary:
    arts = [a for _, a in members]
    outlets_seen: dict[str, None] = {}
    for a in arts:
        if a.outlet is not None:
            outlets_seen.setdefault(a.outlet)
    return StorySummary(
        id=story_id,
        first_seen=arts[0],
        size=len(arts),
        copies=sum(a.relation == "copy" for a in arts),
        same_event=sum(a.relation == "same_event" for a in arts),
        outlets=list(outlets_seen),  # in the order they first covered it
        last_updated=max(a.seen_at for a in arts),
    )


def _by_outlet(arts: list[StoryArticle]) -> list[OutletCoverage]:
    groups: dict[str | None, list[StoryArticle]] = {}
    for a in arts:
        groups.setdefault(a.outlet, []).append(a)
    return [
        OutletCoverage(outlet=name, first=found[0].seen_at, articles=[a.id for a in found])
        for name, found in groups.items()
    ]


def _entities(conn: Connection, pks: list[int]) -> list[StoryEntity]:
    """Entities by the number of the story's articles mentioning them; spellings the
    registry files under one entity count as that one entity."""
    rows = conn.execute(
        select(
            entity_mentions.c.article_pk,
            entities.c.registry_id,
            entities.c.canonical,
            entities.c.label,
        )
        .join(entities, entities.c.id == entity_mentions.c.entity_id)
        .where(entity_mentions.c.article_pk.in_(pks))
        .distinct()
    )
    seen: dict[tuple, set[int]] = defaultdict(set)
    spelled: dict[tuple, tuple[str, str]] = {}
    for r in rows:
        key = ("r", r.registry_id) if r.registry_id is not None else ("c", r.canonical, r.label)
        seen[key].add(r.article_pk)
        spelled.setdefault(key, (r.canonical, r.label))
    registry = {e.id: e for e in get_entities(conn, sorted(k[1] for k in seen if k[0] == "r"))}
    found = []
    for key, arts in seen.items():
        reg = registry.get(key[1]) if key[0] == "r" else None
        name, label = (reg.name, reg.label) if reg is not None else spelled[key]
        found.append(
            StoryEntity(id=reg.id if reg else None, name=name, label=label, articles=len(arts))
        )
    found.sort(key=lambda e: (-e.articles, e.label, e.name))
    return found


def _dates(conn: Connection, pks: list[int]) -> list[StoryDate]:
    """Dates mentioned, by the number of the story's articles mentioning them."""
    rows = conn.execute(
        select(date_mentions.c.value, date_mentions.c.kind, date_mentions.c.article_pk)
        .where(date_mentions.c.article_pk.in_(pks))
        .distinct()
    )
    seen: dict[tuple[str, str], set[int]] = defaultdict(set)
    for r in rows:
        seen[(r.value, r.kind)].add(r.article_pk)
    found = [StoryDate(value=v, kind=k, articles=len(a)) for (v, k), a in seen.items()]
    found.sort(key=lambda d: (-d.articles, d.value, d.kind))
    return found


def memberships(conn: Connection, article_ids: list[str]) -> dict[str, StoryMembership]:
    """The story of each of these articles that is stored and grouped, with its relation,
    the article it matched and the story's size now."""
    if not article_ids:
        return {}
    rows = conn.execute(
        select(
            articles.c.id,
            story_articles.c.story_id,
            story_articles.c.relation,
            story_articles.c.published_at,
            _matched.c.id.label("matched"),
        )
        .select_from(
            story_articles.join(articles, articles.c.pk == story_articles.c.article_pk)
            .outerjoin(_matched, _matched.c.pk == story_articles.c.match_pk)
        )
        .where(articles.c.id.in_(article_ids))
    ).all()
    story_ids = sorted({r.story_id for r in rows})
    sizes = dict(
        conn.execute(
            select(story_articles.c.story_id, func.count())
            .where(story_articles.c.story_id.in_(story_ids))
            .group_by(story_articles.c.story_id)
        ).all()
    ) if story_ids else {}
    return {
        r.id: StoryMembership(
            story_id=r.story_id,
            article_id=r.id,
            relation=r.relation,
            match_id=r.matched,
            story_size=sizes[r.story_id],
            published_at=r.published_at,
        )
        for r in rows
    }


__all__ = ["list_stories", "get_story", "memberships"]
