"""The hand-written names of today's news: a well-formed list, shipped in the gazetteer."""

from akhbar.enrich.entities import find_entities
from akhbar.enrich.entities.news import news_entries, news_names
from akhbar.enrich.entities.normalize import normalize
from akhbar.enrich.entities.recognizer import load_tagger
from akhbar.training.entities.lexicons import word_classes

LABELS = {"PER", "ORG", "LOC", "MISC", "O"}


class TestNewsNamesList:
    def test_rows_are_label_and_arabic_phrase(self):
        """Every row has a known label and an Arabic phrase that survives normalization."""
        rows = news_names()
        assert len(rows) >= 150
        for label, phrase in rows:
            assert label in LABELS, (label, phrase)
            assert normalize(phrase).strip(), phrase
            assert any("\u0621" <= ch <= "\u064a" for ch in phrase), phrase

    def test_no_phrase_is_listed_twice(self):
        """One row per normalized phrase and label: duplicates hide typos in edits."""
        keys = [(label, normalize(phrase)) for label, phrase in news_names()]
        assert len(keys) == len(set(keys))

    def test_non_names_are_common_words_not_entries(self):
        """Rows labelled O (a disease) mark a common word and never become a name."""
        others = {normalize(p) for label, p in news_names() if label == "O"}
        assert "كورونا" in others
        assert all(label != "O" for label, _ in news_entries())
        assert word_classes([])["كورونا"] == "c"

    def test_training_usage_wins_over_the_list(self):
        """A word the training data uses as a name keeps that class."""
        sentences = [(["كورونا", "كورونا"], ["B-PER", "B-PER"])]
        assert word_classes(sentences)["كورونا"] == "n"


class TestShippedGazetteer:
    def test_public_figures_and_parties_are_known(self):
        """The shipped gazetteer holds the list: Moroccan office holders, parties, institutions."""
        gaz = load_tagger().gazetteer
        assert gaz.labels_of(["اخنوش"]) == {"PER"}
        assert "ORG" in gaz.labels_of(normalize("التجمع الوطني للأحرار").split())
        assert "ORG" in gaz.labels_of(normalize("المديرية العامة للأمن الوطني").split())

    def test_headline_subjects_are_found(self):
        """A headline naming the head of government and his party by their current names."""
        text = "رسمياً.. أخنوش يترأس اجتماع المكتب السياسي لحزب التجمع الوطني للأحرار بالرباط"
        found = {(e.text, e.label) for e in find_entities(text)}
        assert ("أخنوش", "PER") in found
        assert any(label == "ORG" and "التجمع الوطني للأحرار" in t for t, label in found)
        assert ("الرباط", "LOC") in found
