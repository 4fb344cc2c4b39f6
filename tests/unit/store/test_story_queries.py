"""Reading stories back: ``story_queries.list_stories`` and ``get_story`` over a real SQLite
file store filled through the real upsert path (grouping in the upsert transaction)."""

from __future__ import annotations

import datetime as dt

import pytest

from akhbar.store import Store
from akhbar.store.story_queries import get_story, list_stories
from akhbar.store.when import BadDate
from tests.story_articles import CARTER, MARKET, fill


@pytest.fixture
def store(tmp_path):
    with Store.from_url(f"sqlite:///{tmp_path / 'store.db'}") as opened:
        yield fill(opened)


def test_list_is_newest_first_with_each_storys_figures(store):
    """Stories come newest first (by their latest article); a story's first seen is its
    earliest published article, copies and outlets are counted over all its articles."""
    with store.engine.connect() as conn:
        found = list_stories(conn)
    assert [s.id for s in found] == [MARKET, CARTER]
    carter = found[1]
    assert carter.size == 4 and carter.copies == 3 and carter.same_event == 0
    assert carter.first_seen.id == "maghress-1"  # published 08:00, before the wire's 09:00
    assert carter.first_seen.outlet == "maghress" and carter.first_seen.title == "عنوان maghress-1"
    assert carter.outlets == ["maghress", "spa", "okaz", "riyadh"]
    assert carter.last_updated == dt.datetime(2015, 7, 22, 12)
    assert found[0].size == 1 and found[0].first_seen.relation == "first"


def test_list_filters_by_dates_entity_and_outlet_and_pages(store):
    """since/until, entity (any spelling the registry knows) and outlet select the stories
    with a matching article; limit/offset page them."""
    with store.engine.connect() as conn:
        assert [s.id for s in list_stories(conn, since="2015-07-23")] == [MARKET]
        assert [s.id for s in list_stories(conn, until="2015-07-22")] == [CARTER]
        assert [s.id for s in list_stories(conn, entity="كارتر")] == [CARTER]
        assert [s.id for s in list_stories(conn, outlet="okaz")] == [CARTER]
        assert [s.id for s in list_stories(conn, outlet="nobody")] == []
        assert [s.id for s in list_stories(conn, limit=1, offset=1)] == [CARTER]
        # The outlet filter picks the story; its figures still count every article.
        assert list_stories(conn, outlet="okaz")[0].size == 4


def test_list_refuses_a_bad_date_with_a_clear_error(store):
    with store.engine.connect() as conn, pytest.raises(BadDate, match="since"):
        list_stories(conn, since="yesterday-ish")


def test_get_story_gives_articles_by_time_and_outlet_with_what_they_copy(store):
    """Articles in publication order, each with its relation and, for a copy, the article
    it copies; by_outlet groups them in the order outlets first covered the story."""
    with store.engine.connect() as conn:
        story = get_story(conn, CARTER)
    assert [a.id for a in story.articles] == ["maghress-1", "spa-1", "okaz-1", "riyadh-1"]
    relations = {a.id: (a.relation, a.copy_of) for a in story.articles}
    assert relations["spa-1"] == ("first", None)
    assert relations["okaz-1"] == ("copy", "spa-1")
    assert relations["maghress-1"][0] == "copy" and relations["maghress-1"][1] in {
        "spa-1", "okaz-1", "riyadh-1"}
    assert [(o.outlet, o.articles) for o in story.by_outlet] == [
        ("maghress", ["maghress-1"]), ("spa", ["spa-1"]), ("okaz", ["okaz-1"]),
        ("riyadh", ["riyadh-1"])]
    assert story.first_seen.id == "maghress-1"


def test_get_story_merges_entities_through_the_registry_and_counts_dates(store):
    """"كارتر" and "اشتون كارتر" are one registry entity: counted once, in all four
    articles; the date all four mention is counted once per article."""
    with store.engine.connect() as conn:
        story = get_story(conn, CARTER)
    assert [(e.name, e.label, e.articles) for e in story.entities] == [("اشتون كارتر", "PER", 4)]
    assert story.entities[0].id is not None
    assert [(d.value, d.kind, d.articles) for d in story.dates] == [("2015-07-22", "date", 4)]


def test_get_story_of_an_unknown_id_is_none(store):
    with store.engine.connect() as conn:
        assert get_story(conn, "s-000000000000000000000000") is None


def test_store_methods_read_the_same(store):
    """``Store.stories`` and ``Store.story`` are the same reads over a pooled connection."""
    assert [s.id for s in store.stories(entity="اشتون كارتر")] == [CARTER]
    assert store.story(MARKET).articles[0].id == "market-1"
    assert store.story("s-nope") is None
