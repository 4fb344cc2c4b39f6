"""Scoring an extractor on annotated cases, by the rules of the shared dates README.

A prediction hits a gold item when their character spans overlap; value credit needs the
exact gold value, so a coarser "2025" earns nothing against "2025-11-24". Predictions that
fall on an ``ignore`` substring count neither way. Used by the quality gate, the unit test
over the project's own cases, and the benchmark.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from akhbar.shared.schemas import DateMention

Extractor = Callable[[str, dt.date], list[DateMention]]


@dataclass
class Scores:
    gold: int = 0
    predicted: int = 0
    hits: int = 0  # predictions that overlap a gold item
    found: int = 0  # gold items overlapped by some prediction
    right: int = 0  # gold items overlapped by a prediction with the gold value
    negative_cases: int = 0
    false_positives: int = 0  # predictions made on negative cases
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.hits / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def value_accuracy(self) -> float:
        return self.right / self.gold if self.gold else 1.0


def load_cases(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _spans(text: str, surface: str) -> tuple[int, int]:
    start = text.find(surface)
    if start < 0:
        raise ValueError(f"surface {surface!r} is not in {text!r}")
    return start, start + len(surface)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(cases: Iterable[dict], extract: Extractor) -> Scores:
    scores = Scores()
    for case in cases:
        text, ref = case["text"], dt.date.fromisoformat(case["ref"])
        gold = [(_spans(text, g["surface"]), g["value"]) for g in case["expected"]]
        ignored = [_spans(text, s) for s in case.get("ignore", [])]
        predictions = [(p.start, p.end, p.value) for p in extract(text, ref)]
        predictions = [
            p
            for p in predictions
            if any(_overlap(p[:2], g) for g, _ in gold)
            or not any(_overlap(p[:2], i) for i in ignored)
        ]
        scores.gold += len(gold)
        scores.predicted += len(predictions)
        if not gold:
            scores.negative_cases += 1
            scores.false_positives += len(predictions)
        for p in predictions:
            if any(_overlap(p[:2], g) for g, _ in gold):
                scores.hits += 1
            else:
                scores.misses.append(f"#{case.get('id')} spurious {text[p[0] : p[1]]!r}={p[2]}")
        for span, value in gold:
            overlapping = [p for p in predictions if _overlap(p[:2], span)]
            scores.found += bool(overlapping)
            if any(p[2] == value for p in overlapping):
                scores.right += 1
            else:
                got = [f"{text[p[0] : p[1]]!r}={p[2]}" for p in overlapping] or ["nothing"]
                scores.misses.append(
                    f"#{case.get('id')} {text[span[0] : span[1]]!r} want {value}, got {got}"
                )
    return scores
