"""Proclitics split off for features and trimmed off entity spans."""

from akhbar.enrich.entities.clitics import attached_prefix, strip_proclitics
from akhbar.enrich.entities.normalize import normalize

KNOWN = {
    "مراكش": {"LOC"},
    "لبنان": {"LOC"},
    "بنان": {"PER"},
    "انتربول": {"ORG"},
    "وجده": {"LOC"},
    "جده": {"LOC"},
    "اسرائيل": {"LOC"},
}


class TestStripProclitics:
    def test_conjunction_preposition_and_article_are_split(self):
        """و + ب + ال in front of a word leave the bare stem."""
        assert strip_proclitics("وبالمغرب") == ("وبال", "مغرب")
        assert strip_proclitics("للانتربول") == ("لل", "انتربول")

    def test_short_words_are_left_whole(self):
        """Three-letter words keep their first letter: it is rarely a clitic there."""
        assert strip_proclitics("ولد") == ("", "ولد")


class TestAttachedPrefix:
    def test_preposition_before_known_place_is_cut(self):
        """بمراكش -> the span starts at مراكش."""
        assert attached_prefix("بمراكش", "LOC", KNOWN) == 1

    def test_clitics_before_article_are_cut(self):
        """وبالمغرب -> المغرب and للأنتربول -> أنتربول, article kept where it is written."""
        assert attached_prefix("وبالمغرب", "LOC", {}) == 2
        assert attached_prefix("للانتربول", "ORG", KNOWN) == 2

    def test_names_beginning_with_clitic_letters_are_kept(self):
        """لبنان is not ل + بنان: بنان is a person's name, not a place."""
        assert attached_prefix("لبنان", "LOC", KNOWN) == 0
        assert attached_prefix("بيروت", "LOC", KNOWN) == 0
        assert attached_prefix("فاس", "LOC", KNOWN) == 0

    def test_known_name_beginning_with_waw_is_kept(self):
        """وجدة is a known city: it is not و + جدة although جدة is a city too."""
        assert attached_prefix("وجده", "LOC", KNOWN) == 0

    def test_conjunction_before_a_name_is_cut(self):
        """وإسرائيل -> إسرائيل; و before an unknown word (ودار) is the conjunction."""
        assert attached_prefix("واسرائيل", "LOC", KNOWN) == 1
        assert attached_prefix("ودار", "LOC", KNOWN) == 1

    def test_clitic_before_an_organization_or_event_head_is_cut(self):
        """ "لجماعة الإخوان المسلمين" starts at جماعة, "ببطولة كأس العالم" at بطولة: no name
        starts with a preposition glued to its head noun."""
        assert attached_prefix(normalize("لجماعة"), "ORG", {}) == 1
        assert attached_prefix(normalize("وبحزب"), "ORG", {}) == 2
        assert attached_prefix(normalize("ببطولة"), "MISC", {}) == 1

    def test_head_of_another_label_is_not_cut(self):
        """A place noun is no organization's head: "بمدينة" in an ORG stays whole, and a
        person's first word is never cut for being a head noun."""
        assert attached_prefix(normalize("بمدينة"), "ORG", {}) == 0
        assert attached_prefix(normalize("لحزب"), "PER", {}) == 0

    def test_clitic_before_a_place_head_is_cut(self):
        """ "بميدان الجيزة" starts at ميدان, "بمدينة نصر" at مدينة, "لثورة 25 يناير" at ثورة:
        place and event heads, listed for trimming only, as the trigger lists' are."""
        assert attached_prefix(normalize("بميدان"), "LOC", {}) == 1
        assert attached_prefix(normalize("بمدينة"), "LOC", {}) == 1
        assert attached_prefix(normalize("لثورة"), "MISC", {}) == 1

    def test_the_shortest_cut_leaving_a_known_name_wins(self):
        """وكريم is و + كريم: both كريم and ريم are known first names, and cutting و + ك
        would turn Karim into Reem."""
        known = {"كريم": {"PER"}, "ريم": {"PER"}}
        assert attached_prefix("وكريم", "PER", known) == 1
        assert attached_prefix("وريم", "PER", known) == 1

    def test_clitic_before_a_known_multi_word_name_is_cut(self):
        """ "بإسلام آباد" and "ببني ملال" start at the name: the rest and the entity's other
        words spell a known name of the label. The whole word is not looked up among the
        multi-word names, which keep ANERcorp's clitics ("لجامعة الدول العربية")."""
        phrases = {("اسلام", "اباد"): {"LOC"}, ("بني", "ملال"): {"LOC"}}
        assert attached_prefix("باسلام", "LOC", {}, ["اباد"], phrases) == 1
        assert attached_prefix("ببني", "LOC", {}, ["ملال"], phrases) == 1
        assert attached_prefix("باسلام", "ORG", {}, ["اباد"], phrases) == 0
        assert attached_prefix("باسلام", "LOC", {}, [], phrases) == 0


