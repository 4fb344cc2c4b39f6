"""The fifth round's cross-validation of copy rules: its measures and how a member is picked."""

from __future__ import annotations

import numpy as np

from akhbar.store.stories.text import shingles
from akhbar.training.stories.copy_cv import containment, cross_validate, longest_run, pick

SOURCE = (
    "استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز في قصر السلام بجدة اليوم وزير الدفاع "
    "الأمريكي اشتون كارتر والوفد المرافق له. ونقل كارتر لخادم الحرمين الشريفين تحيات الرئيس "
    "باراك أوباما."
)
UNRELATED = (
    "سجلت أسواق الأسهم الأوروبية تراجعا ملحوظا في ختام تعاملات الأربعاء متأثرة بنتائج شركات "
    "التقنية وتراجع أسعار المعادن في الأسواق العالمية وسط مخاوف المستثمرين من تباطؤ النمو."
)
INSERT = "وجرى خلال الاستقبال استعراض العلاقات الثنائية بين البلدين ومستجدات الأوضاع في المنطقة."


class TestMeasures:
    def test_a_text_inside_another_is_fully_contained_in_one_run(self):
        """The shorter text kept word for word in a longer one: containment 1 and a run of
        all its triples."""
        short = shingles("", [SOURCE])
        long = shingles("", [INSERT + " " + SOURCE + " " + INSERT])
        assert containment(short, long) == 1.0
        assert containment(long, short) == 1.0  # measured on the shorter, either order
        run, share = longest_run(short, long)
        assert share == 1.0 and run == len(short.ordered)

    def test_a_sentence_the_other_lacks_cuts_the_run(self):
        """A sentence of the shorter text missing from the longer breaks the run in two."""
        first, second = SOURCE.split(". ", 1)
        short = shingles("", [first + ". " + INSERT + " " + second])
        long = shingles("", [first + ". " + second + " " + UNRELATED])
        run, share = longest_run(short, long)
        assert 0 < share < 1.0
        assert run == max(len(shingles("", [first + "."]).ordered), len(shingles("", [second]).ordered))
        assert 0 < containment(short, long) < 1.0

    def test_unrelated_texts_share_nothing(self):
        a, b = shingles("", [SOURCE]), shingles("", ["سجلت أسواق الأسهم الأوروبية تراجعا ملحوظا اليوم"])
        assert containment(a, b) == 0.0 and longest_run(a, b) == (0, 0.0)


class TestPick:
    GOLD = np.array([True, True, True, True, False, False, False, False])
    # member 0 calls everything; member 1 finds 3 of 4 copies and no other pair; member 2
    # finds all 4 copies and one other pair
    PRED = np.array([
        [True] * 8,
        [True, True, True, False, False, False, False, False],
        [True, True, True, True, True, False, False, False],
    ])

    def test_precision_at_recall_095_needs_the_recall(self):
        """p@r95 takes the best precision among members with recall >= 0.95."""
        rows = np.arange(8)
        assert pick(self.PRED, self.GOLD, rows, "p@r95") == 2
        assert pick(self.PRED, self.GOLD, rows, "f0.5") == 1

    def test_cross_validation_counts_every_pair_once_per_shuffle(self):
        p, r, tp, fp, fn = cross_validate(self.PRED, self.GOLD, "f1", folds=4, repeats=3)
        assert tp + fn == 3 * int(self.GOLD.sum())
        assert 0 < p <= 1 and 0 < r <= 1
