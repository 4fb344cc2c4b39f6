"""Story grouping inside the store: in the upsert's transaction, in the database, on SQLite
and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
import threading
import time

from sqlalchemy import delete, event, func, select

from akhbar.shared.schemas import EnrichedArticle, Entity
from akhbar.store import Store
from akhbar.store.stories import story_id_for
from akhbar.store.story_models import story_articles, story_bands, story_keys
from tests.story_articles import MARKET, MARKETS, fill
from tests.story_articles import article as story_article

AGENCY = [
    "استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز في قصر السلام بجدة اليوم وزير "
    "الدفاع الأمريكي اشتون كارتر والوفد المرافق له.",
    "ونقل كارتر لخادم الحرمين الشريفين تحيات الرئيس باراك أوباما، وجرى خلال الاستقبال "
    "استعراض العلاقات الثنائية بين البلدين ومستجدات الأوضاع في المنطقة.",
]
OTHER = [
    "سجلت أسواق الأسهم الأوروبية تراجعا ملحوظا في ختام تعاملات الأربعاء متأثرة بنتائج "
    "شركات التقنية وتراجع أسعار المعادن في الأسواق العالمية."
]


def article(i: str, body: list[str], day: int = 22, hour: int = 9, outlet: str = "spa") -> EnrichedArticle:
    return EnrichedArticle(
        id=i, title=f"عنوان {i}", body=body, source_name=outlet,
        published=dt.datetime(2015, 7, day, hour, tzinfo=dt.UTC),
        entities=[Entity(text="كارتر", start=0, end=5, field="title", label="PER", canonical="اشتون كارتر")],
    )


def story(store: Store, article_id: str) -> str | None:
    return store.stories_of([article_id]).get(article_id)


class TestStoreStories:
    def test_agency_copy_and_repost_share_a_story(self, fresh_database_url):
        """A repost of agency copy is grouped with the agency article; an unrelated article
        founds its own story."""
        with Store.from_url(fresh_database_url) as store:
            store.upsert(article("spa-1", AGENCY))
            store.upsert_many([article("okaz-1", ["واس - جدة: " + AGENCY[0], AGENCY[1]], hour=11,
                                       outlet="okaz"), article("market-1", OTHER, hour=12)])
            assert story(store, "spa-1") == story_id_for("spa-1")
            assert story(store, "okaz-1") == story_id_for("spa-1")
            assert story(store, "market-1") == story_id_for("market-1")

    def test_pushing_again_does_not_change_the_story(self, fresh_database_url):
        """A redelivery, or a new version of the article, keeps its story and writes no
        second index row."""
        with Store.from_url(fresh_database_url) as store:
            store.upsert(article("spa-1", AGENCY))
            store.upsert(article("okaz-1", AGENCY, hour=11))
            before = story(store, "okaz-1")
            store.upsert(article("okaz-1", AGENCY, hour=11))
            store.upsert(article("okaz-1", OTHER, hour=11))  # edited into something else
            assert story(store, "okaz-1") == before
            with store.engine.connect() as conn:
                assert conn.execute(select(func.count()).select_from(story_articles)).scalar() == 2

    def test_late_article_joins_its_story_and_the_index_survives_reopening(self, fresh_database_url):
        """The index is in the database: another process (or a restart) groups against it,
        and an article published earlier than what is stored still joins its story."""
        with Store.from_url(fresh_database_url) as store:
            store.upsert(article("okaz-1", AGENCY, day=23))
        with Store.from_url(fresh_database_url) as again:
            again.upsert(article("spa-1", AGENCY, day=22))
            assert story(again, "spa-1") == story(again, "okaz-1") == story_id_for("okaz-1")

    def test_two_replicas_grouping_a_copy_at_the_same_moment_make_one_story(
        self, fresh_database_url, monkeypatch
    ):
        """Replica A has grouped the agency article and not yet committed when replica B
        groups its repost: B waits for A's commit and joins A's story instead of founding a
        second one (on SQLite writers run one at a time anyway)."""
        import akhbar.store.upsert as upsert

        filed = threading.Event()
        real_file_story = upsert.file_story

        def file_story_then_linger(conn, pk, item, *args, **kwargs):
            decision = real_file_story(conn, pk, item, *args, **kwargs)
            if item.id == "spa-1":
                filed.set()
                time.sleep(1.0)  # A's transaction stays open while B groups
            return decision

        monkeypatch.setattr(upsert, "file_story", file_story_then_linger)
        with Store.from_url(fresh_database_url) as a, Store.from_url(fresh_database_url) as b:
            first = threading.Thread(target=a.upsert_many, args=([article("spa-1", AGENCY)],))
            first.start()
            assert filed.wait(30)
            b.upsert_many([article("okaz-1", ["واس - جدة: " + AGENCY[0], AGENCY[1]], hour=11,
                                   outlet="okaz")])
            first.join(30)
            assert story(b, "spa-1") == story_id_for("spa-1")
            assert story(b, "okaz-1") == story_id_for("spa-1")


def _forget_stories(store: Store) -> None:
    """What a store written before story grouping existed (migration 0005) looks like."""
    with store.engine.begin() as conn:
        for table in (story_bands, story_keys, story_articles):
            conn.execute(delete(table))


def _index(store: Store) -> list[tuple]:
    with store.engine.connect() as conn:
        return sorted(conn.execute(select(story_articles.c.article_pk, story_articles.c.story_id,
                                          story_articles.c.relation, story_articles.c.match_pk)))


class TestStoryBackfill:
    def test_reindex_groups_articles_stored_before_grouping_as_live_grouping_did(self, store):
        """The backfill groups oldest first, as if each had just arrived: the same stories
        as grouping at upsert gave, with a progress report; a second run changes nothing."""
        fill(store)
        live = _index(store)
        _forget_stories(store)
        assert store.stories_of(["spa-1"]) == {}
        calls = []
        assert store.group_ungrouped(lambda done, total: calls.append((done, total))) == 5
        assert calls[-1] == (5, 5)
        regrouped = _index(store)
        # Story ids and relations as live; the earliest copy (maghress, 08:00) now founds
        # the story, since the backfill meets it first: the ids name the founder.
        assert {r[1] for r in regrouped} == {story_id_for("maghress-1"), MARKET}
        assert [r[2] for r in regrouped].count("copy") == [r[2] for r in live].count("copy")
        assert store.group_ungrouped() == 0
        assert _index(store) == regrouped

    def test_after_the_backfill_a_push_keeps_its_story_and_a_late_article_joins(self, store):
        """Pushing an article again does not move it; an article arriving after the backfill,
        published before everything stored, joins the story it belongs to."""
        fill(store)
        _forget_stories(store)
        store.group_ungrouped()
        before = store.stories_of(["okaz-1"])["okaz-1"]
        store.upsert(story_article("okaz-1", AGENCY, outlet="okaz", hour=11))
        assert store.stories_of(["okaz-1"])["okaz-1"] == before
        store.upsert(story_article("wam-1", AGENCY, outlet="wam", hour=6))
        assert store.stories_of(["wam-1"])["wam-1"] == before

    def test_reindex_command_reports_the_articles_it_grouped(self, store, database_url):
        from typer.testing import CliRunner

        from akhbar.cli.main import app

        fill(store)
        _forget_stories(store)
        result = CliRunner().invoke(app, ["store", "reindex", "--database-url", database_url])
        assert result.exit_code == 0, result.output
        report = json.loads(result.stdout.splitlines()[-1])
        assert report["grouped"] == 5 and report["articles"] == 5
        assert store.stories_of(["riyadh-1"])["riyadh-1"] == story_id_for("maghress-1")


def test_the_database_index_answers_both_lookups_together_as_one_by_one(store):
    """``SqlIndex.candidates`` (one statement in PostgreSQL, two in SQLite) finds the same candidates, in the same order,
    as its ``by_bands`` and ``by_keys`` asked one after the other."""
    from akhbar.store.stories import Params
    from akhbar.store.stories.grouping import both_lookups
    from akhbar.store.story_index import SqlIndex, story_features

    fill(store)
    late = story_article("wam-1", AGENCY, outlet="wam", hour=6)
    item = story_features(late, dt.datetime(2015, 7, 22, 6))
    p = Params()
    with store.engine.connect() as conn:
        index = SqlIndex(conn, {})
        together = index.candidates(item, p.copy_window, p.event_window, p.max_candidates)
        apart = both_lookups(index, item, p.copy_window, p.event_window, p.max_candidates)
    assert [[f.id for f in found] for found in together] == [[f.id for f in found] for found in apart]
    assert {f.id for f in together[0]} == {"spa-1", "okaz-1", "riyadh-1", "maghress-1"}


def test_an_article_finds_an_earlier_one_of_its_own_batch(store):
    """A batch's index rows are written together at its end; meanwhile a later article of
    the batch (a batch is written in id order) still finds an earlier one and records which,
    and an unrelated one after a copy records no match."""
    store.upsert_many([
        story_article("1-spa", AGENCY, outlet="spa"),
        story_article("2-okaz", ["واس - جدة: " + AGENCY[0], AGENCY[1]], outlet="okaz", hour=11),
        story_article("3-market", ["سجلت أسواق الأسهم الأوروبية تراجعا ملحوظا في ختام تعاملات "
                                    "الأربعاء متأثرة بنتائج شركات التقنية."], outlet="spa", hour=12,
                      entity=None, date=None),
    ])
    story = store.story(story_id_for("1-spa"))
    assert [(a.id, a.relation, a.copy_of) for a in story.articles] == [
        ("1-spa", "first", None), ("2-okaz", "copy", "1-spa")]
    market = store.story(story_id_for("3-market"))
    assert [(a.id, a.relation, a.matched) for a in market.articles] == [("3-market", "first", None)]
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(story_articles)).scalar() == 3


def test_a_batch_read_ahead_finds_what_each_article_would_have_found(store):
    """``SqlIndex.prefetch`` (PostgreSQL: one statement for a whole batch) then ``candidates``
    gives each article of the batch the same candidates, in the same order, as asking for
    that article alone; an article it did not read, or other windows, are asked as before."""
    from akhbar.store.stories import Params
    from akhbar.store.story_index import SqlIndex, story_features

    fill(store)
    batch = [
        story_features(story_article("wam-1", AGENCY, outlet="wam", hour=6), dt.datetime(2015, 7, 22, 6)),
        story_features(story_article("sabq-1", MARKETS, outlet="sabq", day=24, entity=None, date=None),
                       dt.datetime(2015, 7, 24, 10)),
        story_features(story_article("alone-1", ["كلمات لا تشبه شيئا مما خزن في هذا الاختبار ابدا."],
                                     outlet="wam", day=10, entity=None, date=None),
                       dt.datetime(2015, 7, 10, 9)),
        story_features(story_article("okaz-2", AGENCY, outlet="okaz", day=23), dt.datetime(2015, 7, 23, 9)),
    ]
    p = Params()
    late = story_features(story_article("late-1", AGENCY, outlet="wam", hour=7), dt.datetime(2015, 7, 22, 7))

    def found(index, item, params=p):
        return [[f.id for f in part] for part in
                index.candidates(item, params.copy_window, params.event_window, params.max_candidates)]

    with store.engine.connect() as conn:
        alone = SqlIndex(conn, {})
        expected = [found(alone, item) for item in batch]
        ahead = SqlIndex(conn, {})
        ahead.prefetch(batch, p)
        statements = []

        def count(conn, cursor, statement, *args):
            statements.append(statement)

        event.listen(conn, "before_cursor_execute", count)
        assert [found(ahead, item) for item in batch] == expected
        event.remove(conn, "before_cursor_execute", count)
        # PostgreSQL answers the batch from what it read ahead; SQLite asks per article
        assert (statements == []) == (conn.dialect.name == "postgresql")
        assert found(ahead, late) == found(alone, late)
        narrow = Params(copy_window=dt.timedelta(hours=2), max_candidates=2)
        ahead.prefetch(batch, p)
        assert found(ahead, batch[0], narrow) == found(alone, batch[0], narrow)
    assert expected[0][0] == ["maghress-1", "spa-1", "okaz-1", "riyadh-1"]
    assert "market-1" in expected[1][1] and expected[2] == [[], []]
