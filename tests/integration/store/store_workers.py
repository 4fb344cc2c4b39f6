"""Code that the concurrency tests run in separate processes (importable by spawned children)."""

from __future__ import annotations

from akhbar.shared.schemas import EnrichedArticle
from akhbar.store import Store


def upsert_repeatedly(database_url: str, article_json: str, times: int, barrier) -> list[bool]:
    """Open the store like a consumer would, wait for the others, then upsert ``times`` times."""
    article = EnrichedArticle.model_validate_json(article_json)
    store = Store.from_url(database_url)
    try:
        barrier.wait(timeout=60)
        created = []
        for i in range(times):
            # Each round is a newer enrichment (different title), so every round writes.
            version = article.model_copy(update={"title": f"{article.title} ({i})"})
            created.append(store.upsert(version))
        return created
    finally:
        store.close()


def open_store(database_url: str, barrier) -> int:
    """Open (and so migrate) the store at the same moment as the other processes."""
    barrier.wait(timeout=60)
    store = Store.from_url(database_url)
    try:
        return store.count()
    finally:
        store.close()
