"""The word tables (the shared month table, checked against CLDR; ordinals) and folding."""

from __future__ import annotations

import re

from babel import Locale
from babel.localedata import locale_identifiers

from akhbar.enrich.dates.context import starts_word, words_before
from akhbar.enrich.dates.months import (
    AMBIGUOUS_MONTHS,
    GREGORIAN_MONTHS,
    HIJRI_MONTHS,
    WEEKDAYS,
)
from akhbar.enrich.dates.normalize import alternation, fold, original_span, strip_marks
from akhbar.enrich.dates.numerals import DAY_ORDINALS, HOUR_WORDS


class TestMonthTables:
    def test_every_cldr_arabic_month_name_is_in_the_shared_table(self):
        """Each month name of every ar_* locale in CLDR (Babel) maps to its month number."""
        for ident in locale_identifiers():
            if ident != "ar" and not ident.startswith("ar_"):
                continue
            months = Locale.parse(ident).months
            for context in ("format", "stand-alone"):
                for width in ("wide", "abbreviated"):
                    for number, name in months[context][width].items():
                        if any("\u0600" <= ch <= "\u06ff" for ch in name):  # not "M01"
                            assert GREGORIAN_MONTHS[fold(name)] == number, (ident, name)

    def test_every_region_names_every_month(self):
        """Egyptian/Gulf, Levantine, Moroccan and Algerian/Tunisian names all map 1..12."""
        regions = {
            "egypt-gulf": ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو",
                           "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"],
            "levant": ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز",
                       "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"],
            "morocco": ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت",
                        "شتنبر", "أكتوبر", "نونبر", "دجنبر"],
            "algeria-tunisia": ["جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية",
                                "أوت", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"],
        }
        for names in regions.values():
            assert [GREGORIAN_MONTHS[fold(n)] for n in names] == list(range(1, 13))

    def test_spelling_variants_fold_to_one_key(self):
        """إبريل/ابريل/أبريل and يوليه (Egyptian) are found."""
        for name, month in [("إبريل", 4), ("ابريل", 4), ("يوليه", 7), ("يونيه", 6)]:
            assert GREGORIAN_MONTHS[fold(name)] == month

    def test_hijri_names_with_case_endings(self):
        """ذو/ذي/ذا الحجة and both names of the sixth month are listed."""
        for name, month in [("ذو الحجة", 12), ("ذي الحجة", 12), ("ذا القعدة", 11),
                            ("جمادى الآخرة", 6), ("ربيع الآخر", 4)]:
            assert HIJRI_MONTHS[fold(name)] == month

    def test_names_a_preposition_does_not_make_a_month_are_flagged(self):
        """أب "father" and the names جوان/تموز need a day, year or modifier; مارس does not."""
        assert {fold("آب"), fold("جوان"), fold("تموز")} <= AMBIGUOUS_MONTHS
        assert fold("مارس") not in AMBIGUOUS_MONTHS

    def test_weekdays_count_like_date_weekday(self):
        """Monday is 0, as datetime.date.weekday() counts."""
        assert WEEKDAYS[fold("الاثنين")] == 0 and WEEKDAYS[fold("الأحد")] == 6


class TestNumerals:
    def test_day_ordinals_cover_the_month(self):
        """Every day 1..31 has an ordinal word; فاتح and غرة are the first."""
        assert set(DAY_ORDINALS.values()) == set(range(1, 32))
        assert DAY_ORDINALS["الحادي والعشرين"] == 21 and DAY_ORDINALS["فاتح"] == 1

    def test_hour_words_are_feminine(self):
        """الساعة العاشرة, الحادية عشرة."""
        assert HOUR_WORDS["العاشرة"] == 10 and HOUR_WORDS["الحادية عشرة"] == 11


class TestFolding:
    def test_fold_unifies_hamza_yaa_taa_and_digits(self):
        """One lookup key per word whatever the spelling."""
        assert fold("إلى") == fold("الى") == "الي"
        assert fold("السنة") == "السنه" and fold("١٤٤٦") == "1446"

    def test_strip_marks_maps_back_to_original_offsets(self):
        """A span of the vowel-free text maps to the original, trailing marks included."""
        text = "غداً الأحدَ"
        stripped, origin = strip_marks(text)
        assert stripped == "غدا الاحد".replace("الاحد", "الأحد")
        start, end = original_span(origin, 0, len(stripped), text)
        assert text[start:end] == text

    def test_text_without_marks_is_not_copied(self):
        """The common case costs one search and keeps offsets as they are."""
        assert strip_marks("يوم 24 نونبر") == ("يوم 24 نونبر", None)

    def test_alternation_prefers_the_longest_word(self):
        """"مايو" is matched whole, not as "ماي" plus a letter."""
        pattern = re.compile(alternation(["ماي", "مايو"]))
        assert pattern.match("مايو").group() == "مايو"

    def test_alternation_matches_spelling_variants(self):
        """Patterns written with bare alif match hamza seats and taa marbuta."""
        pattern = re.compile(alternation(["السنة"]) + "$")
        assert pattern.match("السنه") and pattern.match("السنة")


class TestContext:
    def test_words_before_skip_commas(self):
        """"الجمعة، 6": the weekday is the word before the day."""
        text = "يوم الجمعة، 6 يونيو"
        assert [w for _, w in words_before(text, text.index("6"), 2)] == ["الجمعه", "يوم"]

    def test_words_before_stop_at_digits(self):
        """A number ends the reading: context never jumps over another expression."""
        text = "سنة 2020 و 2021"
        assert words_before(text, text.index("2021"), 3) == ((9, "و"),)

    def test_starts_word_allows_one_proclitic(self):
        """"وأمس" starts a word; "آب" inside "نواب" does not."""
        assert starts_word("وأمس", 1) == 0
        assert starts_word("نواب", 2) is None
