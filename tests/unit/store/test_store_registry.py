"""The entity registry's rules, without a database: keys, Latin folding, the consonant
skeleton both scripts share, query tiers, short forms, Latin names, the search filter."""

from __future__ import annotations

import datetime as dt

import pytest

from akhbar.store.filters import ArticleFilter
from akhbar.store.latin import latin_names, romanize
from akhbar.store.registry import (
    LATIN,
    LATIN_WORD,
    NAME,
    SOUND,
    SOUND_WORD,
    WORD,
    entity_key,
    is_latin,
    latin_fold,
    link_tiers,
    name_terms,
    query_terms,
    short_form_owner,
    sound_words,
)
from akhbar.store.when import BadDate


class TestEntityKey:
    @pytest.mark.parametrize(
        "spelling", ["الإنتربول", "الأنتربول", "أنتربول", "انتربول", "إنتربول", "الانتربول"]
    )
    def test_alef_hamza_forms_and_the_article_fold_to_one_key(self, spelling):
        assert entity_key(spelling) == "انتربول"

    def test_taa_marbuta_and_alef_maqsura_fold(self):
        assert entity_key("منظمة الصحة") == entity_key("منظمه الصحه")
        assert entity_key("مصطفى") == entity_key("مصطفي")

    def test_diacritics_tatweel_and_punctuation_do_not_count(self):
        assert entity_key("عَبْد اللـطيف «حموشي»") == entity_key("عبد اللطيف حموشي")

    def test_the_article_goes_from_every_word_as_the_tagger_does(self):
        assert entity_key("عبد اللطيف حموشي") == "عبد لطيف حموشي"
        assert entity_key("إلى") == "الي"  # too short to lose what looks like an article


class TestLatin:
    def test_case_and_accents_fold(self):
        assert latin_fold("HAMMOUCHI") == latin_fold("Hammouchí") == "hammouchi"
        assert latin_fold("Fès") == "fes"
        assert latin_fold("l'Intérieur") == "linterieur"

    def test_script_is_told_apart(self):
        assert is_latin("Akhannouch") and not is_latin("أخنوش") and not is_latin("123")

    @pytest.mark.parametrize(
        "arabic, latin",
        [
            ("حموشي", "Hammouchi"),
            ("أخنوش", "Akhannouch"),
            ("إنتربول", "Interpol"),
            ("الرباط", "Rabat"),
            ("بنموسى", "Benmoussa"),
            ("مراكش", "Marrakech"),
            ("فاطمة", "Fatima"),
            ("العثماني", "El-Othmani"),
        ],
    )
    def test_an_arabic_name_and_its_latin_spelling_share_a_skeleton(self, arabic, latin):
        assert sound_words(arabic) == sound_words(latin)

    @pytest.mark.parametrize("arabic, latin", [("عزيز أخنوش", "Aziz Akhannouch"),
                                               ("عبد اللطيف حموشي", "Abdellatif Hammouchi")])
    def test_a_vowel_between_two_like_consonants_is_skipped_in_both_scripts(self, arabic, latin):
        assert "".join(sound_words(arabic)) == "".join(sound_words(latin))

    def test_different_names_have_different_skeletons(self):
        assert sound_words("حموشي") != sound_words("Akhannouch")
        assert sound_words("الرباط") != sound_words("Marrakech")


class TestQueryTerms:
    def test_an_arabic_word_finds_a_name_then_a_whole_word_of_one(self):
        assert query_terms("حموشي") == [[(NAME, "حموشي")], [(WORD, "حموشي")]]

    def test_an_arabic_full_name_is_looked_up_whole(self):
        assert query_terms("عبد اللطيف حموشي") == [[(NAME, "عبد لطيف حموشي")]]

    def test_a_latin_word_tries_latin_names_before_the_skeleton(self):
        assert query_terms("Hammouchi") == [
            [(LATIN, "hammouchi")],
            [(LATIN_WORD, "hammouchi")],
            [(SOUND, "HMX")],
            [(SOUND_WORD, "HMX")],
        ]

    def test_nothing_to_look_up_gives_no_tiers(self):
        assert query_terms("«»!") == []

    def test_a_registry_name_is_filed_under_what_queries_ask(self):
        terms = name_terms("عبد اللطيف حموشي", ["Abdellatif Hammouchi"])
        asked = {t for tier in query_terms("حموشي") + query_terms("Hammouchi") for t in tier}
        assert {(NAME, "عبد لطيف حموشي"), (WORD, "حموشي"), (LATIN_WORD, "hammouchi")} <= terms
        assert terms & asked
        # Too short or too common to find a name by: no term for them.
        assert (WORD, "عبد") in terms and (WORD, "بن") not in name_terms("علي بن صالح")


