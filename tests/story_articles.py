"""A small store of stories for the read tests (unit and integration): an agency wire,
three reposts (one published earlier than the wire: a late-arriving earlier copy) across
four outlets with two spellings of one entity, and an unrelated story two days later."""

from __future__ import annotations

import datetime as dt

from akhbar.shared.schemas import DateMention, EnrichedArticle, Entity
from akhbar.store import Store
from akhbar.store.stories import story_id_for

AGENCY = [
    "استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز في قصر السلام بجدة اليوم وزير "
    "الدفاع الأمريكي اشتون كارتر والوفد المرافق له.",
    "ونقل كارتر لخادم الحرمين الشريفين تحيات الرئيس باراك أوباما، وجرى خلال الاستقبال "
    "استعراض العلاقات الثنائية بين البلدين ومستجدات الأوضاع في المنطقة.",
]
MARKETS = [
    "سجلت أسواق الأسهم الأوروبية تراجعا ملحوظا في ختام تعاملات الأربعاء متأثرة بنتائج "
    "شركات التقنية وتراجع أسعار المعادن في الأسواق العالمية."
]


def article(
    i: str, body: list[str], *, outlet: str, day: int = 22, hour: int = 9,
    entity: str | None = "اشتون كارتر", date: str | None = "2015-07-22",
) -> EnrichedArticle:
    return EnrichedArticle(
        id=i,
        title=f"عنوان {i}",
        body=body,
        source_name=outlet,
        published=dt.datetime(2015, 7, day, hour, tzinfo=dt.UTC),
        entities=[Entity(text=entity, start=0, end=len(entity), field="body.0", label="PER",
                         canonical=entity)] if entity else [],
        dates=[DateMention(text="22 يوليو", start=0, end=8, field="body.0", kind="date",
                           value=date)] if date else [],
    )


def fill(opened: Store) -> Store:
    """Write the stories through the real upsert path (single and batch)."""
    opened.upsert(article("spa-1", AGENCY, outlet="spa"))
    opened.upsert_many([
        article("okaz-1", ["واس - جدة: " + AGENCY[0], AGENCY[1]], outlet="okaz", hour=11),
        article("riyadh-1", AGENCY, outlet="riyadh", hour=12, entity="كارتر"),
    ])
    opened.upsert(article("maghress-1", AGENCY, outlet="maghress", hour=8))
    opened.upsert(article("market-1", MARKETS, outlet="spa", day=24, entity=None, date=None))
    return opened


CARTER = story_id_for("spa-1")
MARKET = story_id_for("market-1")
