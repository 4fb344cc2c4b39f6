"""Headline fields are labelled by the headline model when one ships, the rest by the body model."""

from akhbar.enrich.entities import recognizer


class Marks:
    """Stands in for a tagger: labels every token with its own mark."""

    def __init__(self, mark: str):
        self.mark = mark

    def tag_many(self, sentences):
        return [[self.mark] * len(s) for s in sentences]


class TestHeadlineFields:
    def test_titles_and_page_headlines_are_headline_fields(self):
        """The title and every headline the page carries; body paragraphs and free text not."""
        assert recognizer.is_headline("title") and recognizer.is_headline("headlines.12")
        assert not recognizer.is_headline("body.0") and not recognizer.is_headline("text")

    def test_each_sentence_goes_to_its_model_in_order(self, monkeypatch):
        """Headline sentences get the headline model's labels, the others the body model's,
        in their original order."""
        monkeypatch.setattr(recognizer, "_HEADLINE_TAGGER", Marks("B-LOC"))
        words = [["a", "b"], ["c"], ["d", "e", "f"]]
        got = recognizer._label(Marks("O"), words, [False, True, False])
        assert got == [["O", "O"], ["B-LOC"], ["O", "O", "O"]]

    def test_without_a_headline_model_the_body_model_labels_all(self, monkeypatch):
        """A model folder without crf_headline.npz labels headlines like any sentence."""
        monkeypatch.setattr(recognizer, "_HEADLINE_TAGGER", None)
        assert recognizer._label(Marks("O"), [["a"], ["b"]], [True, False]) == [["O"], ["O"]]
