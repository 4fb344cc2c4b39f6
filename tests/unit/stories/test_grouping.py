"""The story grouping core: copies, same-event reports and new stories, without a database."""

from __future__ import annotations

import datetime as dt

from akhbar.store.stories import Doc, MemoryIndex, Params, assign, decide, features, story_id_for
from akhbar.store.stories.grouping import copy_level
from akhbar.store.stories.text import jaccard, lead_found, sentence_containment, shingles

T0 = dt.datetime(2015, 7, 22, 9, 0)
AGENCY = (
    "استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز في قصر السلام بجدة اليوم وزير الدفاع "
    "الأمريكي اشتون كارتر والوفد المرافق له. ونقل كارتر لخادم الحرمين الشريفين تحيات الرئيس "
    "باراك أوباما. وجرى خلال الاستقبال استعراض العلاقات الثنائية بين البلدين ومستجدات الأوضاع "
    "في المنطقة والجهود المبذولة تجاهها."
)
OTHER_WORDS = (
    "بحث الملك سلمان مع وزير الدفاع الأمريكي كارتر في جدة العلاقات بين الرياض وواشنطن، "
    "فيما أكد كارتر حرص بلاده على استقرار المنطقة بعد الاتفاق النووي مع إيران."
)
UNRELATED = (
    "سجلت أسواق الأسهم الأوروبية تراجعا ملحوظا في ختام تعاملات الأربعاء متأثرة بنتائج شركات "
    "التقنية وتراجع أسعار المعادن في الأسواق العالمية."
)
ENTITIES = frozenset({"PER:الملك سلمان", "PER:اشتون كارتر", "LOC:جده"})


def doc(i: str, title: str, body: str, hours: float = 0, entities=frozenset()) -> Doc:
    return Doc(id=i, published=T0 + dt.timedelta(hours=hours), title=title, body=(body,),
               entities=entities)


class TestShingles:
    def test_identical_texts_have_jaccard_one(self):
        """Two copies of one body share every word triple."""
        a, b = shingles("", [AGENCY]), shingles("", [AGENCY])
        assert jaccard(a.unique, b.unique) == 1.0

    def test_truncated_copy_keeps_its_sentences(self):
        """A repost cut after two sentences has a low Jaccard but all its sentences found."""
        full = shingles("", [AGENCY])
        cut = shingles("", [AGENCY.split(". ")[0] + ". " + AGENCY.split(". ")[1] + "."])
        assert jaccard(full.unique, cut.unique) < 0.8
        assert sentence_containment(full, cut) == 1.0

    def test_rewritten_text_shares_no_sentence(self):
        """The same event in other words is not a copy."""
        assert sentence_containment(shingles("", [AGENCY]), shingles("", [OTHER_WORDS])) < 0.5


    def test_a_copy_keeps_a_lead_and_a_rewrite_does_not(self):
        """lead_found: a repost with a dateline keeps the agency's first sentence; a report in
        other words keeps little of it."""
        assert lead_found(shingles("", [AGENCY]), shingles("", ["واس - جدة: " + AGENCY])) == 1.0
        assert lead_found(shingles("", [AGENCY]), shingles("", [OTHER_WORDS])) < 0.3


class TestCopyLevel:
    def test_a_text_too_short_to_count_sentences_is_judged_by_jaccard_alone(self):
        """One short sentence found in a long article is not a copy of it: the sentence test
        needs at least copy_min_triples word triples in the shorter text."""
        p = Params()
        assert copy_level(0.01, 1.0, 1.0, p.copy_min_triples - 1, p) == 0.0
        assert copy_level(0.01, 1.0, 1.0, p.copy_min_triples, p) == 1.0
        assert copy_level(0.5, 0.0, 1.0, 1, p) == 1.5  # a near-duplicate ranks before

    def test_the_lead_condition_applies_only_when_set(self):
        on = Params(copy_lead=0.3)
        assert copy_level(0.9, 1.0, 0.2, 100, on) == 0.0
        assert copy_level(0.9, 1.0, 0.2, 100, Params()) == 1.9


