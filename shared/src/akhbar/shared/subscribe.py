"""Durable subscription to enriched articles: your own consumer group on the enriched stream.

    from akhbar.shared.subscribe import enriched_articles

    for article in enriched_articles("my-indexer"):
        index(article)            # acknowledged when the loop asks for the next article

The group remembers what it has been given. An article is acknowledged only once your loop
body has finished with it (the generator resumes); if the body raises, or the process is
killed, the article stays pending and is delivered again on the next run (at least once:
make the handling idempotent by ``article.id``). A new group starts from the oldest article
still in the stream (``start="now"``: only articles enriched from now on).

``Subscription`` is the same with explicit acknowledgement (``akhbar tail --group`` uses it):
``deliveries()`` yields ``(entry_id, article)``, and ``ack(entry_id)`` marks it done.

The stream keeps every entry some group has not finished with; a group you stop using holds
the stream's memory until it is deleted (``redis-cli XGROUP DESTROY <stream> <group>``).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any, Literal

from pydantic import ValidationError
from redis.exceptions import ResponseError

from akhbar.shared import streams
from akhbar.shared.schemas import ArticleEnriched, EnrichedArticle
from akhbar.shared.wire import WireError, decode_fields, load, text

Start = Literal["beginning", "now"]
_START_ID = {"beginning": "0", "now": "$"}


class Subscription:
    """One consumer of one group on the enriched stream (a sync redis-py client)."""

    def __init__(
        self,
        client: Any,
        group: str,
        consumer: str = "consumer",
        *,
        stream: str = streams.ENRICHED,
        claim_idle_ms: int = 60_000,
        on_skip: Callable[[str, str], None] | None = None,
    ) -> None:
        self.client = client
        self.group = group
        self.consumer = consumer
        self.stream = stream
        self.claim_idle_ms = claim_idle_ms
        self.on_skip = on_skip

    def join(self, start: Start | None = None) -> bool:
        """Create the group (at ``start``, default the beginning); True when it was new.

        ``start`` given for a group that exists moves it there: ``"beginning"`` delivers
        everything the stream still holds again, ``"now"`` skips what is unread.
        """
        try:
            self.client.xgroup_create(self.stream, self.group, id=_START_ID[start or "beginning"], mkstream=True)
            return True
        except ResponseError as e:
            if "BUSYGROUP" not in str(e):
                raise
        if start is not None:
            self.client.xgroup_setid(self.stream, self.group, id=_START_ID[start])
        return False

    def ack(self, entry_id: str) -> None:
        self.client.xack(self.stream, self.group, entry_id)

    def deliveries(self, follow: bool = False, timeout: float | None = None, batch: int = 100) -> Iterator[tuple[str, EnrichedArticle]]:
        """Entries not yet acknowledged by this group, oldest first, then new ones.

        First what this consumer was given and never acknowledged (a previous run stopped
        by Ctrl-C or killed), then entries another consumer of the group left idle past
        ``claim_idle_ms``, then new entries. Without ``follow`` it stops when none is left;
        with it, it waits for more (until ``timeout`` seconds, if given).
        """
        deadline = None if timeout is None else time.monotonic() + timeout
        yield from self._pending(batch)
        yield from self._claimed(batch)
        while True:
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                return
            block = None
            if follow or left is not None:
                block = 1000 if left is None else max(1, min(1000, int(left * 1000)))
            reply = self.client.xreadgroup(self.group, self.consumer, {self.stream: ">"}, count=batch, block=block)
            entries = _entries(reply)
            if not entries:
                if not follow and left is None:
                    return
                yield from self._claimed(batch)
                continue
            yield from self._articles(entries)

    def _pending(self, batch: int) -> Iterator[tuple[str, EnrichedArticle]]:
        after = "0"
        while True:
            reply = self.client.xreadgroup(self.group, self.consumer, {self.stream: after}, count=batch)
            entries = _entries(reply)
            if not entries:
                return
            after = entries[-1][0]
            yield from self._articles(entries)

    def _claimed(self, batch: int) -> Iterator[tuple[str, EnrichedArticle]]:
        cursor = "0-0"
        while True:
            reply = self.client.xautoclaim(
                self.stream, self.group, self.consumer, self.claim_idle_ms, start_id=cursor, count=batch
            )
            cursor, entries = reply[0], reply[1]
            yield from self._articles(entries)
            if text(cursor) == "0-0":
                return

    def _articles(self, entries: list) -> Iterator[tuple[str, EnrichedArticle]]:
        for entry_id, fields in entries:
            entry_id = text(entry_id)
            if not fields:
                # Trimmed while pending (the group was away past the stream's retention).
                self.ack(entry_id)
                continue
            try:
                article = load(ArticleEnriched, decode_fields(fields)).article
            except (ValidationError, WireError, ValueError) as e:
                # Not an article this version can read: it will never become one; say so, move on.
                if self.on_skip:
                    self.on_skip(entry_id, str(e).splitlines()[0])
                self.ack(entry_id)
                continue
            yield entry_id, article


def enriched_articles(
    group: str,
    *,
    consumer: str = "consumer",
    url: str | None = None,
    client: Any = None,
    start: Start | None = None,
    follow: bool = True,
    timeout: float | None = None,
) -> Iterator[EnrichedArticle]:
    """Enriched articles for consumer group ``group``, each acknowledged once handled.

    ``url``: the Redis of the deployment (default: ``REDIS_URL``, else the embedded server
    ``akhbar run`` started); or pass a redis-py ``client``. ``follow=False`` stops when no
    article is left; ``timeout`` stops after that many seconds.
    """
    if client is None:
        import redis

        from akhbar.shared.embedded import resolve_redis_url
        from akhbar.shared.settings import get_settings

        client = redis.Redis.from_url(url or resolve_redis_url(get_settings()), decode_responses=True)
    subscription = Subscription(client, group, consumer)
    subscription.join(start)
    for entry_id, article in subscription.deliveries(follow=follow, timeout=timeout):
        yield article
        # Reached only when the caller asks for the next one: its loop body finished.
        subscription.ack(entry_id)


def _entries(reply: Any) -> list:
    return reply[0][1] if reply else []
