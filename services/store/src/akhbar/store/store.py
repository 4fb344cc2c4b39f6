"""``Store``: the one object the store service, the API and the CLI talk to."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError

from akhbar.shared.schemas import EnrichedArticle
from akhbar.store import entity_queries, queries, story_queries
from akhbar.store.db import create_store_engine, migrate
from akhbar.store.filters import ArticleFilter, check_label
from akhbar.store.settings import default_database_url
from akhbar.store.story_views import StoryDetail, StoryMembership, StorySummary
from akhbar.store.views import (
    ArticleSummary,
    DayCount,
    EntityDetail,
    RegistryEntity,
    RelatedEntity,
    TopEntity,
)
from akhbar.store.when import parse_bound

DateArg = str | dt.date | None


def _writes():
    from akhbar.store import upsert

    return upsert


def _registry_db():
    from akhbar.store import registry_db

    return registry_db


class Store:
    """Enriched articles in SQLite or PostgreSQL. Thread-safe: each call takes a pooled
    connection for its own transaction."""

    def __init__(self, engine: Engine, *, registry: bool = True) -> None:
        # registry=False writes articles without entity registry upkeep: what a store made
        # before the registry held, and the benchmark's reference for what upkeep costs.
        self.engine = engine
        self.registry = registry
        # Writing code (and the numpy of story grouping) loads on the first write: a CLI
        # read (`akhbar articles get`) does not pay for it.
        self._dimensions = None
        if engine.dialect.name == "postgresql":
            # One-statement reads need no transaction: autocommit saves the BEGIN/ROLLBACK
            # round trips. get() reads four tables and must see one version of the article,
            # which READ COMMITTED does not promise across statements; REPEATABLE READ does.
            self._reader = engine.execution_options(isolation_level="AUTOCOMMIT")
            self._snapshot = engine.execution_options(isolation_level="REPEATABLE READ")
        else:
            # A SQLite read transaction already sees one snapshot for all its statements.
            self._reader = self._snapshot = engine

    @classmethod
    def from_url(
        cls, database_url: str | None = None, *, migrate_schema: bool = True, registry: bool = True
    ) -> Store:
        """Open (and by default migrate to head) the database at ``database_url``, else
        ``DATABASE_URL``, else the SQLite file ``var/akhbar.db``."""
        engine = create_store_engine(database_url or default_database_url())
        if migrate_schema:
            try:
                migrate(engine)
            except Exception:
                engine.dispose()
                raise
        return cls(engine, registry=registry)

    def _dims(self):
        if self._dimensions is None:
            self._dimensions = _writes().Dimensions()
        return self._dimensions

    def upsert(self, article: EnrichedArticle) -> bool:
        """Store ``article`` by its id; True if it was new. Replaces an older version whole."""
        try:
            return _writes().upsert_article(self.engine, article, self._dims(), self.registry)
        except IntegrityError:
            # The only integrity error an upsert can meet is a cached outlet/entity id that
            # no longer exists (the database was emptied or replaced under a running
            # process): forget the cache and write once more with fresh ids.
            self._dimensions = _writes().Dimensions()
            return _writes().upsert_article(self.engine, article, self._dims(), self.registry)

    def upsert_many(self, articles: list[EnrichedArticle]) -> list[bool]:
        """Store a batch in one transaction (much faster per article where each commit waits
        for the disk); for each article, whether it was new. All or nothing."""
        if not articles:
            return []
        try:
            return _writes().upsert_articles(self.engine, articles, self._dims(), self.registry)
        except IntegrityError:
            self._dimensions = _writes().Dimensions()  # see upsert()
            return _writes().upsert_articles(self.engine, articles, self._dims(), self.registry)

    def get(self, article_id: str) -> EnrichedArticle | None:
        with self._snapshot.connect() as conn:
            return queries.get_article(conn, article_id)

    def search(self, filters: ArticleFilter | None = None, /, **fields) -> list[ArticleSummary]:
        """Articles matching every filter given, newest first: an ``ArticleFilter``, or its
        fields as keywords (``store.search(entity="حموشي", since="2025-11-01")``). Dates are
        inclusive; ``since`` and ``until`` take dates, datetimes or their ISO text
        (``BadDate`` otherwise)."""
        if filters is None:
            filters = ArticleFilter(**fields)
        elif fields:
            raise TypeError("give an ArticleFilter or keyword filters, not both")
        with self._reader.connect() as conn:
            return queries.search_articles(conn, filters)

    def top_entities(
        self,
        since: DateArg = None,
        until: DateArg = None,
        label: str | None = None,
        limit: int = 20,
        offset: int = 0,
        cooccurring: str | None = None,
    ) -> list[TopEntity]:
        """Entities in the most articles published in the period (then most mentions);
        with ``cooccurring``, only counting articles that also mention that entity."""
        with self._reader.connect() as conn:
            return queries.top_entities(
                conn,
                since=parse_bound(since, "since"),
                until=parse_bound(until, "until"),
                label=check_label(label),
                cooccurring=cooccurring,
                limit=limit,
                offset=offset,
            )

    def reader(self):
        """A pooled connection for one read (``with store.reader() as conn``): what the
        web pages' own queries (``akhbar.store.web.queries``) run on."""
        return self._reader.connect()

    # ------------------------------------------------------------ the entity registry

    def find_entities(
        self, query: str, label: str | None = None, limit: int = 20, offset: int = 0
    ) -> list[RegistryEntity]:
        """Entities any of whose aliases (Arabic or Latin, or a whole word of a name) match
        ``query``, most articles first."""
        with self._reader.connect() as conn:
            return entity_queries.find_entities(conn, query, check_label(label), limit, offset)

    def entity(self, entity_id: int) -> EntityDetail | None:
        """One registry entity: aliases, counts, first/last seen, related, mentions per day."""
        with self._snapshot.connect() as conn:
            return entity_queries.entity_detail(conn, entity_id)

    def entity_named(self, name: str, label: str | None = None) -> EntityDetail | None:
        """The entity ``name`` names (the one in most articles when several do)."""
        with self._snapshot.connect() as conn:
            ids = entity_queries.resolve(conn, name, check_label(label))
            return entity_queries.entity_detail(conn, ids[0]) if ids else None

    def has_entity(self, entity_id: int) -> bool:
        with self._reader.connect() as conn:
            return bool(entity_queries.get_entities(conn, [entity_id]))

    def entity_timeline(self, entity_id: int) -> list[DayCount] | None:
        with self._snapshot.connect() as conn:
            if not entity_queries.get_entities(conn, [entity_id]):
                return None
            return entity_queries.timeline(conn, entity_id)

    def entity_related(self, entity_id: int, limit: int = 10) -> list[RelatedEntity] | None:
        with self._snapshot.connect() as conn:
            if not entity_queries.get_entities(conn, [entity_id]):
                return None
            return entity_queries.related(conn, entity_id, limit)

    def _one(self, conn, name: str, label: str | None) -> int:
        ids = entity_queries.resolve(conn, name, check_label(label))
        if not ids:
            raise LookupError(f"no entity named {name!r}")
        exact = [e for e in entity_queries.get_entities(conn, ids) if e.name == name.strip()]
        if len(ids) > 1 and len(exact) != 1:
            names = ", ".join(
                f"{e.name} ({e.label}, id {e.id})" for e in entity_queries.get_entities(conn, ids[:5])
            )
            raise LookupError(f"{name!r} names several entities: {names}; give its id or label")
        return exact[0].id if exact else ids[0]

    def _entity_ref(self, conn, ref: str | int, label: str | None) -> int:
        if isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit()):
            rid = int(ref)
            if not entity_queries.get_entities(conn, [rid]):
                raise LookupError(f"no entity with id {rid}")
            return rid
        return self._one(conn, ref, label)

    def merge_entities(self, source: str | int, target: str | int, label: str | None = None) -> EntityDetail:
        """A correction: entity ``source`` is entity ``target`` (by name or id). Remembered
        by name, so later articles and reindexing keep it."""
        with self.engine.execution_options(write=True).begin() as conn:
            src = self._entity_ref(conn, source, label)
            dst = self._entity_ref(conn, target, label)
            if src == dst:
                raise ValueError(f"{source!r} and {target!r} are already one entity")
            _registry_db().merge(conn, src, dst)
            return entity_queries.entity_detail(conn, dst)

    def split_entity(self, name: str | int, alias: str, label: str | None = None) -> EntityDetail:
        """A correction: the spelling ``alias`` is not entity ``name``; it becomes an entity
        of its own and stays one. Returns the new entity."""
        with self.engine.execution_options(write=True).begin() as conn:
            rid = self._entity_ref(conn, name, label)
            new = _registry_db().split(conn, rid, alias)
            return entity_queries.entity_detail(conn, new)

    def reindex(self, progress=None) -> int:
        """Rebuild the entity registry from every stored mention, corrections applied, in
        one transaction; ``progress(done, total)`` after each batch. Returns articles read."""
        with self.engine.execution_options(write=True).begin() as conn:
            return _registry_db().rebuild(conn, progress=progress)

    def group_ungrouped(self, progress=None) -> int:
        """Group every stored article that has no story yet (stored before story grouping
        existed), oldest first; articles already grouped keep their story, so it can run any
        number of times. ``progress(done, total)`` after each batch. Returns articles grouped."""
        from akhbar.store.story_index import backfill

        return backfill(self.engine, progress=progress)

    def registry_size(self) -> int:
        """How many entities the registry holds."""
        with self._reader.connect() as conn:
            return entity_queries.registry_size(conn)

    def stories_of(self, article_ids: list[str]) -> dict[str, str]:
        """The story id of each of these articles that is stored and grouped."""
        if not article_ids:
            return {}
        with self._reader.connect() as conn:
            return queries.stories_of(conn, article_ids)

    def stories(
        self,
        *,
        since: DateArg = None,
        until: DateArg = None,
        entity: str | None = None,
        outlet: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[StorySummary]:
        """Stories with an article matching every filter given, newest first
        (``story_queries.list_stories``)."""
        with self._reader.connect() as conn:
            return story_queries.list_stories(
                conn, since=since, until=until, entity=entity, outlet=outlet,
                limit=limit, offset=offset,
            )

    def story(self, story_id: str) -> StoryDetail | None:
        """One story: its articles by outlet and time, entities and dates merged."""
        with self._snapshot.connect() as conn:
            return story_queries.get_story(conn, story_id)

    def story_memberships(self, article_ids: list[str]) -> dict[str, StoryMembership]:
        """For each of these articles that is grouped: its story, relation, match, and the
        story's size (what ``akhbar:stories:updated`` announces)."""
        if not article_ids:
            return {}
        with self._snapshot.connect() as conn:
            return story_queries.memberships(conn, article_ids)

    def count(self) -> int:
        with self._reader.connect() as conn:
            return queries.count_articles(conn)

    def ping(self) -> None:
        """Raise if the database does not answer."""
        with self.engine.connect() as conn:
            conn.execute(text("SELECT 1"))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()
