"""The store's database goes down mid-run: the stage waits, loses nothing, dead-letters nothing."""

from __future__ import annotations

import json
import time

import pytest
from sqlalchemy import create_engine, text

from akhbar.shared import streams
from tests import pg_private
from tests.e2e.processes import Pipeline, distinct_pages

pytestmark = pytest.mark.e2e

PAGES = 500
DOWN_S = 20


@pytest.fixture
def postgres():
    why = pg_private.missing()
    if why:
        pytest.skip(f"no private PostgreSQL: {why}")
    server = pg_private.PrivatePostgres()
    server.start()
    yield server
    server.remove()


def test_database_down_for_20_s_mid_run_stores_every_page_once_with_an_empty_dlq(redis_url, tmp_path, postgres):
    """500 pages; PostgreSQL stopped for 20 s once about a fifth are stored (far longer than
    the five deliveries a failing entry gets at a 1.5 s reclaim). `akhbar stats` names the
    stalled stage and its database meanwhile; afterwards every page is one row, no dead letter."""
    pipeline = Pipeline(redis_url, tmp_path, DATABASE_URL=postgres.url)
    try:
        pipeline.start()
        for fields in distinct_pages(PAGES):
            pipeline.redis.xadd(streams.RAW, fields)
        assert pipeline.wait_for(streams.STORED, PAGES // 5) >= PAGES // 5, pipeline.log_tail("store")
        postgres.stop()
        stalled = None
        deadline = time.monotonic() + DOWN_S
        while time.monotonic() < deadline:
            stats = pipeline.akhbar("stats")
            states = json.loads(stats.stdout)["stages"]["store"]
            if any(s["state"] == "stalled" for s in states):
                stalled = next(s for s in states if s["state"] == "stalled")
            time.sleep(1)
        assert stalled is not None and stalled["dependency"] == "database", pipeline.log_tail("store")
        postgres.start()
        assert pipeline.wait_for(streams.STORED, PAGES, timeout=240) >= PAGES, pipeline.log_tail("store")
        assert pipeline.dlq_sizes() == {s: 0 for s in streams.SERVICES}
        stats = json.loads(pipeline.akhbar("stats").stdout)
        assert all(s["state"] == "working" for s in stats["stages"]["store"]), stats["stages"]
    finally:
        pipeline.stop()
    engine = create_engine(postgres.url)
    with engine.connect() as conn:
        rows, distinct = conn.execute(text("SELECT count(*), count(DISTINCT id) FROM articles")).one()
    engine.dispose()
    assert rows == distinct == PAGES
