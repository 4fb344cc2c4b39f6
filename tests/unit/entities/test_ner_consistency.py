"""Document-level consistency of names across an article."""

from akhbar.enrich.entities.consistency import propagate
from akhbar.enrich.entities.gazetteer import Gazetteer
from akhbar.enrich.entities.normalize import normalize


def doc(*sents):
    return [[normalize(w) for w in s.split()] for s in sents]


class TestPropagate:
    def test_surname_of_a_full_name_is_tagged_later(self):
        """ "عبد اللطيف حموشي" tagged once makes a later "وأكد حموشي" a person too."""
        words = doc("قال عبد اللطيف حموشي اليوم", "وأكد حموشي ذلك")
        tags = [["O", "B-PER", "I-PER", "I-PER", "O"], ["O", "O", "O"]]
        assert propagate(words, tags)[1] == ["O", "B-PER", "O"]

    def test_organization_short_form_after_head_noun_is_tagged(self):
        """ "منظمة الأنتربول" makes a later "الأنتربول" an organization; a common word
        after a head noun ("وزارة الخارجية") does not spread on its own."""
        words = doc("لمنظمة الأنتربول ووزارة الخارجية", "مع الأنتربول قالت الخارجية")
        tags = [["B-ORG", "I-ORG", "B-ORG", "I-ORG"], ["O", "O", "O", "O"]]
        got = propagate(words, tags, common={normalize("الخارجية")})
        assert got[1] == ["O", "B-ORG", "O", "O"]

    def test_adjective_after_head_noun_is_no_short_form(self):
        """ "التحالف الدولي" does not make every later "الدولي" an organization: a word
        the training data uses inside names only some of the time (``mixed``) is left."""
        words = doc("جبهة التحالف الدولي", "الأمن الدولي والتعاون الدولي")
        tags = [["O", "B-ORG", "I-ORG"], ["O", "O", "O", "O"]]
        got = propagate(words, tags, mixed={normalize("الدولي")})
        assert got[1] == ["O", "O", "O", "O"]
        assert propagate(words, tags)[1] == ["O", "B-ORG", "O", "B-ORG"]

    def test_one_word_name_that_is_a_common_word_does_not_spread(self):
        """ "محمد علي" makes "علي" a surname, but "على" (the preposition, spelled the same
        once normalized) is a common word: a one-word document name never spreads onto a
        ``common`` word, while a longer name still spreads wherever it recurs."""
        words = doc("قال محمد علي اليوم", "وأكد على ضرورة الحوار مع محمد علي")
        tags = [["O", "B-PER", "I-PER", "O"], ["O"] * 7]
        got = propagate(words, tags, common={normalize("على")})
        assert got[1] == ["O", "O", "O", "O", "O", "B-PER", "I-PER"]

    def test_name_recurs_with_clitics(self):
        """A place tagged once is tagged again when a preposition is attached: بمراكش."""
        words = doc("زار مراكش أمس", "وصل بمراكش")
        tags = [["O", "B-LOC", "O"], ["O", "O"]]
        assert propagate(words, tags)[1] == ["O", "B-LOC"]

    def test_tagged_tokens_are_not_overwritten(self):
        """A token the model already labelled keeps its label."""
        words = doc("زار مراكش", "فريق مراكش")
        tags = [["O", "B-LOC"], ["B-ORG", "I-ORG"]]
        assert propagate(words, tags)[1] == ["B-ORG", "I-ORG"]

    def test_majority_label_wins(self):
        """A name tagged with two labels spreads with the label it had most often."""
        words = doc("مراكش", "مراكش", "مراكش", "في مراكش")
        tags = [["B-LOC"], ["B-LOC"], ["B-ORG"], ["O", "O"]]
        assert propagate(words, tags)[3] == ["O", "B-LOC"]

    def test_nothing_tagged_means_nothing_changes(self):
        """Without names in the document the tags are returned as they were."""
        words = doc("ذهب الولد")
        assert propagate(words, [["O", "O"]]) == [["O", "O"]]


