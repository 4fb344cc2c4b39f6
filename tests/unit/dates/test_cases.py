"""The project's own annotated sentences (tests/data/dates/cases.jsonl), one test each.

Each case states, in the format of the shared dev cases, every date expression a reader
sees in a sentence written the way Moroccan, Algerian, Tunisian, Levantine, Egyptian or
Gulf papers write, or none for a negative. A case passes when every gold item is
overlapped by a prediction with exactly its value and every prediction overlaps a gold
item or an ``ignore`` substring.
"""

from __future__ import annotations

import pytest

from akhbar.enrich.dates import find_dates
from akhbar.training.dates.scoring import load_cases, score
from tests.conftest import TEST_DATA

CASES = load_cases(TEST_DATA / "dates" / "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[f"{c['id']}-{'-'.join(c['tags'])}" for c in CASES])
def test_case_resolves_exactly_its_gold_items(case):
    """Every gold item gets its exact value and nothing else is predicted."""
    scores = score([case], find_dates)
    assert scores.right == scores.gold and scores.hits == scores.predicted, scores.misses


def test_cases_cover_every_rule_and_region():
    """The own cases include negatives and every kind of expression the extractor handles."""
    tags = {t for c in CASES for t in c["tags"]}
    kinds = {g["kind"] for c in CASES for g in c["expected"]}
    assert {"negative", "range", "time", "year", "hijri", "relative", "numeric",
            "double-form", "ordinal-words", "maghreb", "algeria", "tunisia", "levant",
            "egypt-gulf", "indic-digits", "persian-digits", "diacritics"} <= tags
    assert kinds == {"date", "range", "year", "month", "relative", "weekday", "time"}
