"""A service's start-up against a real server: the core is warmed and the heap frozen first."""

from __future__ import annotations

import asyncio
import datetime as dt
import gc

import pytest
import redis.asyncio as aioredis
from faststream import TestApp

from akhbar.shared import streams
from akhbar.shared.reliable import Processed
from akhbar.shared.schemas import ArticleEnriched, ArticleStored, EnrichedArticle
from akhbar.shared.service import StageSpec, build_app
from akhbar.shared.settings import Settings
from akhbar.shared.wire import encode
from tests.unit.pipeline.fakes import MemorySink

pytestmark = pytest.mark.integration


def _handle(fields: dict[str, str]) -> Processed:
    stored = ArticleStored(article_id="a", created=True, stored_at=dt.datetime.now(dt.UTC))
    return Processed(stored, "a")


def _app(redis_url: str, warmup, sink: MemorySink):
    spec = StageSpec(
        service="store", handler=_handle, consumes=ArticleEnriched, produces=ArticleStored,
        description="test stage", warmup=warmup,
    )
    return build_app(spec, Settings(redis_url=redis_url, maintenance_interval_s=60, poll_ms=50), sink)


async def test_warmup_runs_at_start_up_and_what_it_loaded_is_frozen(redis_url):
    loaded: list[list[int]] = []
    gc.unfreeze()
    try:
        async with TestApp(_app(redis_url, lambda: loaded.append(list(range(10))), MemorySink())):
            assert loaded == [list(range(10))]
            assert gc.get_freeze_count() > 1000
    finally:
        gc.unfreeze()


async def test_a_failing_warmup_does_not_keep_the_service_from_processing(redis_url):
    """The warm-up is an optimisation: if it fails (database down), entries still flow."""

    def database_down() -> None:
        raise ConnectionError("database down")

    sink = MemorySink()
    client = aioredis.from_url(redis_url)
    gc.unfreeze()
    try:
        async with TestApp(_app(redis_url, database_down, sink)):
            article = EnrichedArticle(id="a", title="t", source_name="s", published=dt.date(2025, 1, 1))
            await client.xadd(streams.ENRICHED, encode(ArticleEnriched(article=article), "a"))
            for _ in range(100):
                if sink.acks:
                    break
                await asyncio.sleep(0.05)
        assert [p["article_id"] for p in sink.published(streams.STORED)] == ["a"]
    finally:
        gc.unfreeze()
        await client.aclose()
