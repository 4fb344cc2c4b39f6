"""Arabic folding used on both sides of every store match."""

from __future__ import annotations

import pytest

from akhbar.store.normalize import index_terms, normalize, search_document, search_tokens


class TestNormalize:
    @pytest.mark.parametrize(
        ("variant", "plain"),
        [
            ("أحمد", "احمد"),
            ("إفريقيا", "افريقيا"),
            ("آمال", "امال"),
            ("ٱلله", "الله"),
            ("مستشفى", "مستشفي"),
            ("الحكومة", "الحكومه"),
            ("مُحَمَّد", "محمد"),
            ("الـمـغـرب", "المغرب"),
            ("٢٠٢٥", "2025"),
            ("  عزيز   أخنوش ", "عزيز اخنوش"),
            ("UNESCO", "unesco"),
        ],
    )
    def test_variants_fold_to_one_spelling(self, variant, plain):
        assert normalize(variant) == plain

    def test_normalizing_twice_changes_nothing(self):
        text = "قالَ رئيسُ الحكومةِ إنّ الـمغرب سيستضيف كأس إفريقيا"
        assert normalize(normalize(text)) == normalize(text)


class TestSearchTokens:
    def test_definite_article_and_its_clitics_are_dropped(self):
        assert search_tokens("المغرب والمغرب بالمغرب للمغرب") == ["مغرب"] * 4

    def test_short_words_keep_their_letters(self):
        """'الى' (إلى) is not the article plus one letter."""
        assert search_tokens("إلى") == ["الي"]

    def test_punctuation_separates_words(self):
        assert search_tokens("«غزة»، نيويورك.") == ["غزه", "نيويورك"]


class TestIndexTerms:
    def test_a_word_with_a_proclitic_is_also_indexed_without_it(self):
        assert index_terms("لاطلاق") == ["لاطلاق", "اطلاق"]
        assert index_terms("وحضر") == ["وحضر", "حضر"]

    def test_three_letter_words_are_not_split(self):
        assert index_terms("وقف") == ["وقف"]

    def test_document_holds_the_terms_of_every_part(self):
        assert search_document("لإطلاق النار", "في غزة") == "لاطلاق اطلاق نار في غزه"
