"""The public API with the shipped model: offsets, fields, canonical names, package data."""

import json
from importlib import resources
from pathlib import Path

from akhbar.enrich.entities import find_entities, find_entities_in_fields

DATA = Path(__file__).resolve().parents[2] / "data" / "entities"


def article_fields():
    art = json.loads((DATA / "article.json").read_text(encoding="utf-8"))
    return [("title", art["title"])] + [(f"body.{i}", p) for i, p in enumerate(art["body"])]


class TestFindEntities:
    def test_model_ships_inside_the_package(self):
        """The model and gazetteer are package data, found through importlib.resources."""
        files = resources.files("akhbar.enrich.entities") / "model"
        assert (files / "crf.npz").is_file() and (files / "gazetteer.tsv").is_file()

    def test_offsets_are_on_the_original_text(self):
        """Each entity is the exact slice of the input its offsets name, field "text"."""
        text = "قال الرئيسُ الفرنسي إيمانويل ماكرون في باريس، إن وزارة الخارجية الفرنسية ستتحرك."
        ents = find_entities(text)
        assert ents
        for e in ents:
            assert text[e.start : e.end] == e.text
            assert e.field == "text" and e.label in {"PER", "ORG", "LOC", "MISC"}

    def test_preposition_is_not_part_of_a_place(self):
        """ "بمراكش" gives the place مراكش, starting after the ب."""
        text = "انعقد الاجتماع اليوم بمراكش."
        locs = [e for e in find_entities(text) if e.label == "LOC"]
        assert [(e.text, e.start) for e in locs] == [("مراكش", text.index("مراكش"))]

    def test_empty_and_punctuation_only_text(self):
        """Nothing to find gives an empty list."""
        assert find_entities("") == []
        assert find_entities(" ... ، ") == []


class TestFindEntitiesInFields:
    def test_each_entity_names_its_field(self):
        """Offsets point into the field the entity came from."""
        fields = dict(article_fields())
        ents = find_entities_in_fields(article_fields())
        assert {e.field for e in ents} <= set(fields)
        for e in ents:
            assert fields[e.field][e.start : e.end] == e.text

    def test_one_canonical_name_across_the_article(self):
        """حموشي in the body and the title is عبد اللطيف حموشي (spelling grouping: test_ner_canonical)."""
        ents = find_entities_in_fields(article_fields())
        people = {e.canonical for e in ents if e.label == "PER" and "حموشي" in e.text}
        assert people == {"عبد اللطيف حموشي"}
