"""Scoring extracted fields against hand-checked annotations (the quality gate and bench).

An annotation line (``index.jsonl`` in ../shared/data/pages) gives the title as displayed,
the publication date (YYYY-MM-DD, outlet's local time), the first and last words of the
body, and where annotated the headline count. Any extractor's output can be scored: the
checks take plain values, not an ``Article``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

FIELDS = ("title", "published", "body", "headlines")


def normalize_space(text: str | None) -> str:
    return " ".join((text or "").split())


def load_annotations(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


_EDGE_WORDS = 8


def expected_output_annotations(directory: Path) -> list[dict]:
    """Annotations in ``index.jsonl``'s form from expected-output JSON kept beside pages
    (../shared/data/pages_fr: ``<Outlet>.json`` beside ``<Outlet>_<YYYY_MM_DD>.html``).

    A JSON file may hold several versions ("V1", "V1_1"): the earlier page goes with the
    earlier version. The date is the one written in ``publishing_date`` (the outlet's
    offset); the body's first and last words are those of its first and last paragraph
    (the summary above the story is not required).
    """
    annotations = []
    for expected_file in sorted(directory.glob("*.json")):
        expected = json.loads(expected_file.read_text(encoding="utf-8"))
        pages = sorted(directory.glob(f"{expected_file.stem}_*.html"))
        for version, page in zip(sorted(expected), pages, strict=False):
            fields = expected[version]
            paragraphs = [p for s in fields["body"]["sections"] for p in s["paragraphs"]]
            annotations.append(
                {
                    "file": page.name,
                    "title": fields["title"],
                    "published": fields["publishing_date"][:10],
                    "body_first_words": " ".join(paragraphs[0].split()[:_EDGE_WORDS]),
                    "body_last_words": " ".join(paragraphs[-1].split()[-_EDGE_WORDS:]),
                    "page_url": None,
                }
            )
    return annotations


def check(
    annotation: dict,
    *,
    title: str | None,
    published: str | None,
    body: str | None,
    headline_count: int | None = None,
) -> dict[str, bool | None]:
    """Per-field verdicts for one page; None where the annotation does not judge a field."""
    body_text = normalize_space(body)
    expected_count = annotation.get("headline_count")
    return {
        "title": normalize_space(title) == normalize_space(annotation["title"]),
        "published": published == annotation["published"],
        "body": normalize_space(annotation["body_first_words"]) in body_text
        and normalize_space(annotation["body_last_words"]) in body_text,
        "headlines": None if expected_count is None else headline_count == expected_count,
    }


@dataclass
class Scores:
    pages: int = 0
    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    judged: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    misses: list[str] = field(default_factory=list)

    def add(self, name: str, verdicts: dict[str, bool | None]) -> None:
        self.pages += 1
        for key, verdict in verdicts.items():
            if verdict is None:
                continue
            self.judged[key] += 1
            self.correct[key] += int(verdict)
            if not verdict:
                self.misses.append(f"{name}: {key}")

    @property
    def total_correct(self) -> int:
        return sum(self.correct[key] for key in ("title", "published", "body"))
