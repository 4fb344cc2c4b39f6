"""The entity registry over a real database: one entity across articles with every spelling
and short form, its counts, corrections that last, rebuilding it, and the seed page found by
the names people know (issue 16)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from akhbar.shared.schemas import EnrichedArticle, Entity
from akhbar.store import Store
from akhbar.store.models import entities

pytestmark = pytest.mark.integration



def article(article_id: str, day: str, *names: tuple[str, str, str]) -> EnrichedArticle:
    """An article whose one paragraph is the given (surface, canonical, label) names."""
    body, found = "", []
    for surface, canonical, label in names:
        start = len(body)
        body += surface + " ، "
        found.append(
            Entity(text=surface, start=start, end=start + len(surface), field="body.0",
                   label=label, canonical=canonical)
        )
    return EnrichedArticle(
        id=article_id, title=article_id, published=dt.date.fromisoformat(day), body=[body],
        entities=found,
    )


HAMMOUCHI = "عبد اللطيف حموشي"


def ids(found) -> set[str]:
    return {a.id for a in found}


class TestOneEntityAcrossArticles:
    def test_spellings_and_the_surname_are_one_entity_with_counts(self, store: Store):
        store.upsert(article("a1", "2025-11-20", (HAMMOUCHI, HAMMOUCHI, "PER"),
                             ("حموشي", HAMMOUCHI, "PER")))
        store.upsert(article("a2", "2025-11-22", ("حموشى", "حموشى", "PER")))
        store.upsert(article("a3", "2025-11-24", ("الإنتربول", "الإنتربول", "ORG"),
                             ("حموشي", "حموشي", "PER")))
        (entity,) = store.find_entities("حموشي")
        assert entity.name == HAMMOUCHI and entity.label == "PER"
        assert (entity.articles, entity.mentions) == (3, 4)
        assert entity.first_seen == dt.datetime(2025, 11, 20)
        assert entity.last_seen == dt.datetime(2025, 11, 24)
        detail = store.entity(entity.id)
        seen = {a.alias: a.mentions for a in detail.aliases if a.source == "seen"}
        assert seen == {HAMMOUCHI: 1, "حموشي": 2, "حموشى": 1}
        assert "Abdellatif Hammouchi" in detail.latin
        assert [(d.day, d.articles, d.mentions) for d in detail.timeline] == [
            (dt.date(2025, 11, 20), 1, 2), (dt.date(2025, 11, 22), 1, 1), (dt.date(2025, 11, 24), 1, 1)
        ]
        assert [r.name for r in detail.related] == ["الإنتربول"]

    def test_a_surname_seen_before_the_full_name_joins_it_when_it_comes(self, store: Store):
        store.upsert(article("a1", "2025-11-20", ("حموشي", "حموشي", "PER")))
        store.upsert(article("a2", "2025-11-21", (HAMMOUCHI, HAMMOUCHI, "PER")))
        (entity,) = store.find_entities("حموشي")
        assert entity.name == HAMMOUCHI and entity.articles == 2

    def test_an_ambiguous_surname_stays_its_own_entity(self, store: Store):
        store.upsert(article("a1", "2025-11-20", (HAMMOUCHI, HAMMOUCHI, "PER")))
        store.upsert(article("a2", "2025-11-20", ("محمد حموشي", "محمد حموشي", "PER")))
        store.upsert(article("a3", "2025-11-21", ("حموشي", "حموشي", "PER")))
        assert {e.name for e in store.find_entities("حموشي")} == {"حموشي"}
        assert {e.name for e in store.find_entities("عبد اللطيف حموشي")} == {HAMMOUCHI}
        assert ids(store.search(entity="حموشي")) == {"a3"}

    def test_a_replaced_article_counts_once(self, store: Store):
        store.upsert(article("a1", "2025-11-20", (HAMMOUCHI, HAMMOUCHI, "PER"),
                             ("حموشي", HAMMOUCHI, "PER")))
        store.upsert(article("a1", "2025-11-20", (HAMMOUCHI, HAMMOUCHI, "PER")))
        (entity,) = store.find_entities(HAMMOUCHI)
        assert (entity.articles, entity.mentions) == (1, 1)
        assert {a.alias for a in store.entity(entity.id).aliases if a.source == "seen"} == {
            HAMMOUCHI
        }

    def test_the_same_name_with_another_label_is_another_entity(self, store: Store):
        store.upsert(article("a1", "2025-11-20", ("الرباط", "الرباط", "LOC"),
                             ("الرباط", "الرباط", "ORG")))
        assert {e.label for e in store.find_entities("Rabat")} == {"LOC", "ORG"}
        assert [e.label for e in store.find_entities("الرباط", label="LOC")] == ["LOC"]


AKHANNOUCH = "عزيز أخنوش"


class TestFrenchAndArabicFormsOfOneEntity:
    """Issue 18: a name from a French article joins the Arabic entity it names, whichever
    came first, and only when exactly one entity fits."""

    def _one(self, store: Store, query: str):
        (entity,) = store.find_entities(query)
        return entity

    def test_a_french_name_joins_the_arabic_entity_stored_first(self, store: Store):
        store.upsert(article("ar", "2025-11-20", (AKHANNOUCH, AKHANNOUCH, "PER")))
        store.upsert(article("fr", "2025-11-21", ("Aziz Akhannouch", "Aziz Akhannouch", "PER")))
        entity = self._one(store, "Akhannouch")
        assert entity.name == AKHANNOUCH and entity.articles == 2
        seen = {a.alias for a in store.entity(entity.id).aliases if a.source == "seen"}
        assert seen == {AKHANNOUCH, "Aziz Akhannouch"}
        assert ids(store.search(entity="أخنوش")) == ids(store.search(entity="Akhannouch")) == {
            "ar", "fr"
        }

    def test_an_arabic_name_takes_in_the_french_entity_stored_first(self, store: Store):
        store.upsert(article("fr", "2025-11-20", ("Aziz Akhannouch", "Aziz Akhannouch", "PER"),
                             ("Rabat", "Rabat", "LOC")))
        assert self._one(store, "Akhannouch").name == "Aziz Akhannouch"
        store.upsert(article("ar", "2025-11-21", (AKHANNOUCH, AKHANNOUCH, "PER"),
                             ("الرباط", "الرباط", "LOC")))
        entity = self._one(store, "Akhannouch")
        assert entity.name == AKHANNOUCH and entity.articles == 2 and entity.mentions == 2
        assert "Aziz Akhannouch" in entity.latin
        rabat = self._one(store, "الرباط")
        assert rabat.name == "الرباط" and rabat.articles == 2

    def test_a_french_surname_joins_the_arabic_full_name_either_way(self, store: Store):
        store.upsert(article("fr1", "2025-11-20", ("Akhannouch", "Akhannouch", "PER")))
        store.upsert(article("ar", "2025-11-21", (AKHANNOUCH, AKHANNOUCH, "PER")))
        store.upsert(article("fr2", "2025-11-22", ("Akhannouch", "Akhannouch", "PER")))
        entity = self._one(store, "أخنوش")
        assert entity.name == AKHANNOUCH and entity.articles == 3

    def test_a_skeleton_joins_a_spelling_no_table_knows(self, store: Store):
        # "بنكيران" is in no table: its Latin name is a romanization, the skeleton links.
        store.upsert(article("ar", "2025-11-20", ("عبد الإله بنكيران", "عبد الإله بنكيران",
                                                  "PER")))
        store.upsert(article("fr", "2025-11-21", ("Abdelilah Benkirane", "Abdelilah Benkirane",
                                                  "PER")))
        assert self._one(store, "Benkirane").articles == 2

    def test_a_surname_two_arabic_entities_share_joins_neither(self, store: Store):
        store.upsert(article("ar", "2025-11-20", ("شكيب بنموسى", "شكيب بنموسى", "PER"),
                             ("محمد بنموسى", "محمد بنموسى", "PER")))
        store.upsert(article("fr", "2025-11-21", ("Benmoussa", "Benmoussa", "PER")))
        assert {e.name: e.articles for e in store.find_entities("Benmoussa", label="PER")}[
            "Benmoussa"
        ] == 1
        assert {e.articles for e in store.find_entities("شكيب بنموسى")} == {1}

    def test_another_label_is_never_joined(self, store: Store):
        store.upsert(article("ar", "2025-11-20", ("الرباط", "الرباط", "LOC")))
        store.upsert(article("fr", "2025-11-21", ("Rabat", "Rabat", "ORG")))
        assert {(e.name, e.label) for e in store.find_entities("Rabat")} == {
            ("الرباط", "LOC"), ("Rabat", "ORG")
        }

    def test_a_split_keeps_the_french_name_apart_and_reindex_keeps_the_links(self, store):
        store.upsert(article("ar", "2025-11-20", (AKHANNOUCH, AKHANNOUCH, "PER"),
                             ("الرباط", "الرباط", "LOC")))
        store.upsert(article("fr", "2025-11-21", ("Aziz Akhannouch", "Aziz Akhannouch", "PER"),
                             ("Rabat", "Rabat", "LOC")))
        store.reindex()
        assert self._one(store, "Aziz Akhannouch").articles == 2
        assert self._one(store, "Rabat").articles == 2
        store.split_entity(AKHANNOUCH, "Aziz Akhannouch")
        store.reindex()
        # Both are found by the Latin name (the Arabic one keeps its curated Latin name),
        # but they stay two entities of one article each.
        assert {e.name: e.articles for e in store.find_entities("Aziz Akhannouch")} == {
            "Aziz Akhannouch": 1, AKHANNOUCH: 1
        }


class TestSearchByAnyName:
    @pytest.fixture
    def filled(self, store: Store) -> Store:
        store.upsert(article("a1", "2025-11-20", (HAMMOUCHI, HAMMOUCHI, "PER"),
                             ("منظمة الأنتربول", "منظمة الأنتربول", "ORG")))
        store.upsert(article("a2", "2025-11-21", ("المغرب", "المغرب", "LOC"),
                             ("بنك المغرب", "بنك المغرب", "ORG")))
        return store

    @pytest.mark.parametrize(
        "query", ["حموشي", "Hammouchi", "hammouchí", "Abdellatif Hammouchi", "عبد اللطيف حموشي"]
    )
    def test_a_person_by_surname_full_name_or_latin_spelling(self, filled, query):
        assert ids(filled.search(entity=query)) == {"a1"}

    @pytest.mark.parametrize("query", ["Interpol", "INTERPOL", "الإنتربول", "أنتربول", "انتربول"])
    def test_an_organization_by_any_spelling_or_its_latin_name(self, filled, query):
        assert ids(filled.search(entity=query)) == {"a1"}

    def test_a_name_found_exactly_is_not_every_name_containing_it(self, filled):
        assert [e.name for e in filled.find_entities("المغرب")] == ["المغرب"]
        assert [e.name for e in filled.find_entities("Morocco")] == ["المغرب"]
        assert ids(filled.search(entity="بنك المغرب")) == {"a2"}

    def test_an_unknown_name_finds_nothing(self, filled):
        assert filled.search(entity="Benkirane") == []
        assert filled.find_entities("بنكيران") == []


class TestCorrections:
    def test_merge_joins_two_entities_and_holds_for_later_articles_and_reindex(self, store):
        store.upsert(article("a1", "2025-11-20", ("الأنتربول", "الأنتربول", "ORG")))
        store.upsert(article("a2", "2025-11-21", ("المنظمة الدولية للشرطة الجنائية",
                                                  "المنظمة الدولية للشرطة الجنائية", "ORG")))
        merged = store.merge_entities("المنظمة الدولية للشرطة الجنائية", "الأنتربول")
        assert merged.name == "الأنتربول" and merged.articles == 2
        store.upsert(article("a3", "2025-11-22", ("المنظمة الدولية للشرطة الجنائية",
                                                  "المنظمة الدولية للشرطة الجنائية", "ORG")))
        assert ids(store.search(entity="Interpol")) == {"a1", "a2", "a3"}
        store.reindex()
        (entity,) = store.find_entities("المنظمة الدولية للشرطة الجنائية")
        assert entity.name == "الأنتربول" and entity.articles == 3

    def test_split_parts_a_wrongly_joined_name_for_good(self, store):
        store.upsert(article("a1", "2025-11-20", (HAMMOUCHI, HAMMOUCHI, "PER")))
        store.upsert(article("a2", "2025-11-21", ("حموشي", "حموشي", "PER")))
        assert store.find_entities("حموشي")[0].articles == 2
        alone = store.split_entity(HAMMOUCHI, "حموشي")
        assert alone.name == "حموشي" and alone.articles == 1
        store.upsert(article("a3", "2025-11-22", ("حموشي", "حموشي", "PER")))
        store.reindex()
        assert {e.name: e.articles for e in store.find_entities("حموشي")} == {"حموشي": 2}
        assert store.find_entities(HAMMOUCHI)[0].articles == 1

    def test_corrections_that_make_no_sense_are_refused(self, store):
        store.upsert(article("a1", "2025-11-20", ("الرباط", "الرباط", "LOC"),
                             (HAMMOUCHI, HAMMOUCHI, "PER")))
        with pytest.raises(ValueError, match="label"):
            store.merge_entities("الرباط", HAMMOUCHI)
        with pytest.raises(ValueError, match="already one"):
            store.merge_entities("حموشي", HAMMOUCHI)
        with pytest.raises(LookupError, match="no entity"):
            store.merge_entities("بنكيران", HAMMOUCHI)
        with pytest.raises(LookupError, match="folds to"):
            store.split_entity(HAMMOUCHI, "الرباط")


class TestReindex:
    def test_reindex_fills_a_store_written_before_the_registry(self, database_url, articles):
        with Store.from_url(database_url, registry=False) as old:
            for a in articles.values():
                old.upsert(a)
        with Store.from_url(database_url) as store:
            assert store.registry_size() == 0
            # Exact canonical names are still found before the reindex...
            assert ids(store.search(entity="عزيز أخنوش"))
            assert store.search(entity="Akhannouch") == []
            calls = []
            assert store.reindex(lambda done, total: calls.append((done, total))) == len(articles)
            assert calls[-1] == (len(articles), len(articles))
            # ...and every alias after it.
            assert ids(store.search(entity="Akhannouch")) == ids(store.search(entity="عزيز أخنوش"))
            with store.engine.connect() as conn:
                unplaced = conn.execute(
                    select(entities.c.id).where(entities.c.registry_id.is_(None))
                ).all()
            assert unplaced == []

    def test_reindex_gives_the_counts_upkeep_gave(self, store, articles):
        for a in articles.values():
            store.upsert(a)
        before = {(e.name, e.label): (e.articles, e.mentions) for e in _everything(store)}
        store.reindex()
        after = {(e.name, e.label): (e.articles, e.mentions) for e in _everything(store)}
        assert after == before and len(before) > 10


def _everything(store: Store):
    from akhbar.store import entity_queries
    from akhbar.store.models import entity_registry

    with store.engine.connect() as conn:
        rids = conn.execute(select(entity_registry.c.id)).scalars().all()
        return entity_queries.get_entities(conn, list(rids))


@pytest.fixture(scope="module")
def seed() -> EnrichedArticle:
    """The bundled seed page through today's parse and enrich, as the pipeline stores it."""
    from akhbar.cli.pipeline import example_pages
    from akhbar.enrich.core import enrich
    from akhbar.ingest.accept import page_id
    from akhbar.ingest.decode import decode_bytes
    from akhbar.parse import extract

    (path,) = [p for p in example_pages() if p.name.startswith("maghress")]
    text = decode_bytes(path.read_bytes())
    return enrich(extract(text, page_id=page_id(text)))


