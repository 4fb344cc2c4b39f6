"""Whatever a producer pushes, ingest settles it at once: an accepted page or a dead letter."""

from __future__ import annotations

import asyncio
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from akhbar.ingest.handlers import make_handler
from akhbar.shared import streams
from akhbar.shared.reliable import ReliableStage
from akhbar.shared.settings import Settings
from tests.unit.pipeline.fakes import MemorySink

SETTINGS = Settings(redis_url="redis://in-memory:6379/0", max_page_bytes=2_000)
KEYS = st.sampled_from(["content", "content_b64", "url", "content_type", "charset", "source", "data", "id", "x"])
VALUES = st.one_of(
    st.text(max_size=300),
    st.binary(max_size=300),
    st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي <>/p", max_size=3000),
    st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                 lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=5), c, max_size=4),
                 max_leaves=20).map(json.dumps),
)


def _settle(fields) -> MemorySink:
    stage = ReliableStage("ingest", make_handler(SETTINGS), SETTINGS, consumer="t")
    sink = MemorySink()
    result = asyncio.run(stage.process(sink, [("1-0", fields)]))
    assert result.retry == 0, "bad input must never be left for a retry"
    return sink


class TestIngestSettlesEverything:
    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.dictionaries(KEYS, VALUES, max_size=5))
    def test_any_fields_are_accepted_or_dead_lettered_with_a_reason(self, fields):
        """Arbitrary field sets: exactly one outcome, acknowledged, never a crash or retry."""
        sink = _settle(fields)
        assert sink.acks == ["1-0"]
        accepted = sink.published(streams.ACCEPTED)
        dead = sink.published(streams.dlq("ingest"))
        assert len(accepted) + len(dead) == 1
        if dead:
            assert dead[0]["error"] and dead[0]["reason"] == "invalid"
        else:
            assert accepted[0]["content"].strip()

    @settings(max_examples=100, deadline=None)
    @given(st.text(min_size=1, max_size=500).filter(lambda t: t.strip() and "\x00" not in t))
    def test_printable_text_becomes_a_page_with_a_stable_id(self, text):
        """The same text pushed twice gets the same id."""
        first = _settle({"content": text}).published(streams.ACCEPTED)
        second = _settle({"content": text}).published(streams.ACCEPTED)
        if first:
            assert first[0]["page_id"] == second[0]["page_id"]
