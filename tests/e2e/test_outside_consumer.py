"""A consumer in its own process, with no akhbar import, reads the pipeline by the published schemas."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from akhbar.shared import streams
from tests.e2e.processes import Pipeline, distinct_pages

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]


def test_every_message_a_plain_redis_consumer_reads_matches_the_json_schema(redis_url, tmp_path):
    """Pages go through the four services; the outsider's group gets each article and each
    stored announcement once, and every one validates against docs/schemas."""
    n = 12
    pipeline = Pipeline(redis_url, tmp_path)
    consumer = subprocess.Popen(
        [sys.executable, str(REPO / "tests" / "e2e" / "plain_consumer.py"), redis_url,
         str(REPO / "docs" / "schemas"), streams.PREFIX, "outsider", str(n)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        pipeline.start()
        for fields in distinct_pages(n):
            pipeline.redis.xadd(streams.RAW, fields)
        out, err = consumer.communicate(timeout=240)
    finally:
        if consumer.poll() is None:
            consumer.kill()
        pipeline.stop()
    assert consumer.returncode == 0, err
    *entries, imported = [json.loads(line) for line in out.splitlines()]
    assert imported == {"akhbar_modules": []}
    assert [e for e in entries if not e["valid"]] == []
    by_stream: dict[str, set] = {}
    for e in entries:
        by_stream.setdefault(e["stream"], set()).add(e["id"])
    assert len(by_stream[streams.ENRICHED]) == n and by_stream[streams.ENRICHED] == by_stream[streams.STORED]
