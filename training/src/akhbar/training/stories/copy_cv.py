"""Cross-validation of copy rules on the dev pairs only (issue #17, fifth round): which copy
rule, with its thresholds re-tuned on 4/5 of dev and counted on the fifth, does best at the
issue's operating point (precision >= 0.97 with recall >= 0.95)?

    python -m akhbar.training.stories.copy_cv [--labels first|adjudicated]

Only the dev pairs are read: the held pairs are dropped before any article is looked up, so
nothing here can look at held. Each variant is a family of copy rules (a grid of thresholds);
each tuning objective picks one member of the family on the training folds:

- ``f1``: best copy F1, ties to the higher precision (what ``evaluate.tune_copies`` does);
- ``p@r95``: best precision among the members with recall >= 0.95 on the training folds, ties
  to the higher recall (best F1 when none reaches 0.95);
- ``f0.5``: best F-beta with beta 0.5 (precision weighted over recall).

The same machinery as ``evaluate.cross_validate``: 5 folds x 4 seeded shuffles, pooled. A
member is chosen deterministically (the first best in grid order), so tuning on all of dev
gives the thresholds that would ship.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import random
from collections import Counter

import numpy as np

from akhbar.store.stories.grouping import Params, copy_level, features
from akhbar.store.stories.text import (
    Idf,
    Shingles,
    in_sorted,
    jaccard,
    lead_found,
    sentence_containment,
)
from akhbar.training.stories.corpus import read
from akhbar.training.stories.evaluate import LABELS, enriched_docs, load_pairs


def containment(a: Shingles, b: Shingles) -> float:
    """Shared word triples over the shorter text's."""
    small, large = (a, b) if len(a.unique) <= len(b.unique) else (b, a)
    if len(small.unique) == 0:
        return 0.0
    return float(np.count_nonzero(in_sorted(small.unique, large.unique)) / len(small.unique))


def longest_run(a: Shingles, b: Shingles) -> tuple[int, float]:
    """The longest stretch of the shorter text's triples, in reading order, all found in the
    longer: its length in triples and its share of the shorter."""
    small, large = (a, b) if len(a.unique) <= len(b.unique) else (b, a)
    if len(small.ordered) == 0:
        return 0, 0.0
    present = in_sorted(small.ordered, large.unique)
    best = run = 0
    for hit in present:
        run = run + 1 if hit else 0
        best = max(best, run)
    return best, best / len(small.ordered)


@dataclasses.dataclass(frozen=True)
class Measures:
    label: str
    jaccard: float
    sentences: float
    lead: float
    smaller: int
    containment: float
    run: int
    run_share: float


def dev_measures(labels: str) -> list[Measures]:
    pairs = [p for p in load_pairs(labels=labels) if p["split"] == "dev"]
    refs = {p["a"] for p in pairs} | {p["b"] for p in pairs}
    corpora = sorted({r.split(":")[0] for r in refs})
    docs = enriched_docs([a for c in corpora for a in read(c) if a.ref in refs])
    idf = Idf.shipped()
    sh = {ref: features(doc, idf).shingles for ref, doc in docs.items()}
    out = []
    for p in pairs:
        a, b = sh[p["a"]], sh[p["b"]]
        run, share = longest_run(a, b)
        out.append(Measures(
            p["label"], jaccard(a.unique, b.unique), sentence_containment(a, b),
            lead_found(a, b), min(len(a.unique), len(b.unique)), containment(a, b), run, share,
        ))
    return out


