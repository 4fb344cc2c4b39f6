"""Span repairs that need no model (repairs.repair_spans): places, streets, titles, facilities, clubs."""

from akhbar.enrich.entities.repairs import (
    join_place_modifiers,
    join_place_prefixes,
    join_street_heads,
    name_clubs,
    name_facilities,
    tag_quoted_titles,
)


def test_a_prefix_place_takes_in_the_name_after_it_whatever_its_label():
    """ "سيدي" (LOC) + "علال التازي" (PER) is the town سيدي علال التازي."""
    words = ["في", "سيدي", "علال", "التازي", "امس"]
    tags = ["O", "B-LOC", "B-PER", "I-PER", "O"]
    assert join_place_prefixes(words, tags) == ["O", "B-LOC", "I-LOC", "I-LOC", "O"]


def test_a_prefix_place_takes_in_the_next_word_when_no_name_follows():
    words = ["الي", "بكفر", "الشيخ", "."]
    assert join_place_prefixes(words, ["O", "B-LOC", "O", "O"]) == ["O", "B-LOC", "I-LOC", "O"]


def test_other_places_punctuation_and_the_article_are_left_alone():
    """A whole place, a prefix before punctuation, and a definite word ("البحر" may be a
    place alone) keep their tags; the input list is not changed."""
    tags = ["B-LOC", "O", "B-LOC", "O", "B-LOC", "O"]
    words = ["مراكش", "امس", "سيدي", "،", "البحر", "قباله"]
    assert join_place_prefixes(words, tags) == tags
    assert join_place_prefixes(words, tags) is tags


class TestQuotedTitles:
    """A quoted title after the noun that announces it (docs/entities-annotation.md, rules 20
    and S5: the quotes stay outside)."""

    def test_a_series_title_is_misc_and_a_newspaper_is_org(self):
        words = ["مسلسل", "«", "نقطه", "ضعف", "»", "و", "لصحيفه", '"', "الوطن", '"']
        tags = ["O"] * len(words)
        assert tag_quoted_titles(words, tags) == [
            "O", "O", "B-MISC", "I-MISC", "O", "O", "O", "O", "B-ORG", "O",
        ]  # fmt: skip

    def test_the_models_names_unclosed_quotes_and_quoted_sentences_are_left_alone(self):
        """A title the model tagged keeps its tags; a quote that never closes, or holds a
        stop, is no title; a noun that announces no title puts nothing after it."""
        tagged = ["مسلسل", "«", "الحريه", "»"]
        assert tag_quoted_titles(tagged, ["O", "O", "B-ORG", "O"]) == ["O", "O", "B-ORG", "O"]
        unclosed = [
            "فيلم",
            "«",
            "كلام",
            "كثير",
            "جدا",
            "وطويل",
            "بلا",
            "نهايه",
            "ولا",
            "اغلاق",
            "هنا",
        ]
        assert tag_quoted_titles(unclosed, ["O"] * len(unclosed)) == ["O"] * len(unclosed)
        sentence = ["برنامج", "«", "قال", ".", "»"]
        assert tag_quoted_titles(sentence, ["O"] * 5) == ["O"] * 5
        other = ["قال", "«", "نعم", "»"]
        assert tag_quoted_titles(other, ["O"] * 4) == ["O"] * 4


class TestFacilities:
    """A person named right after a building's head noun names the building (annotation
    rule 6: MISC, the head noun outside)."""

    def test_a_hospital_named_after_a_prince_is_misc_with_the_title(self):
        words = ["اجري", "مستشفي", "الامير", "محمد", "بن", "ناصر", "13", "عمليه"]
        tags = ["O", "O", "O", "B-PER", "I-PER", "I-PER", "O", "O"]
        assert name_facilities(words, tags) == [
            "O", "O", "B-MISC", "I-MISC", "I-MISC", "I-MISC", "O", "O",
        ]  # fmt: skip

    def test_an_airport_behind_a_preposition_and_a_person_elsewhere(self):
        words = ["وصل", "لمطار", "محمد", "الخامس", "مع", "محمد", "الخامس"]
        tags = ["O", "O", "B-PER", "I-PER", "O", "B-PER", "I-PER"]
        assert name_facilities(words, tags) == ["O", "O", "B-MISC", "I-MISC", "O", "B-PER", "I-PER"]

    def test_a_definite_head_is_followed_by_apposition_not_a_name(self):
        """ "شماس الكنيسة ملاك": the deacon of the church, Malak, a person."""
        words = ["شماس", "الكنيسه", "ملاك"]
        tags = ["O", "O", "B-PER"]
        assert name_facilities(words, tags) is tags


class TestStreetHeads:
    """Streets, squares, bridges and corniches keep their head noun (annotation rule 5)."""

    def test_the_head_before_a_place_joins_it(self):
        words = ["بميدان", "سيدي", "جابر", "و", "كورنيش", "جده"]
        tags = ["O", "B-LOC", "I-LOC", "O", "O", "B-LOC"]
        assert join_street_heads(words, tags) == ["B-LOC", "I-LOC", "I-LOC", "O", "B-LOC", "I-LOC"]

    def test_roads_places_after_a_preposition_and_definite_heads_are_left_alone(self):
        """ "طريق بنها" is the road to Benha; "كوبري بالإسماعيلية" a bridge in Ismailia;
        "الشارع" is no head of a name."""
        for words in (["طريق", "بنها"], ["كوبري", "بالاسماعيليه"], ["الشارع", "مصر"]):
            tags = ["O", "B-LOC"]
            assert join_street_heads(words, tags) is tags


class TestPlaceModifiers:
    def test_the_old_or_new_town_is_one_place(self):
        """ "[حلب] القديمة" → [حلب القديمة]; a masculine adjective or a direction after a place
        is no part of it ("النمسا الجديد", "رفح شرق": east of Rafah)."""
        words = ["في", "حلب", "القديمه", "و", "رفح", "شرق", "النمسا", "الجديد"]
        tags = ["O", "B-LOC", "O", "O", "B-LOC", "O", "B-LOC", "O"]
        assert join_place_modifiers(words, tags) == [
            "O", "B-LOC", "I-LOC", "O", "B-LOC", "O", "B-LOC", "O",
        ]  # fmt: skip


class TestClubs:
    def test_a_town_after_a_players_role_is_its_club_a_country_stays_a_place(self):
        """ "مدافع [برشلونة]" is the club (ORG); "مهاجم بوركينا فاسو" the national team, which
        the conventions write as its country (LOC)."""
        words = ["مدافع", "برشلونه", "و", "مهاجم", "بوركينا", "فاسو"]
        tags = ["O", "B-LOC", "O", "O", "B-LOC", "I-LOC"]
        assert name_clubs(words, tags) == ["O", "B-ORG", "O", "O", "B-LOC", "I-LOC"]
