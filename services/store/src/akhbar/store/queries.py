"""Reading the store: one article, filtered searches, the most mentioned entities.

Every value a caller gives travels as a bound parameter; only fixed SQL text is composed.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, Select, String, cast, func, literal_column, select, text

from akhbar.shared.schemas import DateMention, EnrichedArticle, Entity, Headline
from akhbar.store.entity_queries import mentioning_registry, resolve, spelling_ids
from akhbar.store.filters import ArticleFilter
from akhbar.store.models import (
    articles,
    date_mentions,
    entities,
    entity_mentions,
    headlines,
    outlets,
)
from akhbar.store.normalize import normalize, search_tokens
from akhbar.store.story_models import story_articles
from akhbar.store.views import ArticleSummary, TopEntity
from akhbar.store.when import lower_bound, parse_published, upper_bound

Bound = dt.datetime | dt.date | None


def get_article(conn: Connection, article_id: str) -> EnrichedArticle | None:
    row = conn.execute(
        select(articles, outlets.c.name.label("source_name"))
        .select_from(articles.outerjoin(outlets, outlets.c.id == articles.c.outlet_id))
        .where(articles.c.id == article_id)
    ).one_or_none()
    if row is None:
        return None
    heads = conn.execute(
        select(headlines.c.text, headlines.c.url)
        .where(headlines.c.article_pk == row.pk)
        .order_by(headlines.c.position)
    )
    ents = conn.execute(
        select(entity_mentions, entities.c.canonical, entities.c.label)
        .join(entities, entities.c.id == entity_mentions.c.entity_id)
        .where(entity_mentions.c.article_pk == row.pk)
        .order_by(entity_mentions.c.id)
    )
    dates = conn.execute(
        select(date_mentions)
        .where(date_mentions.c.article_pk == row.pk)
        .order_by(date_mentions.c.id)
    )
    return EnrichedArticle(
        schema_version=row.schema_version,
        id=row.id,
        url=row.url,
        title=row.title,
        source_name=row.source_name,
        published=parse_published(row.published) if row.published else None,
        body=row.body,
        original_url=row.original_url,
        language=row.language,
        languages=row.languages or {},
        headlines=[Headline(text=h.text, url=h.url) for h in heads],
        entities=[
            Entity(
                text=e.text,
                start=e.start,
                end=e.end,
                field=e.field,
                label=e.label,
                canonical=e.canonical,
            )
            for e in ents
        ],
        dates=[
            DateMention(
                text=d.text, start=d.start, end=d.end, field=d.field, kind=d.kind, value=d.value
            )
            for d in dates
        ],
    )


def _mentioning(normalized_name: str | None, label: str | None = None) -> Select:
    """The pks of articles that mention an entity of that (folded) name and/or label."""
    mentioned = select(entity_mentions.c.article_pk).join(
        entities, entities.c.id == entity_mentions.c.entity_id
    )
    if normalized_name is not None:
        mentioned = mentioned.where(entities.c.canonical_normalized == normalized_name)
    if label is not None:
        mentioned = mentioned.where(entities.c.label == label)
    return mentioned


def _mentioning_entity(conn: Connection, entity: str, label: str | None) -> Select:
    """The pks of articles that mention the entity ``entity`` names: through the registry,
    any alias or whole word of a name, Arabic or Latin; and, for spellings the registry has
    not placed yet (a store not reindexed since it got the registry), the exact folded
    canonical name. The spellings' ids are read first and passed as values (see
    ``entity_queries.spelling_ids``)."""
    spelled = select(entities.c.id).where(entities.c.canonical_normalized == normalize(entity))
    if label is not None:
        spelled = spelled.where(entities.c.label == label)
    ids = set(conn.execute(spelled).scalars())
    ids.update(spelling_ids(conn, resolve(conn, entity, label)))
    return select(entity_mentions.c.article_pk).where(
        entity_mentions.c.entity_id.in_(sorted(ids))
    )


def _published_between(query: Select, since: Bound, until: Bound) -> Select:
    if since is not None:
        query = query.where(articles.c.published_at >= lower_bound(since))
    if until is not None:
        query = query.where(articles.c.published_at < upper_bound(until))
    return query


def _text_match(conn: Connection, words: list[str], newest_first: bool = False):
    """A condition on ``articles`` true where every word occurs in title or body.

    ``newest_first``: the query reads one page newest first. On SQLite the matches are then
    tested while the published_at index is walked from the newest, instead of every match
    being fetched and sorted: a common word (70,000 of 100,000 articles) takes 9 ms instead
    of 180 ms, and a word matching nothing walks the index in 10 ms (bench/bench_ui.py).
    ``pk + 0`` keeps SQLite's planner from driving the query by the list of matches.
    """
    if conn.dialect.name == "postgresql":
        # search_tsv is to_tsvector('simple', search_text), stored (migration 0003).
        return text("articles.search_tsv @@ plainto_tsquery('simple', :q)").bindparams(
            q=" ".join(words)
        )
    # FTS5 query syntax: each word as a quoted string (quotes doubled), implicitly ANDed.
    fts_query = " ".join('"' + w.replace('"', '""') + '"' for w in words)
    matching = (
        select(literal_column("rowid"))
        .select_from(text("article_fts"))
        .where(text("article_fts MATCH :q").bindparams(q=fts_query))
    )
    return ((articles.c.pk + 0) if newest_first else articles.c.pk).in_(matching)


def filtered(
    conn: Connection, query: Select, filters: ArticleFilter, newest_first: bool = False
) -> Select | None:
    """``query`` (over ``articles``) narrowed to the articles matching ``filters``' entity,
    label, outlet, dates and text (not its page); None when the text has nothing searchable,
    so nothing can match. Shared by article search and the story list."""
    entity, label, outlet = filters.entity, filters.label, filters.outlet
    if entity is not None:
        query = query.where(articles.c.pk.in_(_mentioning_entity(conn, entity, label)))
    elif label is not None:
        query = query.where(articles.c.pk.in_(_mentioning(None, label)))
    if filters.entity_id is not None:
        query = query.where(articles.c.pk.in_(mentioning_registry(conn, [filters.entity_id])))
    if outlet is not None:
        query = query.where(
            articles.c.outlet_id.in_(
                select(outlets.c.id).where(outlets.c.name_normalized == normalize(outlet))
            )
        )
    if filters.story is not None:
        query = query.where(
            articles.c.pk.in_(
                select(story_articles.c.article_pk).where(story_articles.c.story_id == filters.story)
            )
        )
    if filters.language is not None:
        query = query.where(articles.c.language == filters.language)
    query = _published_between(query, filters.since, filters.until)
    if filters.text is not None:
        words = search_tokens(filters.text)
        if not words:
            return None  # nothing searchable (only punctuation): nothing can match
        query = query.where(_text_match(conn, words, newest_first))
    return query


def _earliest_per_story(conn: Connection, filters: ArticleFilter) -> Select:
    """The pks of the earliest matching article of each story (``--collapse``): earliest by
    publication, then storage order; an article with no story (stored before grouping
    existed) stands for itself."""
    story = func.coalesce(story_articles.c.story_id, cast(articles.c.pk, String))
    rank = (
        func.row_number()
        .over(partition_by=story, order_by=(articles.c.published_at.asc().nulls_last(), articles.c.pk))
        .label("rank")
    )
    ranked = filtered(
        conn,
        select(articles.c.pk, rank).select_from(
            articles.outerjoin(story_articles, story_articles.c.article_pk == articles.c.pk)
        ),
        filters,
    ).subquery()
    return select(ranked.c.pk).where(ranked.c.rank == 1)


def search_articles(conn: Connection, filters: ArticleFilter) -> list[ArticleSummary]:
    limit, offset = filters.limit, filters.offset
    query = filtered(
        conn,
        select(
            articles.c.id,
            articles.c.title,
            articles.c.published,
            articles.c.url,
            articles.c.original_url,
            outlets.c.name.label("source_name"),
            story_articles.c.story_id,
        ).select_from(
            articles.outerjoin(outlets, outlets.c.id == articles.c.outlet_id).outerjoin(
                story_articles, story_articles.c.article_pk == articles.c.pk
            )
        ),
        filters,
        newest_first=not filters.collapse,
    )
    if query is None:
        return []
    if filters.collapse:
        query = query.where(articles.c.pk.in_(_earliest_per_story(conn, filters)))

    query = (
        query.order_by(articles.c.published_at.desc().nulls_last(), articles.c.pk.desc())
        .limit(limit)
        .offset(offset)
    )
    return [
        ArticleSummary(
            id=row.id,
            title=row.title,
            source_name=row.source_name,
            published=parse_published(row.published) if row.published else None,
            url=row.url,
            original_url=row.original_url,
            story_id=row.story_id,
        )
        for row in conn.execute(query)
    ]


def top_entities(
    conn: Connection,
    *,
    since: Bound = None,
    until: Bound = None,
    label: str | None = None,
    cooccurring: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> list[TopEntity]:
    """Entities by articles then mentions; with ``cooccurring``, only in the articles that
    also mention that entity (itself left out): "which organizations appear with this place"."""
    # Measured against a two-level GROUP BY (entity, article) then entity: no faster on
    # PostgreSQL, several times slower on SQLite; the distinct count stays.
    n_articles = func.count(entity_mentions.c.article_pk.distinct()).label("articles")
    n_mentions = func.count().label("mentions")
    # Spelling variants of one name ("إسرائيل", "اسرائيل") count as one entity, as entity
    # search already treats them; the name shown is one of the stored spellings.
    name = func.min(entities.c.canonical).label("canonical")
    query = select(name, entities.c.label, n_articles, n_mentions).select_from(
        entity_mentions.join(entities, entities.c.id == entity_mentions.c.entity_id)
    )
    if since is not None or until is not None:
        query = query.join(articles, articles.c.pk == entity_mentions.c.article_pk)
        query = _published_between(query, since, until)
    if label is not None:
        query = query.where(entities.c.label == label)
    if cooccurring is not None:
        other = normalize(cooccurring)
        query = query.where(
            entity_mentions.c.article_pk.in_(_mentioning(other)),
            entities.c.canonical_normalized != other,
        )
    query = (
        query.group_by(entities.c.canonical_normalized, entities.c.label)
        .order_by(n_articles.desc(), n_mentions.desc(), name)
        .limit(limit)
        .offset(offset)
    )
    return [
        TopEntity(canonical=r.canonical, label=r.label, articles=r.articles, mentions=r.mentions)
        for r in conn.execute(query)
    ]


def count_articles(conn: Connection) -> int:
    return conn.execute(select(func.count()).select_from(articles)).scalar_one()


def stories_of(conn: Connection, article_ids: list[str]) -> dict[str, str]:
    rows = conn.execute(
        select(articles.c.id, story_articles.c.story_id)
        .join(story_articles, story_articles.c.article_pk == articles.c.pk)
        .where(articles.c.id.in_(article_ids))
    )
    return {row.id: row.story_id for row in rows}
