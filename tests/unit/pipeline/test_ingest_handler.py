"""The ingest service's FastStream handler, driven in memory by TestRedisBroker."""

from __future__ import annotations

import base64

import pytest
from faststream.redis import TestRedisBroker

from akhbar.ingest.accept import RejectedPage, accept_page, page_id
from akhbar.ingest.app import create_app
from akhbar.shared import streams
from akhbar.shared.settings import Settings
from tests.unit.pipeline.fakes import MemorySink

SETTINGS = Settings(redis_url="redis://in-memory:6379/0", max_page_bytes=10_000)
PAGE = "<html><head><title>خبر</title></head><body><p>نص الخبر</p></body></html>"


@pytest.fixture
def ingest():
    sink = MemorySink()
    return create_app(SETTINGS, sink), sink


class TestIngestHandler:
    async def test_accepted_page_gets_content_id_and_sniffed_type(self, ingest):
        """A valid page is published as PageAccepted with the hash id and text/html sniffed."""
        app, sink = ingest
        async with TestRedisBroker(app.broker) as broker:
            await broker.publish({"content": PAGE, "url": "https://example.ma/a"}, stream=streams.RAW)
        (accepted,) = sink.published(streams.ACCEPTED)
        assert accepted["page_id"] == page_id(PAGE)
        assert accepted["content_type"] == "text/html"
        assert accepted["url"] == "https://example.ma/a"
        assert len(sink.acks) == 1

    async def test_bad_payload_goes_to_dead_letters_with_reason(self, ingest):
        """A payload with neither content field is dead-lettered at once, and acknowledged."""
        app, sink = ingest
        async with TestRedisBroker(app.broker) as broker:
            await broker.publish({"url": "https://example.ma/a"}, stream=streams.RAW)
        (dead,) = sink.published(streams.dlq("ingest"))
        assert dead["reason"] == "invalid"
        assert "exactly one of 'content'" in dead["error"]
        assert sink.published(streams.ACCEPTED) == []
        assert len(sink.acks) == 1


class TestAcceptPage:
    def test_same_page_with_other_whitespace_has_the_same_id(self):
        """Pushing a page twice, reformatted, makes one page."""
        assert page_id("نص  الخبر\n") == page_id("نص الخبر")

    def test_over_the_size_limit_is_rejected(self):
        with pytest.raises(RejectedPage, match="over the limit"):
            accept_page({"content": "ا" * 6000}, max_bytes=10_000)

    def test_empty_and_control_only_content_is_rejected(self):
        with pytest.raises(RejectedPage, match="empty content"):
            accept_page({"content": "   \u0001   \n\t   "}, max_bytes=10_000)

    def test_binary_content_is_rejected(self):
        with pytest.raises(RejectedPage, match="binary"):
            accept_page({"content": "\x00\x01\x02" * 50}, max_bytes=10_000)

    def test_windows_1256_bytes_are_decoded_by_their_meta_charset(self):
        html = '<html><head><meta charset="windows-1256"><title>مراكش</title></head></html>'
        b64 = base64.b64encode(html.encode("cp1256")).decode()
        page = accept_page({"content_b64": b64}, max_bytes=10_000)
        assert "مراكش" in page.content

    def test_unknown_field_is_a_schema_violation(self):
        with pytest.raises(ValueError, match="extra"):
            accept_page({"content": "نص", "colour": "red"}, max_bytes=10_000)

    def test_plain_text_is_typed_text_plain(self):
        assert accept_page({"content": "نص الخبر فقط"}, max_bytes=100).content_type == "text/plain"
