"""Names kept from the model's labels over the unlabelled corpus (gazetteer expansion)."""

from collections import Counter

from akhbar.training.entities import corpus_names
from akhbar.training.entities.corpus_names import select


def labelled(key: str, label: str, n: int) -> Counter:
    return Counter({(tuple(key.split()), label): n})


class TestSelect:
    def test_frequent_consistent_name_is_kept(self):
        """A multi-word name labelled often with one label joins the list."""
        labels = labelled("محمد البرادعي", "PER", 40)
        assert select(labels, Counter()) == [("PER", "محمد البرادعي")]

    def test_rarely_labelled_name_is_left_out(self):
        """Under the minimum count the model's label is too thin evidence."""
        labels = labelled("محمد البرادعي", "PER", corpus_names.MIN_TAGGED - 1)
        assert select(labels, Counter()) == []

    def test_name_with_mixed_labels_is_left_out(self):
        """A phrase labelled PER as often as LOC is no reliable gazetteer entry."""
        labels = labelled("الشيخ زايد", "PER", 30) + labelled("الشيخ زايد", "LOC", 30)
        assert select(labels, Counter()) == []

    def test_one_word_name_needs_its_word_to_be_mostly_a_name(self):
        """"عادل" is labelled PER often, but is mostly the adjective "just": left out;
        "البرادعي" is labelled nearly every time it occurs: kept."""
        labels = labelled("عادل", "PER", 50) + labelled("البرادعي", "PER", 90)
        words = Counter({"عادل": 400, "برادعي": 100})
        assert select(labels, words) == [("PER", "البرادعي")]

    def test_one_word_name_needs_more_evidence_than_a_longer_one(self):
        """One word collides with common words more often: a higher minimum count."""
        n = corpus_names.MIN_TAGGED_ONE - 1
        assert select(labelled("مرسي", "PER", n), Counter({"مرسي": n})) == []
