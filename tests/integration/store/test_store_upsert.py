"""Upserting enriched articles: idempotent by id, replaced whole, one row under concurrency."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor

import pytest
from sqlalchemy import func, select

from akhbar.shared.schemas import Entity, Headline
from akhbar.store import Store
from akhbar.store.models import articles as articles_table
from akhbar.store.models import entity_mentions
from tests.integration.store import store_workers

pytestmark = pytest.mark.integration

MAGHRESS = "maghress-alaoual-2025-11-24"


def _rows(store: Store, table) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


class TestUpsert:
    def test_first_upsert_creates_and_second_updates_one_row(self, store, articles):
        """The same article stored twice is one row; only the first call reports created."""
        article = articles[MAGHRESS]
        assert store.upsert(article) is True
        assert store.upsert(article) is False
        assert store.count() == 1
        assert _rows(store, entity_mentions) == len(article.entities)

    def test_get_returns_the_article_as_it_was_stored(self, filled, articles):
        """Every field, headline, entity and date comes back equal, dates keep their kind."""
        for article_id, article in articles.items():
            assert filled.get(article_id) == article

    def test_get_of_an_unknown_id_is_none(self, filled):
        assert filled.get("no-such-article") is None

    def test_newer_enrichment_replaces_older_mentions(self, store, articles):
        """A re-enriched article keeps one row, and only the new entities/headlines remain."""
        old = articles[MAGHRESS]
        store.upsert(old)
        new = old.model_copy(
            update={
                "title": "المجلس الوزاري يصادق على مشاريع قوانين",
                "entities": [
                    Entity(
                        text="المجلس الوزاري",
                        start=0,
                        end=14,
                        field="title",
                        label="ORG",
                        canonical="المجلس الوزاري",
                    ),
                ],
                "headlines": [Headline(text="خبر عاجل", url=None)],
                "dates": [],
            }
        )
        assert store.upsert(new) is False
        assert store.count() == 1
        assert store.get(MAGHRESS) == new
        assert store.search(entity="محمد السادس") == []
        assert [a.id for a in store.search(entity="المجلس الوزاري")] == [MAGHRESS]
        assert _rows(store, entity_mentions) == 1

    def test_a_failed_replacement_leaves_the_previous_version(self, store, articles, monkeypatch):
        """Replacing is one transaction: if writing the new mentions fails, nothing changes."""
        old = articles[MAGHRESS]
        store.upsert(old)

        def broken(*_args, **_kwargs):
            raise RuntimeError("disk full")

        monkeypatch.setattr("akhbar.store.upsert._write_children", broken)
        with pytest.raises(RuntimeError):
            store.upsert(old.model_copy(update={"title": "عنوان جديد", "entities": []}))
        assert store.get(MAGHRESS) == old

    def test_articles_without_outlet_date_or_mentions_are_stored(self, store):
        """Only ``id`` is required: an article with nothing else round-trips."""
        from akhbar.shared.schemas import EnrichedArticle

        bare = EnrichedArticle(id="bare", title="")
        assert store.upsert(bare) is True
        assert store.get("bare") == bare


class TestConcurrency:
    def test_two_processes_upserting_the_same_article_make_one_row(self, database_url, articles):
        """Two consumers racing on one article: exactly one creates it, one row remains,
        and its mentions are those of a single version, never both versions' added up."""
        article = articles[MAGHRESS]
        rounds = 15
        ctx = multiprocessing.get_context("spawn")
        with ctx.Manager() as manager, ProcessPoolExecutor(2, mp_context=ctx) as pool:
            barrier = manager.Barrier(2)
            futures = [
                pool.submit(
                    store_workers.upsert_repeatedly,
                    database_url,
                    article.model_dump_json(),
                    rounds,
                    barrier,
                )
                for _ in range(2)
            ]
            results = [f.result(timeout=120) for f in futures]
        created = [flag for result in results for flag in result]
        assert created.count(True) == 1
        with Store.from_url(database_url) as store:
            assert store.count() == 1
            assert _rows(store, articles_table) == 1
            assert _rows(store, entity_mentions) == len(article.entities)

    def test_processes_opening_a_new_database_at_once_all_succeed(self, fresh_database_url):
        """Migrating on open is safe when several processes open an empty database together."""
        ctx = multiprocessing.get_context("spawn")
        with ctx.Manager() as manager, ProcessPoolExecutor(3, mp_context=ctx) as pool:
            barrier = manager.Barrier(3)
            futures = [
                pool.submit(store_workers.open_store, fresh_database_url, barrier) for _ in range(3)
            ]
            assert [f.result(timeout=120) for f in futures] == [0, 0, 0]


class TestEmptiedUnderARunningStore:
    def test_upsert_recovers_when_cached_entity_ids_vanish(self, store, articles):
        """A store whose database is emptied while it runs (ids it cached are gone) still
        stores the next article, with its entities, instead of failing forever."""
        from akhbar.store.models import date_mentions as dates_table
        from akhbar.store.models import entities, headlines, outlets

        article = articles[MAGHRESS]
        store.upsert(article)
        with store.engine.begin() as conn:
            for table in (
                entity_mentions,
                dates_table,
                headlines,
                articles_table,
                entities,
                outlets,
            ):
                conn.execute(table.delete())
        assert store.upsert(article) is True
        assert store.get(MAGHRESS) == article


class TestUpsertMany:
    def test_a_batch_stores_each_article_once_and_says_which_were_new(self, store, articles):
        """Already stored → False, new → True; an id twice in a batch is one row, last wins."""
        first, *rest = articles.values()
        store.upsert(first)
        newer = rest[0].model_copy(update={"title": "عنوان محدث"})
        flags = store.upsert_many([first, *rest, newer])
        assert flags == [False] + [True] * len(rest) + [False]
        assert store.count() == len(articles)
        assert store.get(newer.id) == newer
        assert _rows(store, entity_mentions) == sum(len(a.entities) for a in articles.values())

    def test_a_batch_is_all_or_nothing(self, store, articles, monkeypatch):
        """If any article of the batch fails to write, none of the batch is stored."""
        calls = []
        real = __import__("akhbar.store.upsert", fromlist=["_write_children"])._write_children

        def fail_on_third(*args, **kwargs):
            calls.append(1)
            if len(calls) == 3:
                raise RuntimeError("disk full")
            return real(*args, **kwargs)

        monkeypatch.setattr("akhbar.store.upsert._write_children", fail_on_third)
        with pytest.raises(RuntimeError):
            store.upsert_many(list(articles.values()))
        assert store.count() == 0

    def test_an_empty_batch_does_nothing(self, store):
        assert store.upsert_many([]) == []
