"""A second, blind annotation of the copy / same-event boundary (issue #17, fourth round), and
the agreement between the two annotators.

    python -m akhbar.training.stories.second_annotation order
    python -m akhbar.training.stories.second_annotation show FROM TO
    python -m akhbar.training.stories.second_annotation agree

``order``: the pairs to re-annotate, chosen by their first label only (every pair labelled
``copy`` or ``same_event``), shuffled with a fixed seed, so any prefix covers both splits.
``show``: pairs FROM..TO of that order (1-based, inclusive), both articles in full (outlet,
fetch time, title, text, sentences numbered), **without** the first label, the split or any
score of the system; for reading the copy rule sentence by sentence, each sentence of the
shorter text carries its best difflib match in the longer (ratio and sentence number), as the
first annotator's second pass did. ``agree``: confusion matrix of the first labels against the
second, Cohen's kappa on the three classes and on copy / not copy, per split and in all, over
the pairs annotated so far.

Second labels live in ``tests/data/stories/pairs_second.jsonl`` (references, ``label2``, a
one-line ``reason2``; after adjudication of a disagreement, ``adjudicated`` and
``adjudication``; a third annotator's ``label3`` and ``reason3`` on the disagreements, see
``third_annotation``). Labels are written by a person under docs/stories.md's annotation rules.
"""

from __future__ import annotations

import argparse
import difflib
import json
import random
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from akhbar.store.stories.text import sentences_of, words
from akhbar.training.stories.corpus import CorpusArticle, by_ref
from akhbar.training.stories.evaluate import DATA, load_pairs

SEED = 4  # fourth round of issue #17's copy precision
LABELS = ("copy", "same_event", "different")
SECOND = "pairs_second.jsonl"


def key(row: dict) -> tuple[str, str]:
    return row["a"], row["b"]


def order(pairs: Sequence[dict], seed: int = SEED) -> list[dict]:
    """The pairs whose first label is copy or same_event, in a seeded shuffle."""
    chosen = [p for p in pairs if p["label"] in ("copy", "same_event")]
    random.Random(seed).shuffle(chosen)
    return chosen


def blind(row: dict) -> dict:
    """A pair's references only: no label, no split, no score."""
    return {k: row[k] for k in ("a", "b", "a_title_sha", "b_title_sha")}


def sentences(article: CorpusArticle) -> list[str]:
    out = []
    for paragraph in article.body:
        out += [s.strip() for s in sentences_of(paragraph) if s.strip()]
    return out


def best_matches(short: list[str], long: list[str]) -> list[tuple[float, int]]:
    """For each sentence of the shorter text, the difflib ratio of its words to the most
    similar sentence of the longer, and that sentence's index (-1 if the longer is empty)."""
    long_words = [words(s) for s in long]
    out = []
    for sentence in short:
        ws = words(sentence)
        best = (0.0, -1)
        for i, lw in enumerate(long_words):
            m = difflib.SequenceMatcher(None, ws, lw, autojunk=False)
            if m.real_quick_ratio() <= best[0] or m.quick_ratio() <= best[0]:
                continue
            r = m.ratio()
            if r > best[0]:
                best = (r, i)
        out.append(best)
    return out


def _cut(text: str, n: int) -> str:
    ws = text.split()
    return " ".join(ws[:n]) + (" …" if len(ws) > n else "")


def _shorter_first(row: dict, articles: dict[str, CorpusArticle]):
    a, b = articles[row["a"]], articles[row["b"]]
    sa, sb = sentences(a), sentences(b)
    # the shorter (in words) is read against the longer
    if sum(len(words(s)) for s in sa) > sum(len(words(s)) for s in sb):
        (a, sa), (b, sb) = (b, sb), (a, sa)
    return a, sa, b, sb, best_matches(sa, sb)