# The shipped rule's grid: Jaccard threshold, sentence share (1.01: sentence test off), and
# the fewest triples of the shorter text for the sentence test.
JACCARDS = [round(0.2 + 0.05 * i, 2) for i in range(15)]  # 0.20 .. 0.90
SENTENCES = [round(0.5 + 0.05 * i, 2) for i in range(11)] + [1.01]  # 0.50 .. 1.00, off
MIN_TRIPLES = (0, 5, 10, 15, 20, 30, 40, 60)
LEADS = (0.0, 0.1, 0.2, 0.3, 0.35, 0.4, 0.5)
CONTAINMENTS = [round(0.4 + 0.05 * i, 2) for i in range(12)]  # 0.40 .. 0.95
RUNS = (0, 5, 10, 15, 20, 25, 30, 40, 50)
RUN_SHARES = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5)


def shipped(m: Measures, cj: float, cs: float, mt: int) -> bool:
    params = Params(copy_jaccard=cj, copy_sentences=cs, copy_min_triples=mt)
    return copy_level(m.jaccard, m.sentences, m.lead, m.smaller, params) > 0


def variants(ms: list[Measures]) -> dict[str, tuple[list[tuple], np.ndarray]]:
    """Each variant: its members' thresholds and their calls on the pairs (members x pairs).
    The shipped rule is ``copy_level`` itself; the extra conditions are "and" filters on it
    (``copy_level``'s own lead condition is such a filter)."""
    base_keys = list(itertools.product(JACCARDS, SENTENCES, MIN_TRIPLES))
    base = np.array([[shipped(m, *k) for m in ms] for k in base_keys], dtype=bool)
    at = {k: i for i, k in enumerate(base_keys)}
    mt10 = [at[(cj, cs, 10)] for cj, cs in itertools.product(JACCARDS, SENTENCES)]
    only_j = [at[(cj, 0.7, 10)] for cj in JACCARDS]
    only_mt = [at[(0.3, 0.7, mt)] for mt in MIN_TRIPLES]
    j_mt = [at[(cj, 0.7, mt)] for cj, mt in itertools.product(JACCARDS, MIN_TRIPLES)]

    def anded(values: np.ndarray, thresholds) -> tuple[list[tuple], np.ndarray]:
        keys = [(*k, t) for k in base_keys for t in thresholds]
        pred = (base[:, None, :] & (values[None, None, :] >= np.array(thresholds)[None, :, None]))
        return keys, pred.reshape(-1, len(ms))

    col = lambda f: np.array([getattr(m, f) for m in ms], dtype=float)  # noqa: E731
    return {
        "shipped rule, fixed (0.30 / 0.70 / 10)": ([(0.3, 0.7, 10)], base[[at[(0.3, 0.7, 10)]]]),
        "shipped rule, Jaccard tuned only (0.70 / 10)": ([base_keys[i] for i in only_j], base[only_j]),
        "shipped rule, min triples tuned only (0.30 / 0.70)": (
            [base_keys[i] for i in only_mt], base[only_mt]),
        "shipped rule, Jaccard + min triples tuned (sentences 0.70)": (
            [base_keys[i] for i in j_mt], base[j_mt]),
        "shipped rule, Jaccard + sentences tuned (min triples 10)": (
            [base_keys[i] for i in mt10], base[mt10]),
        "shipped rule, Jaccard + sentences + min triples tuned": (base_keys, base),
        "shipped rule + kept lead (--copy-lead), all tuned": anded(col("lead"), LEADS),
        "containment >= C alone": (
            [(c,) for c in CONTAINMENTS],
            col("containment")[None, :] >= np.array(CONTAINMENTS)[:, None]),
        "shipped rule and containment >= C, all tuned": anded(col("containment"), (0.0, *CONTAINMENTS)),
        "shipped rule and longest run >= L triples, all tuned": anded(col("run"), RUNS),
        "shipped rule and longest run >= S of the shorter, all tuned": anded(
            col("run_share"), RUN_SHARES),
    }