class TestAssign:
    def test_first_article_founds_a_story_named_after_it(self):
        """With nothing grouped before, an article is the first of its own story."""
        index = MemoryIndex()
        a = assign(features(doc("a", "الملك يستقبل كارتر", AGENCY)), index)
        assert (a.story_id, a.relation) == (story_id_for("a"), "first")

    def test_copy_joins_the_story_of_its_source(self):
        """An outlet's repost of agency copy is a copy in the agency article's story."""
        index = MemoryIndex()
        first = assign(features(doc("a", "الملك يستقبل كارتر", AGENCY)), index)
        copy = assign(features(doc("b", "خادم الحرمين يستقبل وزير الدفاع", "واس: " + AGENCY, 2)), index)
        assert copy.relation == "copy" and copy.story_id == first.story_id and copy.match_id == "a"

    def test_same_event_in_other_words_joins_as_same_event(self):
        """Another outlet's own report of the meeting is coverage, not a copy."""
        index = MemoryIndex()
        first = assign(features(doc("a", "الملك سلمان يستقبل وزير الدفاع الأمريكي كارتر", AGENCY,
                                    entities=ENTITIES)), index)
        other = assign(features(doc("b", "الملك سلمان وكارتر يبحثان العلاقات في جدة", OTHER_WORDS, 3,
                                    entities=ENTITIES)), index)
        assert other.relation == "same_event" and other.story_id == first.story_id

    def test_unrelated_article_founds_its_own_story(self):
        index = MemoryIndex()
        assign(features(doc("a", "الملك يستقبل كارتر", AGENCY)), index)
        other = assign(features(doc("b", "الأسهم الأوروبية تتراجع", UNRELATED, 1)), index)
        assert other.relation == "first" and other.story_id == story_id_for("b")

    def test_pushing_an_article_again_keeps_its_story(self):
        """Grouping is idempotent: the second assignment returns the first one's story."""
        index = MemoryIndex()
        assign(features(doc("a", "الملك يستقبل كارتر", AGENCY)), index)
        b1 = assign(features(doc("b", "نسخة", "واس: " + AGENCY, 1)), index)
        b2 = assign(features(doc("b", "نسخة", "واس: " + AGENCY, 1)), index)
        assert (b1.story_id, b1.relation) == (b2.story_id, b2.relation)
        assert len(index.items) == 2

    def test_late_article_joins_the_story_it_belongs_to(self):
        """An article published before what is already grouped still finds its story."""
        index = MemoryIndex()
        first = assign(features(doc("a", "الملك يستقبل كارتر", AGENCY, 30)), index)
        late = assign(features(doc("b", "نسخة متأخرة", AGENCY, 0)), index)
        assert late.story_id == first.story_id

    def test_decide_does_not_change_the_index(self):
        index = MemoryIndex()
        decide(features(doc("a", "الملك يستقبل كارتر", AGENCY)), index, Params())
        assert index.items == {}


class TestMemoryIndex:
    def test_memory_stays_bounded_by_the_horizon(self):
        """Articles older than the horizon before the newest are forgotten."""
        index = MemoryIndex(horizon=dt.timedelta(days=1))
        for day in range(10):
            assign(features(doc(f"x{day}", f"خبر {day}", UNRELATED + f" رقم {day}", 24 * day)), index)
        assert len(index.items) <= 2


def test_membership_by_binary_search_agrees_with_numpy_isin_and_intersection():
    """``in_sorted`` and ``jaccard`` (binary search in a sorted set) answer exactly as
    ``np.isin`` and ``np.intersect1d`` do, empty arrays and edges of the range included."""
    import numpy as np

    from akhbar.store.stories.text import in_sorted, jaccard

    rng = np.random.default_rng(17)
    for _ in range(300):
        a = np.unique(rng.integers(0, 200, rng.integers(0, 40)).astype(np.uint32))
        b = np.unique(rng.integers(0, 200, rng.integers(0, 40)).astype(np.uint32))
        x = rng.integers(0, 210, rng.integers(0, 40)).astype(np.uint32)
        assert (in_sorted(x, b) == np.isin(x, b)).all()
        common = len(np.intersect1d(a, b, assume_unique=True))
        expected = common / (len(a) + len(b) - common) if len(a) and len(b) else 0.0
        assert jaccard(a, b) == expected
    assert not in_sorted(np.array([5], dtype=np.uint32), np.array([], dtype=np.uint32)).any()


class TestEventScore:
    def test_a_name_counts_as_shared_whatever_label_each_article_gave_it(self):
        """The same canonical name under two labels (a headline model's MISC station, a body
        model's PER) is evidence of one entity; another name is not."""
        from akhbar.store.stories.grouping import event_score

        params = Params()
        a = features(doc("a", "قطع مترو الأنفاق في محطة السادات", UNRELATED,
                         entities=frozenset({"MISC:السادات"})))
        same = features(doc("b", "تحطيم عربات مترو بعد إيقافه", OTHER_WORDS,
                            entities=frozenset({"PER:السادات"})))
        other = features(doc("c", "تحطيم عربات مترو بعد إيقافه", OTHER_WORDS,
                             entities=frozenset({"PER:حلوان"})))
        bonus = event_score(a, same, params) - event_score(a, other, params)
        # one name each: the share is counted over at least two names (see below)
        assert abs(bonus - params.entity_weight / 2) < 1e-9

    def test_one_shared_name_between_articles_naming_one_thing_is_half_the_evidence(self):
        """The entity share is over the smaller article's names, but never fewer than two: an
        article that names one place shares all its names with any other report from there.
        Two names each, both shared, earn the whole weight."""
        from akhbar.store.stories.grouping import event_score

        params = Params()
        base = features(doc("a", "مظاهرة في ميدان التحرير", UNRELATED, entities=frozenset()))
        one = features(doc("b", "مظاهرة في ميدان التحرير", UNRELATED, entities=frozenset({"LOC:التحرير"})))
        one_too = features(doc("c", "تحطيم عربات مترو بعد إيقافه", OTHER_WORDS,
                               entities=frozenset({"LOC:التحرير"})))
        two = features(doc("d", "مظاهرة في ميدان التحرير", UNRELATED,
                           entities=frozenset({"LOC:التحرير", "ORG:الإخوان"})))
        two_too = features(doc("e", "تحطيم عربات مترو بعد إيقافه", OTHER_WORDS,
                               entities=frozenset({"LOC:التحرير", "ORG:الإخوان"})))
        plain = event_score(base, one_too, params)  # no entities on one side: no share
        assert abs(event_score(one, one_too, params) - plain - params.entity_weight / 2) < 1e-9
        assert abs(event_score(two, two_too, params) - plain - params.entity_weight) < 1e-9
