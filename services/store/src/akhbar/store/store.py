"""``Store``: the one object the store service, the API and the CLI talk to."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError

from akhbar.shared.schemas import EnrichedArticle
from akhbar.store import queries
from akhbar.store.db import create_store_engine, migrate
from akhbar.store.settings import default_database_url
from akhbar.store.upsert import Dimensions, upsert_article, upsert_articles
from akhbar.store.views import ArticleSummary, TopEntity
from akhbar.store.when import parse_bound

LABELS = ("PER", "ORG", "LOC", "MISC")
DateArg = str | dt.date | None


def _check_label(label: str | None) -> str | None:
    if label is not None and label not in LABELS:
        raise ValueError(f"label: {label!r} is not one of {', '.join(LABELS)}")
    return label


class Store:
    """Enriched articles in SQLite or PostgreSQL. Thread-safe: each call takes a pooled
    connection for its own transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._dimensions = Dimensions()
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
    def from_url(cls, database_url: str | None = None, *, migrate_schema: bool = True) -> Store:
        """Open (and by default migrate to head) the database at ``database_url``, else
        ``DATABASE_URL``, else the SQLite file ``var/akhbar.db``."""
        engine = create_store_engine(database_url or default_database_url())
        if migrate_schema:
            try:
                migrate(engine)
            except Exception:
                engine.dispose()
                raise
        return cls(engine)

    def upsert(self, article: EnrichedArticle) -> bool:
        """Store ``article`` by its id; True if it was new. Replaces an older version whole."""
        try:
            return upsert_article(self.engine, article, self._dimensions)
        except IntegrityError:
            # The only integrity error an upsert can meet is a cached outlet/entity id that
            # no longer exists (the database was emptied or replaced under a running
            # process): forget the cache and write once more with fresh ids.
            self._dimensions = Dimensions()
            return upsert_article(self.engine, article, self._dimensions)

    def upsert_many(self, articles: list[EnrichedArticle]) -> list[bool]:
        """Store a batch in one transaction (much faster per article where each commit waits
        for the disk); for each article, whether it was new. All or nothing."""
        if not articles:
            return []
        try:
            return upsert_articles(self.engine, articles, self._dimensions)
        except IntegrityError:
            self._dimensions = Dimensions()  # see upsert()
            return upsert_articles(self.engine, articles, self._dimensions)

    def get(self, article_id: str) -> EnrichedArticle | None:
        with self._snapshot.connect() as conn:
            return queries.get_article(conn, article_id)

    def search(
        self,
        entity: str | None = None,
        label: str | None = None,
        outlet: str | None = None,
        since: DateArg = None,
        until: DateArg = None,
        text: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[ArticleSummary]:
        """Articles matching every filter given, newest first. Dates are inclusive; ``since``
        and ``until`` take dates, datetimes or their ISO text (``BadDate`` otherwise)."""
        with self._reader.connect() as conn:
            return queries.search_articles(
                conn,
                entity=entity,
                label=_check_label(label),
                outlet=outlet,
                since=parse_bound(since, "since"),
                until=parse_bound(until, "until"),
                text_query=text,
                limit=limit,
                offset=offset,
            )

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
                label=_check_label(label),
                cooccurring=cooccurring,
                limit=limit,
                offset=offset,
            )

    def stories_of(self, article_ids: list[str]) -> dict[str, str]:
        """The story id of each of these articles that is stored and grouped."""
        if not article_ids:
            return {}
        with self._reader.connect() as conn:
            return queries.stories_of(conn, article_ids)

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
