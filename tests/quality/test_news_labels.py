"""The project's labelled news (``news_labels``): the committed references still name the
annotated corpus texts, and none of them is (a near-duplicate of) a text of the headline
evaluation set, which would leak it into training."""

from __future__ import annotations

from collections import Counter

import pytest

from akhbar.training.entities import news_labels
from akhbar.training.entities.corpora import HEADLINES, read_span_set
from tests.conftest import require_shared_data

pytestmark = pytest.mark.quality


@pytest.fixture(scope="module")
def cases():
    corpus = require_shared_data("corpus", f"{news_labels.CORPUS}.jsonl.gz")
    return news_labels.load_cases(news_labels.LABELS_FILE, corpus)


def test_every_reference_rebuilds_its_annotated_text(cases):
    """Each row's article, cut again, has the text its digest names; its names are in it."""
    kinds = Counter(case["kind"] for case in cases)
    assert kinds == {
        kind: sum(r[kind] for r in news_labels.ROUNDS) for kind in ("headline", "lead")
    }
    for case in cases:
        for entity in case["entities"]:
            assert case["text"][entity["start"] : entity["end"]] == entity["text"]


def test_no_labelled_text_is_near_an_evaluation_text(cases):
    evaluation = news_labels.NearDuplicates()
    for path in HEADLINES.glob("*.jsonl"):
        for record in read_span_set(path):
            evaluation.add(record["text"])
    leaked = [case["id"] for case in cases if evaluation.seen(case["text"])]
    assert leaked == []


def test_the_labels_hold_every_kind_of_name(cases):
    labels = Counter(e["label"] for case in cases for e in case["entities"])
    assert set(labels) == {"PER", "ORG", "LOC", "MISC"}
    assert min(labels.values()) >= 500
