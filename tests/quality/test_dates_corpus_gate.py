"""Quality gate for the date extractor on the project's corpus sentences (issue #15).

tests/data/dates/corpus_dev.jsonl and corpus_test.jsonl are real news sentences sampled with
a fixed seed from ../shared/data/corpus (egypt-2013, saudi-2015) and annotated by hand before
the extractor was run on them (tests/data/dates/CORPUS.md). The test split is only scored,
never tuned on. Floors live in floors/dates_corpus.json and only ever rise.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from akhbar.enrich.dates import find_dates
from akhbar.training.dates.scoring import load_cases, score
from tests.conftest import TEST_DATA

FLOORS = json.loads((Path(__file__).parent / "floors" / "dates_corpus.json").read_text())
SPLITS = ("corpus_dev", "corpus_test")

pytestmark = pytest.mark.quality


def _cases(split: str) -> list[dict]:
    path = TEST_DATA / "dates" / f"{split}.jsonl"
    if not path.exists():  # committed with the repo; only a partial checkout lacks it
        pytest.skip(f"annotated corpus sentences not found at {path}")
    return load_cases(path)


@pytest.fixture(scope="module", params=SPLITS)
def split_scores(request):
    return request.param, score(_cases(request.param), find_dates)


class TestDatesCorpusGate:
    def test_value_accuracy_meets_floor(self, split_scores):
        """Gold items resolved to exactly the gold value reach the split's pinned floor."""
        split, scores = split_scores
        assert scores.value_accuracy >= FLOORS[split]["value_accuracy"], scores.misses

    def test_precision_meets_floor(self, split_scores):
        """Predictions that overlap a gold item reach the split's pinned floor."""
        split, scores = split_scores
        assert scores.precision >= FLOORS[split]["precision"], scores.misses

    def test_recall_meets_floor(self, split_scores):
        """Gold items found at all (any value) reach the split's pinned floor."""
        split, scores = split_scores
        assert scores.recall >= FLOORS[split]["recall"], scores.misses

    def test_false_dates_in_negative_sentences_within_ceiling(self, split_scores):
        """Sentences with no date (outlets named "today", "الأمين العام", names, counts)
        yield no more predictions than the pinned ceiling (the target is 0)."""
        split, scores = split_scores
        assert scores.negative_cases > 0
        assert scores.false_positives <= FLOORS[split]["negative_false_positives"], scores.misses