class TestLinkTiers:
    def test_a_latin_name_looks_for_its_latin_form_then_its_skeleton(self):
        assert link_tiers("Aziz Akhannouch", ["Aziz Akhannouch"], "PER")[:2] == [
            [(LATIN, "aziz akhannouch")],
            [(SOUND, "ZKNX")],
        ]

    def test_a_latin_surname_also_looks_for_a_word_of_a_latin_name(self):
        assert link_tiers("Akhannouch", ["Akhannouch"], "PER")[-1] == [
            (LATIN_WORD, "akhannouch"), (SOUND_WORD, "KNX")
        ]

    def test_an_arabic_full_name_also_looks_for_its_latin_surname(self):
        tiers = link_tiers("عزيز أخنوش", ["Aziz Akhannouch"], "PER")
        assert tiers[-1] == [(LATIN, "akhannouch")]
        # A Latin full name never goes looking for a surname: two of them would both join.
        assert (LATIN, "akhannouch") not in {
            t for tier in link_tiers("Aziz Akhannouch", ["Aziz Akhannouch"], "PER") for t in tier
        }

    def test_places_take_no_word_tiers(self):
        assert [k for tier in link_tiers("Rabat", ["Rabat"], "LOC") for k, _ in tier] == [
            LATIN, SOUND
        ]

    def test_what_a_latin_name_looks_up_an_arabic_entity_is_filed_under(self):
        filed = name_terms("عزيز أخنوش", ["Aziz Akhannouch"])
        for query in ("Aziz Akhannouch", "AKHANNOUCH"):
            tiers = link_tiers(query, [query], "PER")
            assert any(t in filed for tier in tiers for t in tier), query


class TestShortForms:
    def test_a_surname_joins_the_one_full_name_it_ends(self):
        assert short_form_owner("حموشي", "PER", [(7, "عبد لطيف حموشي")]) == 7

    def test_an_ambiguous_surname_joins_nothing(self):
        owners = [(7, "عبد لطيف حموشي"), (8, "محمد حموشي")]
        assert short_form_owner("حموشي", "PER", owners) is None

    def test_an_organization_joins_only_a_two_word_name(self):
        assert short_form_owner("انتربول", "ORG", [(3, "منظمه انتربول")]) == 3
        assert short_form_owner("دولي", "ORG", [(4, "صندوق نقد دولي")]) is None

    def test_places_and_full_names_join_nothing(self):
        assert short_form_owner("رباط", "LOC", [(5, "سلا رباط")]) is None
        assert short_form_owner("محمد حموشي", "PER", [(7, "عبد لطيف حموشي")]) is None


class TestLatinNames:
    def test_places_take_their_cldr_names(self):
        assert {"Maroc", "Morocco"} <= set(latin_names("المغرب", "LOC"))
        assert "France" in latin_names("فرنسا", "LOC")

    def test_curated_names_come_first(self):
        assert latin_names("منظمة الأنتربول", "ORG") == ("Interpol",)
        assert latin_names("الرباط", "LOC") == ("Rabat",)
        assert latin_names("عزيز أخنوش", "PER") == ("Aziz Akhannouch",)

    def test_moroccan_institutions_have_the_names_french_articles_give_them(self):
        assert latin_names("المكتب الشريف للفوسفاط", "ORG") == (
            "Office chérifien des phosphates", "OCP"
        )
        assert "Royal Air Maroc" in latin_names("الخطوط الملكية المغربية", "ORG")

    def test_a_country_the_tagger_called_an_organization_keeps_its_name(self):
        assert "Morocco" in latin_names("المغرب", "ORG")

    def test_other_names_are_romanized(self):
        assert latin_names("محمد شوكي", "PER") == ("Mohamed Chouki",)
        assert romanize("حموشي") == "Hamouchi"
        assert romanize("Trump") == ""


class TestArticleFilter:
    def test_dates_are_read_once_at_the_edge(self):
        f = ArticleFilter(since="2025-11-01", until="2025-11-24T08:30:00+01:00")
        assert f.since == dt.date(2025, 11, 1)
        assert f.until == dt.datetime(2025, 11, 24, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))

    def test_bad_date_names_the_filter(self):
        with pytest.raises(BadDate, match="until"):
            ArticleFilter(until="24/11/2025")

    def test_label_must_be_an_entity_label(self):
        with pytest.raises(ValueError, match="PER, ORG, LOC, MISC"):
            ArticleFilter(label="PERSON")

    def test_another_page_keeps_the_filters(self):
        f = ArticleFilter(entity="حموشي", label="PER", limit=10)
        assert f.page(5, 20) == ArticleFilter(entity="حموشي", label="PER", limit=5, offset=20)
