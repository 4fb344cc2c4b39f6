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
        monkeypatch.setattr(recognizer, "_NEWS_TAGGER", None)  # ANERcorp's conventions
        words = [["a", "b"], ["c"], ["d", "e", "f"]]
        got = recognizer._label(Marks("O"), words, [False, True, False])
        assert got == [["O", "O"], ["B-LOC"], ["O", "O", "O"]]

    def test_without_a_headline_model_the_body_model_labels_all(self, monkeypatch):
        """A model folder without crf_headline.npz labels headlines like any sentence."""
        monkeypatch.setattr(recognizer, "_HEADLINE_TAGGER", None)
        monkeypatch.setattr(recognizer, "_NEWS_TAGGER", None)
        assert recognizer._label(Marks("O"), [["a"], ["b"]], [True, False]) == [["O"], ["O"]]

    def test_body_text_goes_to_the_news_body_model_when_one_ships(self, monkeypatch):
        """Headline fields to the headline model, the rest to the news body model; the body
        model of ANERcorp's conventions labels nothing then."""
        monkeypatch.setattr(recognizer, "_HEADLINE_TAGGER", Marks("B-PER"))
        monkeypatch.setattr(recognizer, "_NEWS_TAGGER", Marks("B-ORG"))
        got = recognizer._label(Marks("O"), [["a"], ["b", "c"]], [True, False])
        assert got == [["B-PER"], ["B-ORG", "B-ORG"]]
        assert recognizer._label(Marks("O"), [["a"]], [False]) == [["B-ORG"]]


def _reads_as_headline(text: str, field: str = "text") -> bool:
    return recognizer.reads_as_headline(field, recognizer.sentences(text, recognizer.tokenize(text)))


class TestLoneText:
    """A text given alone (``find_entities``, ``akhbar entities``) is labelled as a headline
    when it reads as one: short, no stop at its end."""

    def test_a_ticker_line_reads_as_a_headline(self):
        assert _reads_as_headline("أخنوش يترأس بالرباط مجلس الحكومة")
        assert _reads_as_headline("بالفيديو.. الاعتداء على مراسل بالمنصورة")  # stop inside only

    def test_a_sentence_with_its_stop_reads_as_body_text(self):
        assert not _reads_as_headline("قال الوزير إن الحكومة ستعقد اجتماعها يوم الخميس.")
        assert not _reads_as_headline("وقال الوزير «إن الاجتماع انتهى.»")  # stop inside the quote

    def test_a_long_text_without_a_stop_reads_as_body_text(self):
        assert not _reads_as_headline(" ".join(["كلمة"] * (recognizer.HEADLINE_MAX_WORDS + 1)))

    def test_only_lone_texts_are_judged_by_their_form(self):
        """Article fields keep their kind: a body paragraph without a stop is still body."""
        assert not _reads_as_headline("أخنوش يترأس بالرباط مجلس الحكومة", field="body.0")
        assert _reads_as_headline("قال الوزير إن الحكومة ستعقد اجتماعها.", field="title")

    def test_a_lone_headline_gets_the_same_entities_as_a_title(self):
        text = "أخنوش يترأس بالرباط مجلس الحكومة"
        alone = [(e.start, e.end, e.label) for e in recognizer.find_entities(text)]
        title = recognizer.find_entities_in_fields([("title", text)])
        assert alone == [(e.start, e.end, e.label) for e in title]


class TestScript:
    def test_french_paragraph_gets_no_arabic_entities(self):
        """The Arabic model does not run on Latin-script text: a French lead gives nothing."""
        text = (
            "Le chef du gouvernement Aziz Akhannouch a présidé jeudi à Rabat le conseil de "
            "gouvernement, adopté la semaine dernière par la Chambre des représentants."
        )
        assert recognizer.find_entities_in_fields([("body.0", text)]) == []

    def test_latin_name_inside_an_arabic_sentence_is_still_read(self):
        """An Arabic sentence quoting a Latin title keeps being labelled as a whole."""
        text = "قال الرئيس الفرنسي إيمانويل ماكرون في باريس إن «Sin City» فيلم جيد"
        found = recognizer.find_entities_in_fields([("body.0", text)])
        assert any(e.text == "باريس" and e.label == "LOC" for e in found)

    def test_mixed_page_keeps_its_arabic_paragraphs(self):
        """A page with an Arabic and a French paragraph: the Arabic one is labelled."""
        found = recognizer.find_entities_in_fields(
            [
                ("body.0", "Le roi a reçu le président."),
                ("body.1", "استقبل الملك محمد السادس بالرباط"),
            ]
        )
        assert found and all(e.field == "body.1" for e in found)
