"""The parse, enrich and store FastStream handlers, driven in memory by TestRedisBroker."""

from __future__ import annotations

import datetime as dt
import gc

import pytest
from faststream.redis import TestRedisBroker
from pydantic import ValidationError

from akhbar.enrich.app import create_app as enrich_app
from akhbar.parse.app import create_app as parse_app
from akhbar.shared import streams
from akhbar.shared.schemas import (
    Article,
    ArticleEnriched,
    ArticleParsed,
    EnrichedArticle,
    Entity,
    Headline,
    PageAccepted,
)
from akhbar.shared.settings import Settings
from akhbar.shared.wire import encode
from akhbar.store.app import create_app as store_app
from tests.unit.pipeline.fakes import MemorySink

PAGE = (
    "<html><head><title>الملك يستقبل وزير الخارجية - موقع الأخبار</title>"
    '<meta property="og:site_name" content="موقع الأخبار">'
    '<meta property="article:published_time" content="2025-11-24T09:30:00+01:00"></head>'
    "<body><article><h1>الملك يستقبل وزير الخارجية</h1>"
    "<p>استقبل الملك محمد السادس، اليوم الاثنين بالرباط، وزير الخارجية ناصر بوريطة.</p>"
    "<p>وتناول اللقاء العلاقات الثنائية والتحضير لاجتماع الأمم المتحدة المقرر في 3 دجنبر المقبل.</p>"
    "</article></body></html>"
)


def _settings(tmp_path=None) -> Settings:
    db = f"sqlite:///{tmp_path / 'store.db'}" if tmp_path else None
    return Settings(redis_url="redis://in-memory:6379/0", database_url=db)


def _accepted() -> PageAccepted:
    return PageAccepted(
        page_id="p1", content=PAGE, content_type="text/html", url="https://example.ma/1",
        received_at=dt.datetime(2025, 11, 24, 10, tzinfo=dt.UTC),
    )


class TestParseHandler:
    async def test_accepted_page_is_published_as_a_parsed_article_with_the_page_id(self):
        sink = MemorySink()
        app = parse_app(_settings(), sink)
        async with TestRedisBroker(app.broker) as broker:
            await broker.publish(_accepted(), stream=streams.ACCEPTED)
        (parsed,) = sink.published(streams.PARSED)
        article = Article.model_validate(parsed["article"])
        assert article.id == "p1"
        assert article.title == "الملك يستقبل وزير الخارجية"
        assert article.published_date == dt.date(2025, 11, 24)
        assert article.body[0].startswith("استقبل الملك محمد السادس")

    async def test_message_that_is_not_a_page_is_dead_lettered(self):
        sink = MemorySink()
        app = parse_app(_settings(), sink)
        async with TestRedisBroker(app.broker) as broker:
            await broker.publish({"page_id": "x"}, stream=streams.ACCEPTED)
        (dead,) = sink.published(streams.dlq("parse"))
        assert dead["reason"] == "invalid" and "content" in dead["error"]


class TestEnrichHandler:
    async def test_parsed_article_gets_entities_and_dates_with_field_offsets(self):
        article = Article(
            id="a1", title="الملك يستقبل وزير الخارجية", published=dt.date(2025, 11, 24),
            body=["استقبل الملك محمد السادس، اليوم الاثنين بالرباط، وزير الخارجية ناصر بوريطة."],
            headlines=[Headline(text="اجتماع في مراكش يوم 3 دجنبر")],
        )
        sink = MemorySink()
        app = enrich_app(_settings(), sink)
        async with TestRedisBroker(app.broker) as broker:
            await broker.publish(ArticleParsed(article=article), stream=streams.PARSED)
        (out,) = sink.published(streams.ENRICHED)
        enriched = EnrichedArticle.model_validate(out["article"])
        body = enriched.body[0]
        people = {e.canonical for e in enriched.entities if e.label == "PER"}
        assert any("محمد السادس" in p for p in people), enriched.entities
        assert any(e.label == "LOC" and "الرباط" in e.text for e in enriched.entities)
        for e in enriched.entities:
            text = {"title": enriched.title, "body.0": body, "headlines.0": enriched.headlines[0].text}[e.field]
            assert text[e.start:e.end] == e.text
        assert ("body.0", "2025-11-24") in {(d.field, d.value) for d in enriched.dates}
        assert ("headlines.0", "2025-12-03") in {(d.field, d.value) for d in enriched.dates}


