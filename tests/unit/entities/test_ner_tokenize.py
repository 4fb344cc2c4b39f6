"""Tokens that keep their offsets in the original text."""

from hypothesis import given
from hypothesis import strategies as st

from akhbar.enrich.entities.tokenize import sentences, tokenize


class TestTokenize:
    def test_punctuation_is_split_from_words(self):
        """Arabic comma, brackets and colon are tokens of their own, as in the corpus."""
        text = "قال حموشي، اليوم (الاثنين) بمراكش:"
        assert [t.text for t in tokenize(text)] == [
            "قال",
            "حموشي",
            "،",
            "اليوم",
            "(",
            "الاثنين",
            ")",
            "بمراكش",
            ":",
        ]

    def test_diacritics_and_tatweel_stay_inside_the_word(self):
        """A vocalized or stretched word is one token, not split at its marks."""
        assert [t.text for t in tokenize("مُحَمَّد المـــغرب")] == ["مُحَمَّد", "المـــغرب"]

    @given(st.text(alphabet="ابتمحدرسوليةى،.؟ \n\u064e\u0640()ab1", max_size=60))
    def test_offsets_point_into_the_original_text(self, text):
        """Every token is exactly the slice of the input its offsets name."""
        for tok in tokenize(text):
            assert text[tok.start : tok.end] == tok.text
            assert not tok.text.isspace()

    def test_sentences_end_at_stops_and_line_breaks(self):
        """A full stop, a question mark or a new line closes a sentence."""
        text = "زار سمير بيروت. هل عاد؟ نعم\nثم سافر"
        got = [[t.text for t in s] for s in sentences(text, tokenize(text))]
        assert got == [["زار", "سمير", "بيروت", "."], ["هل", "عاد", "؟"], ["نعم"], ["ثم", "سافر"]]

    def test_headline_blocks_separated_by_wide_gaps_are_apart(self):
        """Runs of spaces or a tab between headlines end a sentence, so no name spans them."""
        text = "سفيان أمرابط يخضع لعملية    أخنوش يتحدث\tبوتين"
        got = [[t.text for t in s] for s in sentences(text, tokenize(text))]
        assert got == [["سفيان", "أمرابط", "يخضع", "لعملية"], ["أخنوش", "يتحدث"], ["بوتين"]]
