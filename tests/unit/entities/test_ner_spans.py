"""BIO tags to spans and entity-level scoring."""

from akhbar.enrich.entities.spans import bio_spans
from akhbar.training.entities.scores import Scores


class TestBioSpans:
    def test_spans_of_bio_tags(self):
        """B starts a span, I continues the same label, O or a new label ends it."""
        tags = ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-ORG"]
        assert bio_spans(tags) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC"), (5, 6, "ORG")]


class TestScores:
    def test_exact_span_and_label_count_as_correct(self):
        """A span with a wrong boundary or label is both a false positive and a miss."""
        s = Scores()
        s.add(["B-PER", "I-PER", "O", "B-LOC"], ["B-PER", "O", "O", "B-LOC"])
        p, r, f = s.micro()
        assert (round(p), round(r), round(f)) == (50, 50, 50)
        assert s.per_label()["LOC"] == (100.0, 100.0, 100.0)
