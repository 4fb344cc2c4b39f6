"""The second annotation of the copy/same-event boundary (tests/data/stories/pairs_second.jsonl):
agreement arithmetic on hand-made fixtures with known kappa, the adjudicated labels, and the
committed file's consistency with pairs.jsonl."""

from __future__ import annotations

import pytest

from akhbar.training.stories.evaluate import load_pairs
from akhbar.training.stories.second_annotation import (
    LABELS,
    adjudicated_labels,
    agreement,
    blind,
    cohen_kappa,
    confusion,
    final_label,
    key,
    load_second,
    order,
)


def test_kappa_of_a_two_class_table():
    # observed 35/50 = 0.7; chance 25/50*30/50 + 25/50*20/50 = 0.5; kappa (0.7-0.5)/0.5
    assert cohen_kappa([[20, 5], [10, 15]]) == pytest.approx(0.4)


def test_kappa_of_a_three_class_table():
    # n=100, observed 0.65; row totals 40/30/30, column totals 40/35/25:
    # chance .4*.4 + .3*.35 + .3*.25 = 0.34; kappa (0.65-0.34)/0.66
    matrix = [[30, 5, 5], [5, 20, 5], [5, 10, 15]]
    assert cohen_kappa(matrix) == pytest.approx(0.31 / 0.66)


def test_kappa_is_one_for_perfect_and_zero_for_chance_agreement():
    assert cohen_kappa([[10, 0, 0], [0, 5, 0], [0, 0, 3]]) == pytest.approx(1.0)
    # independent annotators: every cell is the product of its margins
    assert cohen_kappa([[4, 4], [6, 6]]) == pytest.approx(0.0)
    # one label only, all agreed: chance agreement is already 1
    assert cohen_kappa([[7, 0], [0, 0]]) == 1.0


def test_agreement_from_label_lists():
    first = ["copy", "copy", "same_event", "same_event", "same_event", "different"]
    second = ["copy", "same_event", "copy", "same_event", "different", "different"]
    r = agreement(first, second)
    assert r["confusion"] == [[1, 1, 0], [1, 1, 1], [0, 0, 1]]
    assert r["agree"] == pytest.approx(3 / 6)
    # chance: 2/6*2/6 + 3/6*2/6 + 1/6*2/6 = 1/3; kappa (1/2-1/3)/(2/3) = 1/4
    assert r["kappa3"] == pytest.approx(0.25)
    # copy vs not: [[1, 1], [1, 3]]: observed 4/6, chance 2/6*2/6 + 4/6*4/6 = 5/9
    assert r["kappa_copy"] == pytest.approx((4 / 6 - 5 / 9) / (1 - 5 / 9))
    assert r["copy_precision_2v1"] == pytest.approx(0.5)
    assert r["copy_recall_2v1"] == pytest.approx(0.5)


def test_confusion_rows_are_the_first_annotator():
    assert confusion(["copy"], ["different"]) == [[0, 0, 1], [0, 0, 0], [0, 0, 0]]
    assert LABELS == ("copy", "same_event", "different")


def test_final_label_is_the_agreed_or_the_adjudicated_one():
    assert final_label("copy", {"a": "x", "b": "y", "label2": "copy"}) == "copy"
    assert final_label("same_event", {"label2": "copy", "adjudicated": "same_event"}) == "same_event"
    with pytest.raises(ValueError):
        final_label("same_event", {"a": "x", "b": "y", "label2": "copy"})


def test_adjudicated_labels_replace_only_reannotated_pairs():
    pairs = [
        {"a": "c:1", "b": "c:2", "label": "same_event", "split": "dev"},
        {"a": "c:3", "b": "c:4", "label": "different", "split": "held"},
    ]
    second = [{"a": "c:1", "b": "c:2", "label2": "copy", "adjudicated": "copy"}]
    out = adjudicated_labels(pairs, second)
    assert [p["label"] for p in out] == ["copy", "different"]
    assert pairs[0]["label"] == "same_event"  # the input is not changed


def test_order_is_seeded_and_chooses_by_first_label_only():
    pairs = load_pairs()
    chosen = order(pairs)
    assert chosen == order(pairs)
    assert {p["label"] for p in chosen} == {"copy", "same_event"}
    assert len(chosen) == sum(p["label"] in ("copy", "same_event") for p in pairs)
    assert set(blind(chosen[0])) == {"a", "b", "a_title_sha", "b_title_sha"}


def test_committed_second_labels_match_the_pairs_and_are_adjudicated():
    pairs = {key(p): p for p in load_pairs()}
    second = load_second()
    chosen = order(list(pairs.values()))
    assert second, "tests/data/stories/pairs_second.jsonl is missing"
    for s in second:
        p = pairs[key(s)]  # a labelled pair, named by the same references
        assert (s["a_title_sha"], s["b_title_sha"]) == (p["a_title_sha"], p["b_title_sha"])
        assert key(chosen[s["n"] - 1]) == key(s)  # its place in the seeded order
        assert s["label2"] in LABELS and s["reason2"]
        assert "label" not in s and "split" not in s
        if s["label2"] != p["label"]:
            assert s["adjudicated"] in (p["label"], s["label2"]) and s["adjudication"]
        else:
            assert "adjudicated" not in s
    adjudicated = load_pairs(labels="adjudicated")
    assert len(adjudicated) == len(pairs)
    assert {p["label"] for p in adjudicated} <= set(LABELS)


def _article(ref: str, outlet: str, title: str, *body: str):
    import datetime as dt

    from akhbar.training.stories.corpus import CorpusArticle

    return CorpusArticle(ref, outlet, dt.datetime(2015, 7, 22, 10, 5), title, body)


def test_the_reading_views_are_blind_and_align_the_shorter_to_the_longer():
    import io

    from akhbar.training.stories.second_annotation import best_matches, show, show_brief

    short = _article("c:1", "okaz", "عنوان قصير", "قال الوزير إن المشروع سينتهي قريبا.")
    long = _article(
        "c:2", "alriyadh", "عنوان طويل",
        "افتتح الأمير المعرض اليوم في جدة. قال الوزير إن المشروع سينتهي قريبا جدا.",
    )
    row = {"a": "c:2", "b": "c:1", "a_title_sha": "x", "b_title_sha": "y",
           "label": "same_event", "split": "held"}
    for view in (show, show_brief):
        out = io.StringIO()
        view([(7, blind(row))], {"c:1": short, "c:2": long}, out=out)
        text = out.getvalue()
        assert "#7" in text and "okaz" in text and "alriyadh" in text
        assert "same_event" not in text and "held" not in text
        # the shorter article is shown first, whichever side of the pair it is on
        assert text.index("okaz") < text.index("alriyadh")
    (ratio, j), = best_matches(["قال الوزير إن المشروع سينتهي قريبا."],
                               ["افتتح الأمير المعرض اليوم في جدة.",
                                "قال الوزير إن المشروع سينتهي قريبا جدا."])
    assert j == 1 and 0.9 < ratio < 1.0
