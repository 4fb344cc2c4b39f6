"""A place that is only a place-name prefix runs on over the name that follows it."""

from akhbar.enrich.entities.spans import join_place_prefixes


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
