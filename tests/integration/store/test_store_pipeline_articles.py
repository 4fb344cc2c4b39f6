"""Articles the real pipeline made from the seed and the eight pages: stored, and found again
by their outlet, their day, each of their entities and each word of their title.

The expectations are computed from the articles themselves (an independent count in Python),
so the test holds whatever parse and enrich found, and fails when the store loses any of it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from akhbar.shared.schemas import EnrichedArticle
from akhbar.store.normalize import normalize

pytestmark = pytest.mark.integration

PIPELINE = Path(__file__).resolve().parents[2] / "data" / "store" / "pipeline"


@pytest.fixture(scope="module")
def made() -> dict[str, EnrichedArticle]:
    articles = {}
    for path in sorted(PIPELINE.glob("*.json")):
        article = EnrichedArticle.model_validate_json(path.read_text(encoding="utf-8"))
        articles[article.id] = article
    assert len(articles) == 9, "the seed and the eight pages"
    return articles


@pytest.fixture
def stored(store, made):
    for article in made.values():
        assert store.upsert(article) is True
    return store


def found(store, **filters) -> set[str]:
    return {a.id for a in store.search(limit=100, **filters)}


def test_every_article_round_trips(stored, made):
    assert stored.count() == len(made)
    for article_id, article in made.items():
        assert stored.get(article_id) == article


def test_each_article_is_found_by_its_outlet_and_its_day(stored, made):
    for article_id, article in made.items():
        assert article_id in found(stored, outlet=article.source_name)
        day = article.published_date
        assert article_id in found(stored, since=day, until=day)


def test_the_seed_is_the_only_article_of_its_day_and_outlet(stored, made):
    seed = next(a for a in made.values() if a.source_name == "الأول")
    assert found(stored, outlet="الأول", since="2025-11-24", until="2025-11-24") == {seed.id}


def test_an_outlet_with_two_pages_lists_both_newest_first(stored, made):
    youm7 = sorted(
        (a for a in made.values() if a.source_name == "Youm7"),
        key=lambda a: a.published,
        reverse=True,
    )
    assert [a.id for a in stored.search(outlet="Youm7")] == [a.id for a in youm7]


def test_each_entity_finds_exactly_the_articles_that_mention_it(stored, made):
    """Spelling variants of a canonical name ("إسرائيل", "اسرائيل") are one entity."""
    expected: dict[tuple[str, str], set[str]] = defaultdict(set)
    for article in made.values():
        for entity in article.entities:
            expected[(normalize(entity.canonical), entity.label)].add(article.id)
    for article in made.values():
        for entity in article.entities:
            key = (normalize(entity.canonical), entity.label)
            assert found(stored, entity=entity.canonical, label=entity.label) == expected[key]


def test_each_title_word_finds_its_article(stored, made):
    for article_id, article in made.items():
        # Words as a reader sees them, harakat included ("يُشعل" is one word, not "ي" + "شعل").
        for word in re.findall(r"[\w\u064b-\u065f\u0670]{3,}", article.title):
            assert article_id in found(stored, text=word), word


def test_top_entities_count_articles_and_mentions_like_the_articles_do(stored, made):
    articles_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    mentions_of: dict[tuple[str, str], int] = defaultdict(int)
    for article in made.values():
        for entity in article.entities:
            key = (normalize(entity.canonical), entity.label)
            articles_of[key].add(article.id)
            mentions_of[key] += 1
    top = stored.top_entities(limit=len(articles_of) + 1)
    assert len(top) == len(articles_of)
    for entity in top:
        key = (normalize(entity.canonical), entity.label)
        assert entity.articles == len(articles_of[key]), key
        assert entity.mentions == mentions_of[key], key
    assert top[0].articles == max(len(ids) for ids in articles_of.values())
