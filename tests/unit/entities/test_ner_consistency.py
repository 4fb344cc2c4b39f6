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

    def test_model_labels_are_not_overridden(self):
        """Tokens the model labelled keep their labels; the list only fills gaps."""
        words = doc("أخنوش يترأس")
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