class TestListedNames:
    LISTED = Gazetteer([("PER", "أخنوش"), ("ORG", "الكاف"), ("ORG", "التجمع الوطني للأحرار")])

    def test_listed_name_is_tagged_where_the_model_left_it(self):
        """A one-line headline has no article to learn from: a listed name is tagged there."""
        words = doc("أخنوش يترأس اجتماع التجمع الوطني للأحرار")
        tags = [["O"] * 6]
        got = propagate(words, tags, listed=self.LISTED)
        assert got == [["B-PER", "O", "O", "B-ORG", "I-ORG", "I-ORG"]]

    def test_model_labels_outside_listed_names_are_kept(self):
        """Tokens the model labelled outside any listed name keep their labels."""
        words = doc("الوداد يترأس")
        assert propagate(words, [["B-ORG", "O"]], listed=self.LISTED) == [["B-ORG", "O"]]

    def test_common_word_is_not_forced_into_a_name(self):
        """ "غير كاف" is "not enough", not the confederation الكاف without its article."""
        words = doc("أنه غير كاف")
        got = propagate(words, [["O", "O", "O"]], common={normalize("كاف")}, listed=self.LISTED)
        assert got == [["O", "O", "O"]]

    def test_name_taking_in_a_listed_non_name_is_dropped(self):
        """ "بفيروس كورونا" tagged as a name by the model is a disease: no entity is left."""
        listed = Gazetteer([("O", "كورونا"), ("PER", "أخنوش")])
        words = doc("إصابات بفيروس كورونا في الرباط")
        tags = [["O", "B-ORG", "I-ORG", "O", "B-LOC"]]
        got = propagate(words, tags, listed=listed)
        assert got == [["O", "O", "O", "O", "B-LOC"]]


class TestListedNamesWin:
    """A listed name the model cut is tagged whole: a person the model shortened, a name
    the model split into several."""

    LISTED = Gazetteer(
        [
            ("PER", "نادية فتاح العلوي"),
            ("ORG", "باريس سان جيرمان"),
            ("LOC", "كوريا"),
            ("ORG", "مجلس الحكومة"),
            ("ORG", "التجمع الوطني للأحرار"),
        ]
    )

    def test_models_name_stopping_inside_a_listed_name_gets_the_listed_end(self):
        """The model's "حزب التجمع الوطني" stops one word short of the listed party: it
        keeps its head noun and takes the listed name's end; starting with the listed name
        ("التجمع الوطني") it is extended the same way."""
        words = doc("اجتماع حزب التجمع الوطني للأحرار اليوم")
        tags = [["O", "B-ORG", "I-ORG", "I-ORG", "O", "O"]]
        assert propagate(words, tags, listed=self.LISTED)[0] == [
            "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"
        ]
        tags = [["O", "O", "B-ORG", "I-ORG", "O", "O"]]
        assert propagate(words, tags, listed=self.LISTED)[0] == [
            "O", "O", "B-ORG", "I-ORG", "I-ORG", "O"
        ]

    def test_models_name_of_another_label_is_not_extended_by_a_listed_name(self):
        words = doc("اجتماع حزب التجمع الوطني للأحرار")
        tags = [["O", "B-LOC", "I-LOC", "I-LOC", "O"]]
        assert propagate(words, tags, listed=self.LISTED)[0] == tags[0]

    def test_listed_full_name_extends_the_models_shorter_name(self):
        words = doc("قدمت نادية فتاح العلوي عرضا")
        tags = [["O", "B-PER", "I-PER", "O", "O"]]
        assert propagate(words, tags, listed=self.LISTED)[0] == ["O", "B-PER", "I-PER", "I-PER", "O"]

    def test_listed_club_replaces_two_places(self):
        words = doc("باريس سان جيرمان يفوز")
        tags = [["B-LOC", "B-LOC", "I-LOC", "O"]]
        assert propagate(words, tags, listed=self.LISTED)[0] == ["B-ORG", "I-ORG", "I-ORG", "O"]

    def test_listed_name_does_not_relabel_or_extend_the_models_one_name(self):
        """The model's label for its one name stands ("كوريا" as PER is the model's call),
        and a listed organization does not add its head noun to the model's name: on
        ANERcorp the model follows the annotation conventions there, the list does not."""
        words = doc("كوريا تدين")
        assert propagate(words, [["B-PER", "O"]], listed=self.LISTED)[0] == ["B-PER", "O"]
        words = doc("اجتماع مجلس الحكومة")
        tags = [["O", "O", "B-ORG"]]
        assert propagate(words, tags, listed=self.LISTED)[0] == ["O", "O", "B-ORG"]

    def test_model_name_crossing_the_listed_edge_is_kept(self):
        """The model's "الحكومة عزيز" runs over the listed "مجلس الحكومة"'s edge: neither
        is clearly right, so the model's labels stay."""
        words = doc("مجلس الحكومة عزيز")
        tags = [["O", "B-PER", "I-PER"]]
        assert propagate(words, tags, listed=self.LISTED)[0] == ["O", "B-PER", "I-PER"]

    def test_listed_person_extends_only_a_person(self):
        """The model's place "فتاح" is not the listed person's cut: labels differ."""
        words = doc("قدمت نادية فتاح العلوي")
        tags = [["O", "O", "B-LOC", "O"]]
        assert propagate(words, tags, listed=self.LISTED)[0] == ["O", "O", "B-LOC", "O"]
