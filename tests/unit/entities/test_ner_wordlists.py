"""The compiled word lists: file format and the attributes they give a word."""

from akhbar.enrich.entities.features import word_attributes
from akhbar.enrich.entities.gazetteer import Gazetteer
from akhbar.enrich.entities.wordlists import load_bytes, save_bytes

WORDS = {"برنامجا": "3", "البرنامج": "4", "طلعت": "4 f v", "يدين": "4 v", "زكريا": "4 f l"}


def own(word: str, words: dict) -> list[str]:
    return word_attributes(word, Gazetteer([], None, words))[2]


class TestWordLists:
    def test_file_round_trip_is_byte_stable(self):
        """Saving twice gives the same bytes (the model files diff cleanly) and loads back."""
        data = save_bytes(WORDS)
        assert data == save_bytes(dict(reversed(list(WORDS.items()))))
        assert load_bytes(data) == {w: tuple(t.split()) for w, t in WORDS.items()}

    def test_frequency_of_word_stem_and_article_form(self):
        """Bucket of the word, of its stem, and of the stem with the article ("-": rare)."""
        words = load_bytes(save_bytes({**WORDS, "المؤتمر": "5", "مؤتمر": "4"}))
        attrs = own("مؤتمر", words)
        assert "0f=4" in attrs and "0fa=5" in attrs
        attrs = own("والمؤتمر", words)  # stem مؤتمر; the article is there: no "fa"
        assert "0f=-" in attrs and "0fs=4" in attrs and not any(a.startswith("0fa") for a in attrs)
        assert "0fa=-" in own("زكريا", words)

    def test_names_and_verbs(self):
        """First/last-name classes through clitics; verb forms also after و and future س."""
        words = load_bytes(save_bytes(WORDS))
        assert {"0pn=f", "0pn=l"} <= set(own("وزكريا", words))
        assert "0vb" in own("يدين", words) and "0vb" in own("وسيدين", words)
        assert not any(a.startswith(("0pn", "0vb")) for a in own("زكري", words))

    def test_no_lists_no_attributes(self):
        """Without compiled lists (unit-test gazetteers) no list attribute is produced."""
        assert not any(a.startswith(("0f=", "0pn", "0vb")) for a in own("طلعت", {}))
