"""Nothing lost, nothing doubled: kill -9 a stage mid-run, restart it, count what is stored."""

from __future__ import annotations

import json
import time

import pytest
import redis

from akhbar.shared import streams
from tests.e2e.processes import Pipeline, distinct_pages

pytestmark = pytest.mark.e2e

N = 300


@pytest.fixture
def pipeline(redis_url, tmp_path):
    p = Pipeline(redis_url, tmp_path, AKHBAR_BATCH_SIZE="8")
    yield p
    p.stop()


@pytest.mark.parametrize("victim", ["enrich", "parse"])
def test_kill9_mid_run_loses_and_doubles_nothing(pipeline, victim):
    """300 pages; the victim is killed with SIGKILL mid-stream and restarted: 300 stored, once each."""
    pipeline.start()
    pipe = pipeline.redis.pipeline(transaction=False)
    for fields in distinct_pages(N):
        pipe.xadd(streams.RAW, fields)
    pipe.execute()

    def victim_group() -> dict:
        groups = pipeline.redis.xinfo_groups(streams.INPUT[victim])
        return next(g for g in groups if g["name"] == streams.group(victim))

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if (victim_group()["entries-read"] or 0) >= 16:
                break
        except (StopIteration, redis.ResponseError):
            pass
        time.sleep(0.002)
    pipeline.kill9(victim)
    group = victim_group()
    assert group["lag"] or group["pending"], "the victim finished before it could be killed"
    time.sleep(0.5)
    pipeline.start(victim)  # a new process: a new consumer name, like a restarted container

    assert pipeline.wait_for(streams.STORED, N, timeout=300) == N, pipeline.log_tail(victim)
    time.sleep(1.0)  # anything duplicated would show up by now
    stored = [json.loads(f["data"]) for _, f in pipeline.redis.xrange(streams.STORED)]
    assert len(stored) == N
    assert len({s["article_id"] for s in stored}) == N
    assert all(s["created"] for s in stored)  # no article was stored twice
    assert pipeline.redis.xlen(streams.ENRICHED) == N  # publish+ack is one transaction
    # Each stored article's story went out with its ArticleStored, in the same transaction.
    updates = [json.loads(f["data"]) for _, f in pipeline.redis.xrange(streams.STORIES_UPDATED)]
    assert sorted(u["article_id"] for u in updates) == sorted(s["article_id"] for s in stored)
    assert {u["article_id"]: u["story_id"] for u in updates} == {
        s["article_id"]: s["story_id"] for s in stored}
    assert pipeline.pending() == {s: 0 for s in streams.SERVICES}
    assert pipeline.dlq_sizes() == {s: 0 for s in streams.SERVICES}

    from akhbar.store import Store

    store = Store.from_url(pipeline.env["DATABASE_URL"])
    try:
        assert store.count() == N
    finally:
        store.close()
