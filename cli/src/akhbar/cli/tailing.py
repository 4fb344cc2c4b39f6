"""``akhbar tail``: enriched articles as JSON lines, oldest first."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import typer

from akhbar.cli.connect import redis_client
from akhbar.cli.errors import friendly
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


@friendly
def tail_cmd(
    count: int | None = typer.Option(None, "--count", min=1, help="Exit after N articles"),
    timeout: float | None = typer.Option(None, "--timeout", min=0, help="Exit after S seconds"),
) -> None:
    """Print enriched articles as JSON lines, oldest first."""
    client = redis_client()
    seen = 0
    for _, article in follow(client, streams.ENRICHED, "0", timeout):
        typer.echo(json.dumps(article.model_dump(mode="json"), ensure_ascii=False))
        seen += 1
        if count is not None and seen >= count:
            return
