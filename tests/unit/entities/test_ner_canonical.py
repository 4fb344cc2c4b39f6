"""One canonical name per entity within an article."""

from akhbar.enrich.entities.canonical import canonical_names, name_key


class TestCanonicalNames:
    def test_spellings_with_and_without_article_and_hamza_are_one_name(self):
        """الأنتربول, أنتربول and الإنتربول are one organization, named by its longest form."""
        mentions = [
            ("أنتربول", "ORG"),
            ("الأنتربول", "ORG"),
            ("الإنتربول", "ORG"),
            ("الأنتربول", "ORG"),
        ]
        assert canonical_names(mentions) == ["الأنتربول"] * 4

    def test_surname_joins_the_full_name(self):
        """حموشي after عبد اللطيف حموشي is the same person."""
        mentions = [("عبد اللطيف حموشي", "PER"), ("حموشي", "PER")]
        assert canonical_names(mentions) == ["عبد اللطيف حموشي"] * 2

    def test_organization_short_form_joins_its_head_noun_form(self):
        """الأنتربول after منظمة الأنتربول is the same organization."""
        mentions = [("منظمة الأنتربول", "ORG"), ("الأنتربول", "ORG"), ("أنتربول", "ORG")]
        assert canonical_names(mentions) == ["منظمة الأنتربول"] * 3

    def test_ambiguous_surname_stays_alone(self):
        """A surname shared by two full names in the article is not merged into either."""
        mentions = [("محمد بنعلي", "PER"), ("سعيد بنعلي", "PER"), ("بنعلي", "PER")]
        assert canonical_names(mentions) == ["محمد بنعلي", "سعيد بنعلي", "بنعلي"]

    def test_different_names_stay_apart(self):
        """Two different places keep their own names."""
        assert canonical_names([("مراكش", "LOC"), ("فاس", "LOC")]) == ["مراكش", "فاس"]

    def test_name_key_ignores_article_and_spelling(self):
        """The grouping key drops the article and normalizes each word."""
        assert name_key("الأمم المتحدة") == name_key("امم متحده")