class TestAttachedPrefixWithTheCorpusWords:
    """The words the unlabelled news writes on their own settle names no list holds."""

    CORPUS = {"طنطا", "بطنطا", "مرسي", "وثيقه", "كاليفورنيا", "فيصل", "يصل", "بعقوبه"}

    def test_a_rest_the_news_writes_alone_is_a_word_after_clitics(self):
        """بطنطا -> طنطا: Tanta is no list's, but the news writes it alone."""
        assert attached_prefix("بطنطا", "LOC", {}, corpus=self.CORPUS) == 1
        assert attached_prefix("بطنطا", "LOC", {}) == 0  # without the corpus: kept whole

    def test_a_person_is_cut_only_when_the_whole_word_is_no_word_of_the_news(self):
        """لمرسي -> مرسي; فيصل stays whole although يصل is a word."""
        assert attached_prefix("لمرسي", "PER", {}, corpus=self.CORPUS) == 1
        assert attached_prefix("فيصل", "PER", {}, corpus=self.CORPUS) == 0

    def test_a_news_word_whose_rest_the_news_never_writes_keeps_its_letters(self):
        """كاليفورنيا is no ك + article; وثيقة is no و + ثيقة."""
        assert attached_prefix("كاليفورنيا", "LOC", {}, corpus=self.CORPUS) == 0
        assert attached_prefix("وثيقه", "MISC", {}, corpus=self.CORPUS) == 0
        assert attached_prefix("كاليفورنيا", "LOC", {}) == 1  # the article rule alone

    def test_a_whole_word_that_opens_a_known_name_is_kept(self):
        """ "بيونغ يانغ" is a known name as written: its ب is no preposition."""
        phrases = {("بيونغ", "يانغ"): {"LOC"}}
        assert attached_prefix("بيونغ", "LOC", {}, ["يانغ"], phrases, {"يونغ"}) == 0

    def test_a_head_noun_as_written_is_kept_whole(self):
        """ "بحيرة ناصر" opens with the head بحيرة: no ب + حيرة, even where حيرة is a listed place."""
        assert attached_prefix("بحيره", "LOC", {"حيره": {"LOC"}}, ["ناصر"], {}, {"حيره"}) == 0


class TestQuotedNames:
    def test_a_word_glued_to_an_opening_quote_is_quoted(self):
        """ "«بتوقيت القاهرة»": the programme's ب is inside the quotes, so the span keeps it;
        a preposition governing a quoted name stands before the mark (لـ«الوطن»)."""
        from akhbar.enrich.entities.recognizer import quoted_at
        from akhbar.enrich.entities.tokenize import tokenize

        toks = tokenize('برنامج «بتوقيت القاهرة» و" بالرباط')
        assert [t.text for t in toks][:3] == ["برنامج", "«", "بتوقيت"]
        assert quoted_at(toks, 2)
        assert not quoted_at(toks, 0) and not quoted_at(toks, 3)
        assert not quoted_at(toks, len(toks) - 1)  # a space between the mark and the word
