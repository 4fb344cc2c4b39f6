"""The third annotation of the pairs the first two annotators disagree on
(tests/data/stories/pairs_second.jsonl: ``label3``, ``reason3``): the majority rule, the blind
view, recording a label, and the committed file's consistency."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

from akhbar.training.stories.corpus import CorpusArticle
from akhbar.training.stories.evaluate import LABELS as LABEL_SETS
from akhbar.training.stories.evaluate import load_pairs
from akhbar.training.stories.second_annotation import LABELS, blind, key, load_second
from akhbar.training.stories.third_annotation import (
    disagreements,
    majority,
    majority_label,
    majority_labels,
    record,
    show,
    third_agreement,
)


def test_majority_of_three():
    assert majority(["copy", "same_event", "copy"]) == "copy"
    assert majority(["same_event", "different", "different"]) == "different"
    assert majority(["same_event", "same_event", "same_event"]) == "same_event"


def test_no_majority_takes_the_middle_of_the_scale():
    # copy > same_event > different: the median of one of each is same_event, in any order
    assert majority(["copy", "different", "same_event"]) == "same_event"
    assert majority(["different", "copy", "same_event"]) == "same_event"


def test_majority_label_needs_a_third_label_only_on_a_disagreement():
    assert majority_label("copy", {"label2": "copy"}) == "copy"
    assert majority_label("same_event", {"label2": "copy", "label3": "copy"}) == "copy"
    assert majority_label("same_event", {"label2": "different", "label3": "same_event"}) == (
        "same_event"
    )
    with pytest.raises(ValueError):
        majority_label("same_event", {"a": "x", "b": "y", "label2": "copy"})


def test_majority_labels_replace_only_reannotated_pairs():
    pairs = [
        {"a": "c:1", "b": "c:2", "label": "same_event", "split": "dev"},
        {"a": "c:3", "b": "c:4", "label": "same_event", "split": "held"},
        {"a": "c:5", "b": "c:6", "label": "different", "split": "held"},
    ]
    second = [
        {
            "n": 2,
            "a": "c:1",
            "b": "c:2",
            "label2": "copy",
            "adjudicated": "copy",
            "label3": "same_event",
        },
        {
            "n": 1,
            "a": "c:3",
            "b": "c:4",
            "label2": "different",
            "adjudicated": "different",
            "label3": "different",
        },
    ]
    out = majority_labels(pairs, second)
    assert [p["label"] for p in out] == ["same_event", "different", "different"]
    assert pairs[1]["label"] == "same_event"  # the input is not changed
    assert [s["n"] for s in disagreements(pairs, second)] == [1, 2]


def _article(ref: str, outlet: str, title: str, *body: str) -> CorpusArticle:
    return CorpusArticle(ref, outlet, dt.datetime(2013, 2, 11, 10, 5), title, body)


def test_the_view_shows_texts_only_and_refuses_a_labelled_row():
    short = _article("c:1", "okaz", "عنوان قصير", "قال الوزير إن المشروع سينتهي قريبا.")
    long = _article(
        "c:2",
        "alriyadh",
        "عنوان طويل",
        "افتتح الأمير المعرض اليوم في جدة. قال الوزير إن المشروع سينتهي قريبا جدا.",
    )
    row = {
        "n": 9,
        "a": "c:2",
        "b": "c:1",
        "a_title_sha": "x",
        "b_title_sha": "y",
        "label2": "copy",
        "reason2": "because",
        "adjudicated": "copy",
        "adjudication": "so",
    }
    out = io.StringIO()
    show([(9, blind(row))], {"c:1": short, "c:2": long}, out=out)
    text = out.getvalue()
    assert text.startswith("=== #9\n")
    assert "copy" not in text and "because" not in text and "[" not in text  # no ratio aid
    assert text.index("okaz") < text.index("alriyadh")  # the shorter first
    assert "S0 قال الوزير" in text and "L1 قال الوزير" in text
    with pytest.raises(AssertionError):
        show([(9, row)], {"c:1": short, "c:2": long}, out=io.StringIO())


def test_record_keeps_every_field_and_the_format(tmp_path):
    rows = [
        {"n": 1, "a": "c:1", "b": "c:2", "label2": "copy", "reason2": "r"},
        {
            "n": 2,
            "a": "c:3",
            "b": "c:4",
            "label2": "different",
            "reason2": "s",
            "adjudicated": "different",
            "adjudication": "t",
        },
    ]
    path = tmp_path / "pairs_second.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    record(2, "same_event", " one reason ", data=tmp_path)
    out = [json.loads(line) for line in path.read_text().splitlines()]
    assert out[0] == rows[0]
    assert out[1] == {**rows[1], "label3": "same_event", "reason3": "one reason"}
    with pytest.raises(ValueError):
        record(2, "maybe", "x", data=tmp_path)
    with pytest.raises(ValueError):
        record(3, "copy", "x", data=tmp_path)
    with pytest.raises(ValueError):
        record(1, "copy", "two\nlines", data=tmp_path)


def test_committed_third_labels_cover_exactly_the_disagreements():
    pairs = load_pairs()
    second = load_second()
    first = {key(p): p["label"] for p in pairs}
    for s in second:
        if s["label2"] != first[key(s)]:
            assert s["label3"] in LABELS and s["reason3"], s["n"]
        else:
            assert "label3" not in s and "reason3" not in s, s["n"]
    r = third_agreement(pairs, second)
    assert r["n"] == len(disagreements(pairs, second)) == 32
    assert "majority" in LABEL_SETS
    majority_pairs = load_pairs(labels="majority")
    assert [key(p) for p in majority_pairs] == [key(p) for p in pairs]
    assert {p["label"] for p in majority_pairs} <= set(LABELS)
    # the majority agrees with the agreed labels everywhere both annotators agreed
    adjudicated = {key(p): p["label"] for p in load_pairs(labels="adjudicated")}
    by_key = {key(s): s for s in second}
    for p in majority_pairs:
        s = by_key.get(key(p))
        if s is None or s["label2"] == first[key(p)]:
            assert p["label"] == adjudicated[key(p)]
