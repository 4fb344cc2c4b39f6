"""Longest-match lookup of known names, tolerant of clitics and the article."""

from akhbar.enrich.entities.gazetteer import Gazetteer
from akhbar.enrich.entities.normalize import normalize


def words(text):
    return [normalize(w) for w in text.split()]


GAZ = Gazetteer(
    [("LOC", "مراكش"), ("ORG", "الأمم المتحدة"), ("ORG", "الأنتربول"), ("LOC", "الأمم")]
)


class TestGazetteer:
    def test_longest_name_wins(self):
        """ "الأمم المتحدة" is one organization, not the shorter entry "الأمم"."""
        assert GAZ.match(words("قالت الأمم المتحدة")) == [(), ("ORG:B",), ("ORG:I",)]

    def test_first_word_may_carry_clitics(self):
        """بمراكش, والأمم المتحدة and للأنتربول are found through their clitics."""
        assert GAZ.match(words("بمراكش"))[0] == ("LOC:B",)
        assert GAZ.match(words("والأمم المتحدة")) == [("ORG:B",), ("ORG:I",)]
        assert GAZ.match(words("للإنتربول"))[0] == ("ORG:B",)

    def test_article_is_optional(self):
        """أنتربول without the article is the entry الأنتربول."""
        assert GAZ.labels_of(words("أنتربول")) == {"ORG"}

    def test_parts_of_multiword_names(self):
        """A word inside a known multi-word name carries where it sits."""
        assert GAZ.parts_of(normalize("المتحدة")) == {"ORG:in"}

    def test_unknown_words_get_no_tag(self):
        """Words outside every entry are not tagged."""
        assert GAZ.match(words("ذهب الولد")) == [(), ()]

    def test_save_and_load_round_trip(self, tmp_path):
        """A saved gazetteer matches the same names once loaded."""
        GAZ.save(tmp_path / "g.tsv")
        again = Gazetteer.load(tmp_path / "g.tsv")
        assert again.entries == GAZ.entries
