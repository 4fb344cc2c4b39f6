"""Names read off unlabelled news after their head nouns (gazetteer expansion by rules)."""

from collections import Counter

from akhbar.training.entities import trigger_names as tn


def mined(*texts_and_times: tuple[str, int]) -> list[tuple[str, str]]:
    """``select`` over the counts of each text repeated its number of times."""
    articles = [[text] for text, times in texts_and_times for _ in range(times)]
    places, orgs, bare = tn._count_chunk(articles)
    return tn.select(places, orgs, bare)


class TestPlaces:
    def test_word_after_a_place_head_becomes_a_place(self):
        """ "محافظة X" seen often, X otherwise alone: X is a place, with or without a
        proclitic on the head."""
        found = mined(("وقعت الحادثة بمحافظة المنوفية أمس", tn.MIN_PLACE), ("مظاهرة بالمنوفية", 50))
        assert ("LOC", "المنوفيه") in found

    def test_word_mostly_used_elsewhere_is_no_place(self):
        """An adjective or common noun after a head ("مدينة الجديدة") that stands mostly
        elsewhere is left out: under ``MIN_PLACE_SHARE`` of its occurrences."""
        n = tn.MIN_PLACE
        found = mined(("في مدينة الجديدة", n), ("الخطة الجديدة", int(n / tn.MIN_PLACE_SHARE) * 2))
        assert found == []

    def test_definite_head_is_no_trigger(self):
        """ "المنطقة الشرقية": the head carries the article, the next word is an adjective."""
        assert mined(("في المنطقة الشرقية", 100)) == []

    def test_two_word_place_is_kept_whole(self):
        """The next word joins when it nearly always follows: "كفر الشيخ"."""
        found = mined(("في محافظة كفر الشيخ اليوم", 40), ("في محافظة كفر الشيخ", 10))
        assert ("LOC", "كفر الشيخ") in found
        assert ("LOC", "كفر") not in found

    def test_prefix_of_many_place_names_is_never_a_place_alone(self):
        """ "كفر" starts many names; each frequent one is kept, never "كفر" alone."""
        found = mined(("بمدينة كفر الشيخ", 30), ("بمدينة كفر الدوار", 30))
        assert sorted(p for _, p in found) == ["كفر الدوار", "كفر الشيخ"]

    def test_adjective_after_a_place_stays_outside(self):
        """ "مدينة الرمثا الحدودية": the gentilic adjective is not part of the place, and a
        place that nearly always takes one is not read alone either."""
        found = mined(("في مدينة الرمثا الحدودية", 50))
        assert found == []


class TestOrganizations:
    def test_head_and_definite_complement_become_an_organization(self):
        found = mined(("وافق مجلس الشورى على القانون", tn.MIN_ORG))
        assert found == [("ORG", "مجلس الشوري")]

    def test_rare_phrase_is_left_out(self):
        assert mined(("وافق مجلس الشورى على القانون", tn.MIN_ORG - 1)) == []

    def test_complement_grows_while_one_continuation_dominates(self):
        """ "حزب الحرية والعدالة": "و" + a definite word joins; the verb after does not."""
        found = mined(("قال حزب الحرية والعدالة إن", 30), ("أعلن حزب الحرية والعدالة اليوم", 10))
        assert found == [("ORG", "حزب الحريه والعداله")]

    def test_generic_complement_is_no_name(self):
        """ "مجلس الإدارة" is any company's board."""
        assert mined(("اجتمع مجلس الإدارة", 100)) == []

    def test_prefix_of_several_names_yields_the_names(self):
        """Several names share a start ("منظمة الصحة ..."): a complement that is mostly
        followed by other definite words is the start of several names, each kept."""
        found = mined(("في منظمة الصحة العالمية", 30), ("في منظمة الصحة الحيوانية", 30))
        assert sorted(p for _, p in found) == ["منظمه الصحه الحيوانيه", "منظمه الصحه العالميه"]

    def test_weak_head_needs_two_complement_words(self):
        """ "حركة المرور" is traffic; "حركة المقاومة الإسلامية" a movement."""
        found = mined(("توقفت حركة القطارات", 50), ("أعلنت حركة المقاومة الإسلامية", 50))
        assert found == [("ORG", "حركه المقاومه الاسلاميه")]


def test_phrases_the_training_data_leaves_o_are_dropped():
    """"مجلس النواب" left O three times in the labelled data and never named: the list
    does not fight the tagger's training data; a phrase it names stays."""
    o_sents = [(["وافق", "مجلس", "النواب"], ["O", "O", "O"])] * 3
    named = [(["وافق", "مجلس", "الشورى"], ["O", "B-ORG", "I-ORG"])] * 3
    o_phrases = tn.training_o_phrases(o_sents + named)
    places, orgs, bare = tn._count_chunk([["وافق مجلس النواب"], ["وافق مجلس الشورى"]] * 30)
    assert tn.select(places, orgs, bare, o_phrases) == [("ORG", "مجلس الشوري")]


def test_counts_add_up_across_chunks():
    """Counting in chunks (as ``count`` does over processes) equals counting at once."""
    texts = [["وقعت الحادثة بمحافظة المنوفية"], ["وافق مجلس الشورى"]] * 5
    whole = tn._count_chunk(texts)
    parts = [tn._count_chunk(texts[:3]), tn._count_chunk(texts[3:])]
    for i in range(3):
        assert whole[i] == sum((p[i] for p in parts), Counter())


class TestRecognizer:
    def test_model_folder_list_joins_the_listed_names(self, tmp_path):
        """A model folder's ``trigger_names.tsv`` is tagged where the model left a name
        untagged, beside the hand-written news names."""
        from akhbar.enrich.entities.recognizer import read_listed

        (tmp_path / "trigger_names.tsv").write_text("ORG\tاتحاد الغرف السياحيه\n", encoding="utf-8")
        listed = read_listed(tmp_path)
        assert listed.labels_of(["اتحاد", "الغرف", "السياحيه"]) == {"ORG"}
        assert listed.labels_of(["اخنوش"]) == {"PER"}  # a hand-written news name
        missing = read_listed(tmp_path / "missing")
        assert missing.labels_of(["اتحاد", "الغرف", "السياحيه"]) == set()

    def test_shipped_model_names_a_council_and_a_province_in_a_headline(self):
        """Headlines that drop the head noun or name a council the 2007 training text tags
        O: the corpus-read names carry them."""
        from akhbar.enrich.entities import find_entities_in_fields

        found = find_entities_in_fields(
            [("title", "مظاهرة بالقليوبية"), ("headlines.0", "مجلس الشورى يقر قانون الانتخابات")]
        )
        got = {(e.text, e.label) for e in found}
        assert ("القليوبية", "LOC") in got
        assert ("مجلس الشورى", "ORG") in got
