"""A real FastStream stage app on a real server: a poison page, its dead letter, its replay."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import subprocess
import sys

import pytest
import redis.asyncio as aioredis

from akhbar.shared import streams
from akhbar.shared.reliable import Processed
from akhbar.shared.schemas import ArticleStored
from akhbar.shared.service import StageSpec, build_app
from akhbar.shared.settings import Settings

pytestmark = pytest.mark.integration


class Flaky:
    """Fails for one page until ``fixed`` is set, like a bug and its fix."""

    def __init__(self, poison: str) -> None:
        self.poison = poison
        self.fixed = False
        self.calls: dict[str, int] = {}

    def __call__(self, fields: dict[str, str]) -> Processed:
        key = fields["key"]
        self.calls[key] = self.calls.get(key, 0) + 1
        if key == self.poison and not self.fixed:
            raise RuntimeError(f"cannot handle {key}")
        return Processed(ArticleStored(article_id=key, created=True, stored_at=dt.datetime.now(dt.UTC)), key)


@contextlib.asynccontextmanager
async def running(app):
    task = asyncio.create_task(app.run())
    await asyncio.sleep(0.5)
    try:
        yield
    finally:
        app.exit()
        await asyncio.wait_for(task, 20)


async def _until(predicate, timeout: float = 20) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not await predicate():
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.1)


async def test_poison_page_is_dead_lettered_then_replayed_after_the_fix(redis_url):
    """After max_deliveries tries the poison page is in the DLQ with its reason; the others
    are stored; `akhbar dlq replay` after the fix stores it too."""
    settings = Settings(redis_url=redis_url, max_deliveries=3, claim_idle_ms=200,
                        maintenance_interval_s=0.1, batch_size=4, log_format="json")
    handler = Flaky("page-7")
    app = build_app(StageSpec(service="store", handler=handler, consumes=dict, produces=ArticleStored, description="test stage"), settings)
    r = aioredis.Redis.from_url(redis_url, decode_responses=True)
    for i in range(20):
        await r.xadd(streams.ENRICHED, {"key": f"page-{i}"})

    async with running(app):
        await _until(lambda: _xlen(r, streams.dlq("store"), 1))
        await _until(lambda: _xlen(r, streams.STORED, 19))
        (dlq_id, fields), = await r.xrange(streams.dlq("store"))
        letter = json.loads(fields["data"])
        assert letter["entry"] == {"key": "page-7"}
        assert letter["deliveries"] == 3 and handler.calls["page-7"] == 3
        assert "RuntimeError: cannot handle page-7" in letter["error"]
        assert fields["reason"] == "retries_exhausted"

        handler.fixed = True
        replay = await asyncio.to_thread(
            subprocess.run, [sys.executable, "-m", "akhbar.cli", "dlq", "replay", "store", "--id", dlq_id],
            capture_output=True, text=True, env={"REDIS_URL": redis_url, "PATH": ""}, timeout=60,
        )
        assert replay.returncode == 0, replay.stderr
        await _until(lambda: _xlen(r, streams.STORED, 20))
    stored = [json.loads(f["data"])["article_id"] for _, f in await r.xrange(streams.STORED)]
    assert sorted(stored) == sorted(f"page-{i}" for i in range(20))
    assert await r.xlen(streams.dlq("store")) == 0
    await r.aclose()


async def _xlen(r, stream: str, n: int) -> bool:
    return await r.xlen(stream) >= n