class TestStoreHandler:
    async def test_enriched_article_is_upserted_once_and_announced(self, tmp_path):
        article = EnrichedArticle(
            id="s1", title="عنوان", source_name="الأول", published=dt.date(2025, 11, 24), body=["فقرة عن مراكش"],
            entities=[Entity(text="مراكش", start=8, end=13, field="body.0", label="LOC", canonical="مراكش")],
        )
        sink = MemorySink()
        app = store_app(_settings(tmp_path), sink)
        async with TestRedisBroker(app.broker) as broker:
            await broker.publish(ArticleEnriched(article=article), stream=streams.ENRICHED)
            await broker.publish(ArticleEnriched(article=article), stream=streams.ENRICHED)
        first, second = sink.published(streams.STORED)
        assert (first["article_id"], first["created"]) == ("s1", True)
        assert (second["article_id"], second["created"]) == ("s1", False)  # a redelivery updates

        from akhbar.store import Store

        store = Store.from_url(f"sqlite:///{tmp_path / 'store.db'}")
        try:
            assert store.count() == 1
            assert store.get("s1").entities[0].canonical == "مراكش"
        finally:
            store.close()

    async def test_each_stored_article_announces_its_story_and_a_redelivery_repeats_it(self, tmp_path):
        """akhbar:stories:updated gets one StoryUpdated per stored article, committed with its
        ArticleStored; a copy names the story and the article it copies; a redelivered copy
        announces the same facts again (it never changes story)."""
        wire = ["استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز في قصر السلام بجدة "
                "اليوم وزير الدفاع الأمريكي اشتون كارتر والوفد المرافق له.",
                "ونقل كارتر لخادم الحرمين الشريفين تحيات الرئيس باراك أوباما، وجرى خلال "
                "الاستقبال استعراض العلاقات الثنائية بين البلدين ومستجدات الأوضاع في المنطقة."]
        first = EnrichedArticle(id="spa-1", title="استقبال", source_name="spa",
                                published=dt.datetime(2015, 7, 22, 9, tzinfo=dt.UTC), body=wire)
        copy = first.model_copy(update={"id": "okaz-1", "source_name": "okaz",
                                        "published": dt.datetime(2015, 7, 22, 11, tzinfo=dt.UTC)})
        sink = MemorySink()
        app = store_app(_settings(tmp_path), sink)
        async with TestRedisBroker(app.broker) as broker:
            for a in (first, copy, copy):
                await broker.publish(ArticleEnriched(article=a), stream=streams.ENRICHED)
        stored = sink.published(streams.STORED)
        updates = sink.published(streams.STORIES_UPDATED)
        assert [u["article_id"] for u in updates] == ["spa-1", "okaz-1", "okaz-1"]
        assert updates[0]["relation"] == "first" and updates[0]["match_id"] is None
        assert {u["story_id"] for u in updates} == {s["story_id"] for s in stored}
        assert len({u["story_id"] for u in updates}) == 1
        facts = [(u["relation"], u["match_id"], u["story_size"]) for u in updates[1:]]
        assert facts == [("copy", "spa-1", 2), ("copy", "spa-1", 2)]
        assert all(u["schema_version"] == 2 for u in updates)
        # Each StoryUpdated was added in the same commit as its ArticleStored, right after it.
        streams_in_order = [s for s, _ in sink.adds]
        assert streams_in_order == [streams.STORED, streams.STORIES_UPDATED] * 3

    def test_a_batch_is_upserted_in_one_go_with_a_created_flag_per_entry(self, tmp_path):
        """An id given twice in one batch is one row: new the first time, an update the second."""
        from akhbar.store.handlers import StoreHandlers

        handlers = StoreHandlers(_settings(tmp_path))
        batch = [encode(ArticleEnriched(article=_article(i))) for i in ("a", "b", "a")]
        out = handlers.batch(batch)
        assert [(p.key, p.output.created) for p in out] == [("a", True), ("b", True), ("a", False)]
        assert handlers.store().count() == 2
        handlers.store().close()

    def test_a_batch_with_an_invalid_entry_raises_before_writing_anything(self, tmp_path):
        """So the stage can retry the entries one by one and only the bad one fails."""
        from akhbar.store.handlers import StoreHandlers

        handlers = StoreHandlers(_settings(tmp_path))
        batch = [encode(ArticleEnriched(article=_article("a"))), {"data": "not json"}]
        with pytest.raises(ValidationError):
            handlers.batch(batch)
        assert handlers.store().count() == 0
        assert handlers.one(batch[0]).output.created is True
        handlers.store().close()


class TestHeap:
    async def test_the_first_batch_freezes_the_loaded_heap_out_of_full_collections(self, tmp_path):
        """After the first batch the models are loaded; freezing them keeps GC pauses short."""
        gc.unfreeze()
        assert gc.get_freeze_count() == 0
        try:
            app = store_app(_settings(tmp_path), MemorySink())
            async with TestRedisBroker(app.broker) as broker:
                await broker.publish(ArticleEnriched(article=_article("a")), stream=streams.ENRICHED)
            assert gc.get_freeze_count() > 1000
        finally:
            gc.unfreeze()


def _article(article_id: str) -> EnrichedArticle:
    return EnrichedArticle(
        id=article_id, title="عنوان", source_name="الأول", published=dt.date(2025, 11, 24), body=["فقرة"]
    )


@pytest.fixture(autouse=True)
def _no_embedded_server(monkeypatch):
    # These tests never touch a server: the broker is TestRedisBroker, the sink is in memory.
    monkeypatch.delenv("REDIS_URL", raising=False)
