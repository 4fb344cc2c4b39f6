"""The store stage: ``ArticleEnriched`` in, upserted by id, ``ArticleStored`` out."""

from __future__ import annotations

import datetime as dt
import threading

from akhbar.shared.reliable import Processed
from akhbar.shared.schemas import ArticleEnriched, ArticleStored
from akhbar.shared.settings import Settings
from akhbar.shared.wire import load


def make_handler(settings: Settings):
    store = None
    lock = threading.Lock()

    def handle(fields: dict[str, str]) -> Processed:
        nonlocal store
        enriched = load(ArticleEnriched, fields)
        with lock:  # one connection setup (and migration run) per process
            if store is None:
                from akhbar.store import Store

                store = Store.from_url(settings.store_url())
        # Upsert by article id: a redelivered message updates the row, never doubles it.
        created = store.upsert(enriched.article)
        event = ArticleStored(article_id=enriched.article.id, created=created, stored_at=dt.datetime.now(dt.UTC))
        return Processed(event, enriched.article.id, {"article_id": enriched.article.id, "created": created})

    return handle
