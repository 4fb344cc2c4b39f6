"""Story grouping inside the store: in the upsert's transaction, in the database, on SQLite
and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from akhbar.shared.schemas import EnrichedArticle, Entity
from akhbar.store import Store
from akhbar.store.stories import story_id_for
from akhbar.store.story_models import story_articles

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