def show_brief(rows: Iterable[tuple[int, dict]], articles: dict[str, CorpusArticle],
               out=sys.stdout, words_shown: int = 40):
    """A shorter reading view: headers, titles, both leads, each sentence of the shorter with
    its best match's ratio, in full with its match where the two are neither nearly equal
    (>= 0.9) nor unrelated (< 0.3), and the longer's sentences no sentence of the shorter
    matched (cut to ``words_shown`` words)."""
    for n, row in rows:
        a, sa, b, sb, matches = _shorter_first(row, articles)
        print(f"=== #{n}  {row['a']} {row['b']}", file=out)
        print(f"S: {a.outlet} {a.fetched:%m-%d %H:%M} | {a.title}", file=out)
        print(f"L: {b.outlet} {b.fetched:%m-%d %H:%M} | {b.title}", file=out)
        print("ratios: " + " ".join(f"{r:.2f}>{j}" for r, j in matches)
              + f"  (shorter {len(sa)} / longer {len(sb)} sentences)", file=out)
        print(f"S0: {_cut(sa[0], words_shown) if sa else ''}", file=out)
        print(f"L0: {_cut(sb[0], words_shown) if sb else ''}", file=out)
        for i, (s, (r, j)) in enumerate(zip(sa, matches, strict=True)):
            if 0.3 <= r < 0.9 and i:
                print(f"  S{i} {_cut(s, words_shown)}\n  ~L{j} {_cut(sb[j], words_shown)}", file=out)
        used = {j for _, j in matches}
        rest = [j for j in range(1, len(sb)) if j not in used]
        for j in rest[:6]:
            print(f"  L{j}+ {_cut(sb[j], 20)}", file=out)
        if len(rest) > 6:
            print(f"  (+{len(rest) - 6} more longer-only sentences)", file=out)
        print(file=out)


def show(rows: Iterable[tuple[int, dict]], articles: dict[str, CorpusArticle], out=sys.stdout):
    for n, row in rows:
        a, sa, b, sb, matches = _shorter_first(row, articles)
        print(f"=== #{n}  {row['a']} {row['b']}", file=out)
        print(f"--- SHORTER {a.ref} | {a.outlet} | {a.fetched:%Y-%m-%d %H:%M}", file=out)
        print(f"T: {a.title}", file=out)
        for i, (s, (r, j)) in enumerate(zip(sa, matches, strict=True)):
            print(f"S{i} [{r:.2f}->L{j}] {s}", file=out)
        print(f"--- LONGER {b.ref} | {b.outlet} | {b.fetched:%Y-%m-%d %H:%M}", file=out)
        print(f"T: {b.title}", file=out)
        for j, s in enumerate(sb):
            print(f"L{j} {s}", file=out)
        print(file=out)


def load_second(data: Path = DATA) -> list[dict]:
    path = data / SECOND
    if not path.exists():
        return []
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def final_label(first: str, second: dict) -> str:
    """The label after double annotation: the agreed one, or the adjudicated one."""
    if second["label2"] == first:
        return first
    if "adjudicated" not in second:
        raise ValueError(f"disagreement not adjudicated: {key(second)}")
    return second["adjudicated"]


def relabelled(pairs: list[dict], second: list[dict], decide=None) -> list[dict]:
    """``pairs`` with each re-annotated pair's label replaced by ``decide(first label, its
    re-annotation row)`` (default ``final_label``); pairs not re-annotated keep their first
    label."""
    decide = decide or final_label
    by_key = {key(s): s for s in second}
    return [
        {**p, "label": decide(p["label"], by_key[key(p)])} if key(p) in by_key else p
        for p in pairs
    ]


def adjudicated_labels(pairs: list[dict], second: list[dict]) -> list[dict]:
    """``pairs`` with each re-annotated pair's label replaced by its final label."""
    return relabelled(pairs, second, final_label)


def confusion(first: Sequence[str], second: Sequence[str], labels=LABELS) -> list[list[int]]:
    """Counts: row = first annotator's label, column = second's."""
    counts = Counter(zip(first, second, strict=True))
    return [[counts[(x, y)] for y in labels] for x in labels]


