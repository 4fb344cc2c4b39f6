"""``akhbar tail``: enriched articles as JSON lines, oldest first; with ``--group``, durably.

Without ``--group`` it reads the stream and remembers nothing. With ``--group NAME`` it reads
as consumer group NAME (``akhbar.shared.subscribe``): each article is acknowledged once its
line is written and flushed, so a second run goes on where the first stopped, and an article
printed but not yet acknowledged when Ctrl-C came is printed again, never lost.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator

import typer

from akhbar.cli.connect import redis_client
from akhbar.cli.errors import fail, friendly
from akhbar.shared import streams
from akhbar.shared.schemas import ArticleEnriched, EnrichedArticle
from akhbar.shared.wire import load


def follow(client, stream: str, start: str = "0", timeout: float | None = None) -> Iterator[tuple[str, EnrichedArticle]]:
    """Enriched articles after ``start``, waiting for new ones until ``timeout`` seconds."""
    deadline = None if timeout is None else time.monotonic() + timeout
    last = start
    while True:
        left = None if deadline is None else deadline - time.monotonic()
        if left is not None and left <= 0:
            return
        block = 1000 if left is None else max(1, min(1000, int(left * 1000)))
        reply = client.xread({stream: last}, count=100, block=block)
        for _, entries in reply or []:
            for entry_id, fields in entries:
                last = entry_id
                try:
                    article = load(ArticleEnriched, fields).article
                except ValueError:
                    continue  # not an article event; tail shows articles only
                yield entry_id, article


def _line(article: EnrichedArticle) -> str:
    return json.dumps(article.model_dump(mode="json"), ensure_ascii=False)


@friendly
def tail_cmd(
    count: int | None = typer.Option(None, "--count", min=1, help="Exit after N articles"),
    timeout: float | None = typer.Option(None, "--timeout", min=0, help="Exit after S seconds"),
    group: str | None = typer.Option(
        None, "--group", help="Read as this consumer group: acknowledge what is printed, resume there next time"
    ),
    consumer: str = typer.Option("tail", "--consumer", help="With --group: this reader's name within the group"),
    keep_following: bool = typer.Option(
        False, "--follow", help="With --group: wait for new articles instead of exiting when none is left"
    ),
    from_start: bool = typer.Option(
        False, "--from-start", help="Start at the oldest article kept (a new group's default; moves an existing group)"
    ),
    from_now: bool = typer.Option(False, "--from-now", help="Start with articles enriched from now on"),
) -> None:
    """Print enriched articles as JSON lines, oldest first."""
    if from_start and from_now:
        fail("--from-start and --from-now exclude each other", 2)
    client = redis_client()
    if group is None:
        start = client.xinfo_stream(streams.ENRICHED)["last-generated-id"] if from_now and client.exists(streams.ENRICHED) else "0"
        seen = 0
        try:
            for _, article in follow(client, streams.ENRICHED, start, timeout):
                typer.echo(_line(article))
                seen += 1
                if count is not None and seen >= count:
                    return
        except KeyboardInterrupt:
            raise typer.Exit(130) from None
        return
    _tail_group(client, group, consumer, "beginning" if from_start else "now" if from_now else None,
                keep_following, count, timeout)


def _tail_group(client, group: str, consumer: str, start, keep_following: bool, count: int | None,
                timeout: float | None) -> None:
    from akhbar.shared.subscribe import Subscription

    def skipped(entry_id: str, reason: str) -> None:
        typer.echo(f"skipped {entry_id}: not an enriched article ({reason})", err=True)

    subscription = Subscription(client, group, consumer, on_skip=skipped)
    subscription.join(start)
    seen = 0
    try:
        for entry_id, article in subscription.deliveries(follow=keep_following, timeout=timeout):
            sys.stdout.write(_line(article) + "\n")
            sys.stdout.flush()
            # Only once the line is out: a Ctrl-C before this leaves it pending, printed again.
            subscription.ack(entry_id)
            seen += 1
            if count is not None and seen >= count:
                return
    except KeyboardInterrupt:
        raise typer.Exit(130) from None
