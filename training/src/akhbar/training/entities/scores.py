"""Entity-level scoring: exact span and label, seqeval style."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from akhbar.enrich.entities.spans import bio_spans


@dataclass
class Scores:
    """Entity-level true positives, predicted and gold counts per label."""

    tp: Counter = field(default_factory=Counter)
    pred: Counter = field(default_factory=Counter)
    gold: Counter = field(default_factory=Counter)

    def add(self, gold_tags: list[str], pred_tags: list[str]) -> None:
        self.add_spans(bio_spans(gold_tags), bio_spans(pred_tags))

    def add_spans(self, gold, pred) -> None:
        """Count (start, end, label) spans, token or character offsets alike."""
        g, p = set(gold), set(pred)
        for s in g:
            self.gold[s[2]] += 1
        for s in p:
            self.pred[s[2]] += 1
        for s in g & p:
            self.tp[s[2]] += 1

    @staticmethod
    def _prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
        p = tp / pred if pred else 0.0
        r = tp / gold if gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p * 100, r * 100, f * 100

    def micro(self) -> tuple[float, float, float]:
        return self._prf(sum(self.tp.values()), sum(self.pred.values()), sum(self.gold.values()))

    def per_label(self) -> dict[str, tuple[float, float, float]]:
        labels = sorted(set(self.gold) | set(self.pred))
        return {lab: self._prf(self.tp[lab], self.pred[lab], self.gold[lab]) for lab in labels}

    def report(self) -> dict:
        p, r, f = self.micro()
        return {
            "micro": {"precision": round(p, 2), "recall": round(r, 2), "f1": round(f, 2)},
            "labels": {
                lab: {
                    "precision": round(a, 2),
                    "recall": round(b, 2),
                    "f1": round(c, 2),
                    "support": self.gold[lab],
                }
                for lab, (a, b, c) in self.per_label().items()
            },
        }
