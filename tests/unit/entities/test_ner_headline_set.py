"""The project's annotated headline set is well formed (tests/data/entities/headlines)."""

import pytest

from akhbar.training.entities.corpora import HEADLINES, read_span_set

LABELS = {"PER", "ORG", "LOC", "MISC"}
SPLITS = ["dev.jsonl", "test.jsonl"]


@pytest.mark.parametrize("split", SPLITS)
class TestHeadlineSetFiles:
    def test_every_span_is_the_text_it_claims(self, split):
        """Offsets are characters into the text: text[start:end] is the entity as annotated."""
        for case in read_span_set(HEADLINES / split):
            for e in case["entities"]:
                assert case["text"][e["start"] : e["end"]] == e["text"], case["id"]
                assert e["label"] in LABELS, case["id"]

    def test_spans_do_not_overlap(self, split):
        """No nested or crossing names: each text's spans are disjoint."""
        for case in read_span_set(HEADLINES / split):
            spans = sorted((e["start"], e["end"]) for e in case["entities"])
            assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False)), case["id"]

    def test_every_text_names_its_source_and_kind(self, split):
        """Each sentence carries where it came from (the corpus rules) and what it is."""
        for case in read_span_set(HEADLINES / split):
            assert case["source"] and case["outlet"], case["id"]
            assert case["kind"] in {"headline", "lead"}, case["id"]


def test_dev_and_test_share_no_text():
    """The scored split holds no sentence of the split used for error analysis."""
    dev = {c["text"] for c in read_span_set(HEADLINES / "dev.jsonl")}
    test = {c["text"] for c in read_span_set(HEADLINES / "test.jsonl")}
    assert not dev & test
