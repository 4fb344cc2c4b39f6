"""Quality gate for the date extractor on the shared annotated dev cases.

Floors live in floors/dates.json and only ever rise: raise them when the extractor
improves, never lower them to make a change pass.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from akhbar.enrich.dates import find_dates
from akhbar.training.dates.scoring import load_cases, score
from tests.conftest import require_shared_data

FLOORS = json.loads((Path(__file__).parent / "floors" / "dates.json").read_text())

pytestmark = pytest.mark.quality


@pytest.fixture(scope="module")
def dev_scores():
    cases = load_cases(require_shared_data("dates", "dev_cases.jsonl"))
    return score(cases, find_dates)


class TestDatesGate:
    def test_value_accuracy_meets_floor(self, dev_scores):
        """Gold items resolved to exactly the gold value reach the pinned floor."""
        assert dev_scores.value_accuracy >= FLOORS["value_accuracy"], dev_scores.misses

    def test_precision_meets_floor(self, dev_scores):
        """Predictions that overlap a gold item reach the pinned floor."""
        assert dev_scores.precision >= FLOORS["precision"], dev_scores.misses

    def test_recall_meets_floor(self, dev_scores):
        """Gold items found at all (any value) reach the pinned floor."""
        assert dev_scores.recall >= FLOORS["recall"], dev_scores.misses

    def test_no_date_in_negative_sentences(self, dev_scores):
        """Amounts, counts, scores, names and verbs shaped like months yield nothing."""
        assert dev_scores.negative_cases > 0
        assert dev_scores.false_positives <= FLOORS["negative_false_positives"], (
            dev_scores.misses)