class TestTheSeedPage:
    """Issue 16: after the seed page is stored, people find it by the names they know."""

    @pytest.mark.parametrize(
        "query",
        ["حموشي", "عبد اللطيف حموشي", "Hammouchi", "akhannouch", "Interpol", "الإنتربول",
         "الأنتربول", "أنتربول"],
    )
    def test_the_seed_is_found_by_every_name(self, store, seed, query):
        store.upsert(seed)
        assert ids(store.search(entity=query)) == {seed.id}


class TestConcurrentWriters:
    def test_writers_naming_the_same_new_people_make_one_entity_each(self, store: Store):
        """Four threads (a connection each) store articles that all name the same new people
        at once: every name gets one registry entity, and every article is counted."""
        from concurrent.futures import ThreadPoolExecutor

        names = [f"{first} {last}" for first in ("سعيد", "نادية") for last in ("الوزاني", "بناني")]

        def write(worker: int) -> None:
            for i in range(10):
                store.upsert_many(
                    [
                        article(f"w{worker}-{i}", "2025-11-20",
                                *[(n, n, "PER") for n in names],
                                ("الوزاني", "الوزاني", "PER"))
                    ]
                )

        with ThreadPoolExecutor(4) as pool:
            list(pool.map(write, range(4)))
        for name in names:
            (entity,) = store.find_entities(name)
            assert entity.name == name and entity.articles == 40
        # Two full names end in الوزاني: the surname alone stays its own entity.
        assert [e.name for e in store.find_entities("الوزاني")] == ["الوزاني"]
