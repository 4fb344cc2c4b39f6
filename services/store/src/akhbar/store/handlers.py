"""The store stage: ``ArticleEnriched`` in, upserted by id, ``ArticleStored`` out."""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Iterator

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from akhbar.shared.reliable import Processed, Unavailable
from akhbar.shared.schemas import ArticleEnriched, ArticleStored, StoryUpdated
from akhbar.shared.settings import Settings
from akhbar.shared.streams import STORIES_UPDATED
from akhbar.shared.wire import load
from akhbar.store.story_views import StoryMembership


class StoreHandlers:
    """The stage's two handlers over one lazily opened ``Store``.

    ``one`` upserts an article in its own transaction; ``batch`` upserts a whole batch in one
    (a commit costs a disk sync, most of a single upsert's time). Both upsert by article id,
    so a redelivered message updates its row and never doubles it.
    """

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._store = None
        self._lock = threading.Lock()

    def store(self):
        with self._lock:  # one connection setup (and migration run) per process
            if self._store is None:
                from akhbar.store import Store

                self._store = Store.from_url(self._settings.store_url())
        return self._store

    def one(self, fields: dict[str, str]) -> Processed:
        enriched = load(ArticleEnriched, fields)
        with _database_outage():
            created = self.store().upsert(enriched.article)
            stories = self.store().story_memberships([enriched.article.id])
        return _stored(enriched, created, stories.get(enriched.article.id))

    def batch(self, batch: list[dict[str, str]]) -> list[Processed]:
        # Validation first: a bad entry raises before anything is written, and the stage
        # then retries the batch entry by entry so only that one fails.
        enriched = [load(ArticleEnriched, fields) for fields in batch]
        with _database_outage():
            created = self.store().upsert_many([e.article for e in enriched])
            stories = self.store().story_memberships([e.article.id for e in enriched])
        return [
            _stored(e, c, stories.get(e.article.id))
            for e, c in zip(enriched, created, strict=True)
        ]


@contextlib.contextmanager
def _database_outage() -> Iterator[None]:
    """A database that cannot be reached is no article's fault: the stage waits for it.

    OperationalError is what drivers raise for a refused or dropped connection, a server
    shutting down, an SQLite file that cannot be opened or stays locked; InterfaceError a
    connection already closed. Errors about the data itself (integrity, types) are not these.
    """
    try:
        yield
    except (OperationalError, InterfaceError) as e:
        raise Unavailable("database", str(e.orig or e).strip().splitlines()[0]) from e
    except DBAPIError as e:
        if e.connection_invalidated:
            raise Unavailable("database", str(e.orig or e).strip().splitlines()[0]) from e
        raise


def _stored(
    enriched: ArticleEnriched, created: bool, story: StoryMembership | None
) -> Processed:
    """The ``ArticleStored`` event and, for an article with a story, its ``StoryUpdated``.

    Both are built after the database transaction committed (the story read back from it)
    and go out with the input's acknowledgement in one Redis transaction. A crash between
    the two commits redelivers the article: it keeps its story, so the redelivery publishes
    the same story facts again (docs/stories.md: what a consumer sees)."""
    now = dt.datetime.now(dt.UTC)
    event = ArticleStored(
        article_id=enriched.article.id,
        created=created,
        stored_at=now,
        story_id=story.story_id if story is not None else None,
    )
    also = []
    log = {"article_id": enriched.article.id, "created": created}
    if story is not None:
        also.append((STORIES_UPDATED, StoryUpdated(**story.model_dump(), updated_at=now)))
        log["story_id"], log["relation"] = story.story_id, story.relation
    return Processed(event, enriched.article.id, log, also)
