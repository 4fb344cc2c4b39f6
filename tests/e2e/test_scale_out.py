"""Scale-out: two enrich processes in one consumer group split the work, each entry once."""

from __future__ import annotations

import json
import socket
import time

import pytest
import redis

from akhbar.shared import streams
from tests.e2e.processes import Pipeline, distinct_pages

pytestmark = pytest.mark.e2e

N = 200


@pytest.fixture
def pipeline(redis_url, tmp_path):
    # Small reads, so that the work is handed out in many pieces rather than a few big ones.
    p = Pipeline(redis_url, tmp_path, AKHBAR_BATCH_SIZE="4")
    yield p
    p.stop()


def _enrich_consumers(client: redis.Redis) -> dict[str, dict]:
    try:
        rows = client.xinfo_consumers(streams.PARSED, streams.group("enrich"))
    except redis.ResponseError:  # the group does not exist yet
        return {}
    return {r["name"]: r for r in rows}


def _events(pipeline: Pipeline, name: str) -> list[dict]:
    out = []
    for line in (pipeline.logs / f"{name}.log").read_text(errors="replace").splitlines():
        if line.startswith("{"):  # tracebacks and framework lines are never outcome lines
            out.append(json.loads(line))
    return out


def _started(pipeline: Pipeline, name: str) -> bool:
    return any(e.get("event") == "service_started" for e in _events(pipeline, name))


def _processed_keys(pipeline: Pipeline, name: str) -> list[str]:
    """Article ids of the outcome lines `processed` (outcome ok) in one process's log."""
    keys = []
    for event in _events(pipeline, name):
        if event.get("event") == "processed" and event.get("service") == "enrich":
            assert event["outcome"] == "ok"
            keys.append(event["key"])
    return keys


class TestTwoEnrichReplicas:
    def test_two_enrich_processes_share_the_group_and_enrich_each_article_exactly_once(self, pipeline):
        """With two enrich processes in one group, 200 pages give 200 enriched entries and 200 rows;
        each process enriched some of them and no article was enriched by both or twice."""
        pipeline.start()
        second = pipeline.start_replica("enrich")
        names = {
            f"enrich-{socket.gethostname()}-{pipeline.procs[p].pid}" for p in ("enrich", second)
        }
        # Wait until both have started their subscribers, so that neither gets the whole stream
        # merely because the other was still loading. (XINFO CONSUMERS cannot tell: Redis 7.0
        # adds a consumer only when a read returns entries to it.)
        deadline = time.monotonic() + 120
        while not all(_started(pipeline, p) for p in ("enrich", second)) and time.monotonic() < deadline:
            for s, p in pipeline.procs.items():
                assert p.poll() is None, f"{s} exited: {pipeline.log_tail(s)}"
            time.sleep(0.1)

        push = pipeline.redis.pipeline(transaction=False)
        for fields in distinct_pages(N):
            push.xadd(streams.RAW, fields)
        push.execute()

        assert pipeline.wait_for(streams.STORED, N, timeout=240) == N, pipeline.log_tail(second)
        time.sleep(1.0)  # a duplicate publish would have landed by now
        assert pipeline.redis.xlen(streams.ENRICHED) == N
        assert pipeline.redis.xlen(streams.STORED) == N

        # Both read from the group under their own consumer names (one per process).
        assert set(_enrich_consumers(pipeline.redis)) == names
        first_keys, second_keys = _processed_keys(pipeline, "enrich"), _processed_keys(pipeline, second)
        assert first_keys and second_keys, (len(first_keys), len(second_keys))
        assert len(first_keys) + len(second_keys) == N  # one outcome line per enrichment: none twice
        assert not set(first_keys) & set(second_keys)
        enriched_ids = {f["id"] for _, f in pipeline.redis.xrange(streams.ENRICHED)}
        assert set(first_keys) | set(second_keys) == enriched_ids
        assert len(enriched_ids) == N

        stored = [json.loads(f["data"]) for _, f in pipeline.redis.xrange(streams.STORED)]
        assert all(s["created"] for s in stored)  # no article was upserted a second time
        assert pipeline.pending() == {s: 0 for s in streams.SERVICES}
        assert pipeline.dlq_sizes() == {s: 0 for s in streams.SERVICES}

        from akhbar.store import Store

        store = Store.from_url(pipeline.env["DATABASE_URL"])
        try:
            assert store.count() == N
        finally:
            store.close()
