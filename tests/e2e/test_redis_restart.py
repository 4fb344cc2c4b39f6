"""The server restarts mid-run (same data directory, persistence on): nothing is lost."""

from __future__ import annotations

import json
import time

import pytest

from akhbar.shared import streams
from akhbar.shared.embedded import EmbeddedValkey
from tests.e2e.processes import Pipeline, distinct_pages

pytestmark = pytest.mark.e2e

N = 120


def test_services_survive_a_redis_restart_and_finish_the_run(tmp_path):
    """Stop the embedded server while pages flow, start it again on the same port and
    data: every service reconnects on its own and all pages are stored, once each."""
    server = EmbeddedValkey(tmp_path / "data")
    url = server.start()
    port = server.server.port
    p = Pipeline(url, tmp_path, AKHBAR_BATCH_SIZE="4")
    try:
        p.start()
        pipe = p.redis.pipeline(transaction=False)
        for fields in distinct_pages(N):
            pipe.xadd(streams.RAW, fields)
        pipe.execute()
        deadline = time.monotonic() + 120
        while p.redis.xlen(streams.STORED) < 10 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert p.redis.xlen(streams.STORED) < N, "the run finished before the restart"

        server.stop()
        time.sleep(0.5)  # services see connection errors meanwhile
        server = EmbeddedValkey(tmp_path / "data", port=port)
        server.start()

        assert p.wait_for(streams.STORED, N, timeout=240) >= N, p.log_tail("store")
        time.sleep(1.0)
        stored = [json.loads(f["data"]) for _, f in p.redis.xrange(streams.STORED)]
        assert len({s["article_id"] for s in stored}) == N
        assert p.pending() == {s: 0 for s in streams.SERVICES}
        assert p.dlq_sizes() == {s: 0 for s in streams.SERVICES}
        assert all(proc.poll() is None for proc in p.procs.values())

        from akhbar.store import Store

        store = Store.from_url(p.env["DATABASE_URL"])
        try:
            assert store.count() == N
        finally:
            store.close()
    finally:
        p.stop()
        server.stop()