def cohen_kappa(matrix: Sequence[Sequence[int]]) -> float:
    """Cohen's kappa of a square confusion matrix: (observed - chance) / (1 - chance), chance
    from the two annotators' own label frequencies. 1.0 when chance agreement is already 1."""
    n = sum(map(sum, matrix))
    k = len(matrix)
    observed = sum(matrix[i][i] for i in range(k)) / n
    rows = [sum(matrix[i]) / n for i in range(k)]
    cols = [sum(matrix[i][j] for i in range(k)) / n for j in range(k)]
    chance = sum(r * c for r, c in zip(rows, cols, strict=True))
    return 1.0 if chance == 1 else (observed - chance) / (1 - chance)


def agreement(first: Sequence[str], second: Sequence[str]) -> dict:
    """Confusion of the three classes, kappa on three classes and on copy / not copy, and the
    precision and recall of the second annotator's copies against the first's."""
    three = confusion(first, second)
    copy_first = ["copy" if x == "copy" else "not" for x in first]
    copy_second = ["copy" if x == "copy" else "not" for x in second]
    two = confusion(copy_first, copy_second, ("copy", "not"))
    both = two[0][0]
    return {
        "n": len(first),
        "confusion": three,
        "agree": sum(three[i][i] for i in range(3)) / len(first),
        "kappa3": cohen_kappa(three),
        "kappa_copy": cohen_kappa(two),
        "copy_precision_2v1": both / max(1, both + two[1][0]),
        "copy_recall_2v1": both / max(1, both + two[0][1]),
    }


def agreement_by_split(pairs: list[dict], second: list[dict], final: bool = False) -> dict:
    """``agreement`` of first labels with second labels (or, ``final``, with the labels after
    adjudication), per split and in all, over the re-annotated pairs."""
    by_key = {key(s): s for s in second}
    rows = [(p, by_key[key(p)]) for p in pairs if key(p) in by_key]
    out = {}
    for split in ("dev", "held", "all"):
        sel = [(p, s) for p, s in rows if split in ("all", p["split"])]
        if sel:
            out[split] = agreement(
                [p["label"] for p, _ in sel],
                [final_label(p["label"], s) if final else s["label2"] for p, s in sel],
            )
    return out


def print_agreement(result: dict, title: str) -> None:
    print(title)
    for split, r in result.items():
        print(f"  [{split}] n={r['n']} agree {r['agree']:.3f} kappa3 {r['kappa3']:.3f} "
              f"kappa copy/not {r['kappa_copy']:.3f}  copies of 2 vs 1: "
              f"P {r['copy_precision_2v1']:.3f} R {r['copy_recall_2v1']:.3f}")
        print("      first \\ second  " + "  ".join(f"{x:>10}" for x in LABELS))
        for x, counts in zip(LABELS, r["confusion"], strict=True):
            print(f"      {x:>14}  " + "  ".join(f"{c:>10}" for c in counts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("order")
    s = sub.add_parser("show")
    s.add_argument("start", type=int)
    s.add_argument("end", type=int)
    s.add_argument("--brief", action="store_true", help="the shorter reading view")
    sub.add_parser("agree")
    args = parser.parse_args()
    chosen = order(load_pairs())
    if args.cmd == "order":
        for n, row in enumerate(chosen, 1):
            print(n, json.dumps(blind(row)))
    elif args.cmd == "show":
        rows = [(n, blind(r)) for n, r in enumerate(chosen, 1) if args.start <= n <= args.end]
        refs = {r["a"] for _, r in rows} | {r["b"] for _, r in rows}
        (show_brief if args.brief else show)(rows, by_ref(refs))
    else:
        pairs, second = load_pairs(), load_second()
        print_agreement(agreement_by_split(pairs, second), "first vs second annotator")
        if all("adjudicated" in s or s["label2"] == p["label"]
               for p in pairs for s in second if key(s) == key(p)):
            print_agreement(agreement_by_split(pairs, second, final=True),
                            "first vs adjudicated")


if __name__ == "__main__":
    main()