def objective(name: str, tp: np.ndarray, fp: np.ndarray, fn: np.ndarray) -> np.ndarray:
    """A sortable score per member (higher is better; ties broken by grid order)."""
    p = np.where(tp + fp > 0, tp / np.maximum(tp + fp, 1), 1.0)
    r = np.where(tp + fn > 0, tp / np.maximum(tp + fn, 1), 1.0)
    f1 = np.where(p + r > 0, 2 * p * r / np.maximum(p + r, 1e-12), 0.0)
    if name == "f1":
        return f1 * 1e6 + p
    if name == "f0.5":
        f05 = np.where(p + r > 0, 1.25 * p * r / np.maximum(0.25 * p + r, 1e-12), 0.0)
        return f05 * 1e6 + p
    if name == "p@r95":
        ok = r >= 0.95 - 1e-9
        if ok.any():
            return np.where(ok, 2e6 + p * 1e3 + r, -1.0)
        return f1 * 1e6 + p
    raise ValueError(name)


OBJECTIVES = ("f1", "p@r95", "f0.5")


def pick(pred: np.ndarray, gold: np.ndarray, rows: np.ndarray, name: str) -> int:
    """The member (row of ``pred``) the objective picks on these pairs."""
    g = gold[rows]
    p = pred[:, rows]
    tp = (p & g).sum(1)
    fp = (p & ~g).sum(1)
    fn = (~p & g).sum(1)
    return int(np.argmax(objective(name, tp, fp, fn)))  # argmax: first best in grid order


def prf(pred: np.ndarray, gold: np.ndarray) -> tuple[float, float, int, int, int]:
    tp, fp, fn = int((pred & gold).sum()), int((pred & ~gold).sum()), int((~pred & gold).sum())
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0), tp, fp, fn


def cross_validate(pred: np.ndarray, gold: np.ndarray, name: str, folds: int = 5,
                   repeats: int = 4, picked: Counter | None = None) -> tuple:
    """Pooled precision and recall (and counts) of the member the objective picks on 4/5,
    counted on the fifth; ``picked`` counts which members were picked."""
    n = len(gold)
    out_pred, out_gold = [], []
    for rep in range(repeats):
        order = list(range(n))
        random.Random(rep).shuffle(order)
        for k in range(folds):
            test = sorted(order[k::folds])
            train = np.array(sorted(set(range(n)) - set(test)))
            member = pick(pred, gold, train, name)
            if picked is not None:
                picked[member] += 1
            out_pred.append(pred[member, test])
            out_gold.append(gold[test])
    return prf(np.concatenate(out_pred), np.concatenate(out_gold))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--labels", choices=LABELS, default="adjudicated")
    parser.add_argument("--picks", action="store_true", help="print the members folds picked")
    parser.add_argument("--repeats", type=int, default=4, help="seeded shuffles of the 5 folds")
    args = parser.parse_args()
    ms = dev_measures(args.labels)
    gold = np.array([m.label == "copy" for m in ms])
    print(f"labels: {args.labels}; dev pairs {len(ms)}, copies {int(gold.sum())}")
    everything = np.arange(len(ms))
    for name, (members, pred) in variants(ms).items():
        for obj in OBJECTIVES if len(members) > 1 else ("fixed",):
            if obj == "fixed":
                p, r, tp, fp, fn = prf(pred[0], gold)
                print(f"{name:62s} {obj:6s} CV P {p:.3f} R {r:.3f} (tp {tp} fp {fp} fn {fn})")
                continue
            picked: Counter = Counter()
            p, r, tp, fp, fn = cross_validate(pred, gold, obj, repeats=args.repeats, picked=picked)
            best = pick(pred, gold, everything, obj)
            dp, dr, *_ = prf(pred[best], gold)
            print(f"{name:62s} {obj:6s} CV P {p:.3f} R {r:.3f} (tp {tp} fp {fp} fn {fn})"
                  f"   all dev -> {members[best]} dev P {dp:.3f} R {dr:.3f}")
            if args.picks:
                print("      picked in folds:", ", ".join(
                    f"{members[i]} x{c}" for i, c in picked.most_common(6)))


if __name__ == "__main__":
    main()
