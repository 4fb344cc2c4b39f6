"""The pipeline on a Redis Cluster: cluster clients, and every stream under one hash tag."""

from __future__ import annotations

import json

import pytest
import redis

from tests.e2e.processes import Pipeline, distinct_pages
from tests.redis_server import cluster_node

pytestmark = pytest.mark.e2e

PREFIX = "{akhbar-e2e}"
N = 40


@pytest.fixture(scope="module")
def cluster_url(tmp_path_factory):
    with cluster_node(tmp_path_factory.mktemp("cluster")) as url:
        yield url


def test_the_four_services_run_on_a_cluster_and_store_every_page_once(cluster_url, tmp_path):
    pipeline = Pipeline(
        cluster_url, tmp_path,
        AKHBAR_REDIS_CLUSTER="1", AKHBAR_STREAM_PREFIX=PREFIX,
    )
    client = redis.RedisCluster.from_url(cluster_url, decode_responses=True)
    try:
        pipeline.start()
        pages = tmp_path / "pages"
        pages.mkdir()
        for i, page in enumerate(distinct_pages(N)):
            (pages / f"{i:03d}.html").write_text(page["content"], encoding="utf-8")
        pushed = pipeline.akhbar("push", str(pages))
        assert pushed.returncode == 0, pushed.stderr
        assert len(pushed.stdout.split()) == N

        stored = f"{PREFIX}:articles:stored"
        pipeline.redis = client  # wait_for reads through the cluster client
        assert pipeline.wait_for(stored, N) == N
        ids = {json.loads(f["data"])["article_id"] for _, f in client.xrange(stored)}
        assert len(ids) == N
        # Every key the CLI and the services wrote is under the tagged prefix.
        assert {k.split(":")[0] for k in client.keys("*")} == {PREFIX}

        stats = pipeline.akhbar("stats")
        assert stats.returncode == 0, stats.stdout + stats.stderr
        report = json.loads(stats.stdout)
        assert all(size == 0 for size in report["dlq"].values())
    finally:
        pipeline.stop()
        client.close()


def test_a_service_refuses_a_cluster_without_a_hash_tagged_prefix(cluster_url, tmp_path):
    """Untagged names would hash to different slots and every stage commit would fail."""
    pipeline = Pipeline(
        cluster_url, tmp_path,
        AKHBAR_REDIS_CLUSTER="1", AKHBAR_STREAM_PREFIX="akhbar-untagged",
    )
    done = pipeline.akhbar("serve", "ingest", timeout=60)
    assert done.returncode != 0
    assert "hash tag" in done.stdout + done.stderr
