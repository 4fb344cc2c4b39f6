"""BIO tags to entity spans."""

from __future__ import annotations


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) token spans; an I- that does not continue its label starts a span."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, kind = (tag[0], tag[2:]) if len(tag) > 2 and tag[1] == "-" else ("O", None)
        if label is not None and (prefix != "I" or kind != label):
            spans.append((start, i, label))
            label = None
        if prefix == "B" or (prefix == "I" and label is None):
            start, label = i, kind
    return spans
