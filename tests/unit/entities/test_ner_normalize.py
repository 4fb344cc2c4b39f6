"""Spelling normalization used for matching names."""

from akhbar.enrich.entities.normalize import normalize


class TestNormalize:
    def test_alef_variants_become_bare_alef(self):
        """أ إ آ ٱ all match a bare alef, so إنتربول and أنتربول are one spelling."""
        assert normalize("إنتربول") == normalize("أنتربول") == "انتربول"
        assert normalize("آسفي") == "اسفي"

    def test_final_yaa_and_taa_marbuta(self):
        """Alef maqsura is read as yaa, taa marbuta as haa."""
        assert normalize("مصطفى") == "مصطفي"
        assert normalize("مكة") == normalize("مكه")

    def test_diacritics_and_tatweel_are_dropped(self):
        """Harakat, shadda and tatweel do not change a name."""
        assert normalize("مُحَمَّد") == "محمد"
        assert normalize("المـــغرب") == "المغرب"

    def test_arabic_indic_digits_and_latin_case(self):
        """Digits compare as ASCII digits and Latin words compare lower-case."""
        assert normalize("٢٠٢٥") == "2025"
        assert normalize("FIFA") == "fifa"
