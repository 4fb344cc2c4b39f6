"""Parse's matching fold is the shared ``matching_form``, the one the store searches with."""

from __future__ import annotations

import pytest

from akhbar.parse.textnorm import clean, fold
from akhbar.shared.arabic import matching_form
from akhbar.store.normalize import normalize


class TestMatchingForm:
    @pytest.mark.parametrize(
        ("variant", "plain"),
        [
            ("إبريل", "ابريل"),
            ("الحكومة", "الحكومه"),
            ("مُحَمَّد", "محمد"),
            ("الـمـغـرب", "المغرب"),
            ("٢٠٢٥", "2025"),
            ("\u200fالرباط\u200e", "الرباط"),  # direction marks pasted around a word
            ("\ufefb", "لا"),  # presentation-form lam-alef ligature
            ("Publié  le\u00a0Août", "publié le août"),
        ],
    )
    def test_variants_share_one_form(self, variant, plain):
        """Spelling, mark, compatibility-form, space and case variants fold alike."""
        assert matching_form(variant) == plain

    @pytest.mark.parametrize("text", ["الـمـغـرب ﻻ", "Publié le\u200b 30 août", "  ٢٠٢٥  "])
    def test_parse_and_store_fold_the_same_way(self, text):
        """Parse's ``fold`` and the store's ``normalize`` are one rule."""
        assert fold(text) == normalize(text) == matching_form(text)

    def test_clean_keeps_the_printed_spelling(self):
        """Output cleanup drops invisible marks and extra spaces but keeps the letters."""
        assert clean("  الحكومة\u200f   أعلنت ") == "الحكومة أعلنت"
