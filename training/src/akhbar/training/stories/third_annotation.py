"""A third, independent annotation of the pairs on which the first two annotators disagree
(issue #17, sixth round), and the majority labels it gives.

    python -m akhbar.training.stories.third_annotation list
    python -m akhbar.training.stories.third_annotation show [N ...]
    python -m akhbar.training.stories.third_annotation record N LABEL REASON
    python -m akhbar.training.stories.third_annotation agree

``list``: the numbers (``n``, the place in the second annotation's seeded order) of the pairs
whose first label differs from the second annotator's, and nothing else. ``show``: those
pairs (or the numbers given), each as its number and both articles' outlet, fetch time, title
and text with numbered sentences, the shorter first: no label, no reason, no adjudication, no
split and no score of the system or text-overlap aid. ``record``: writes ``label3`` and a
one-line ``reason3`` into the pair's row of ``tests/data/stories/pairs_second.jsonl``, keeping
every other field, printing nothing of the row. ``agree``: the third annotator's agreement
with the first and the second labels on the disagreements, and how the majority labels
compare with the adjudicated ones.

**Majority labels** (``--labels majority`` of ``evaluate``): a pair both annotators agree on
keeps that label; a disagreement takes the label at least two of the three annotators gave.
When all three differ (one each of copy, same_event, different) it takes the middle one of
the ordered scale copy > same_event > different, i.e. same_event: the median, which is what
the majority is whenever there is one.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from akhbar.store.stories.text import words
from akhbar.training.stories.corpus import CorpusArticle, by_ref
from akhbar.training.stories.evaluate import DATA, load_pairs
from akhbar.training.stories.second_annotation import (
    LABELS,
    SECOND,
    agreement,
    blind,
    key,
    load_second,
    relabelled,
    sentences,
)

# copy > same_event > different: how much of one report the other carries
SCALE = {label: i for i, label in enumerate(LABELS)}


def disagreements(pairs: Sequence[dict], second: Sequence[dict]) -> list[dict]:
    """The second annotation's rows whose ``label2`` differs from the pair's first label, in
    the second annotation's order (``n``)."""
    first = {key(p): p["label"] for p in pairs}
    return sorted((s for s in second if s["label2"] != first[key(s)]), key=lambda s: s["n"])


def majority(labels: Sequence[str]) -> str:
    """The label most annotators gave; with no majority, the median on the scale copy >
    same_event > different."""
    label, count = Counter(labels).most_common(1)[0]
    if count * 2 > len(labels):
        return label
    return sorted(labels, key=SCALE.__getitem__)[len(labels) // 2]


def majority_label(first: str, second: dict) -> str:
    """The label after the third annotation: the agreed one, or the majority of three."""
    if second["label2"] == first:
        return first
    if "label3" not in second:
        raise ValueError(f"disagreement without a third label: {key(second)}")
    return majority([first, second["label2"], second["label3"]])


def majority_labels(pairs: list[dict], second: list[dict]) -> list[dict]:
    """``pairs`` with each re-annotated pair's label replaced by its majority label (pairs not
    re-annotated keep their first label)."""
    return relabelled(pairs, second, majority_label)


def _header(tag: str, a: CorpusArticle) -> str:
    return f"--- {tag} {a.outlet} | fetched {a.fetched:%Y-%m-%d %H:%M}\nT: {a.title}"


def show(rows: Iterable[tuple[int, dict]], articles: dict[str, CorpusArticle], out=sys.stdout):
    """Each pair as its number and the two articles' texts, the shorter (in words) first.
    ``rows`` are ``(n, blind(row))``: only the references reach this function."""
    for n, row in rows:
        assert set(row) <= {"a", "b", "a_title_sha", "b_title_sha"}, "not a blind row"
        a, b = articles[row["a"]], articles[row["b"]]
        sa, sb = sentences(a), sentences(b)
        if sum(len(words(s)) for s in sa) > sum(len(words(s)) for s in sb):
            (a, sa), (b, sb) = (b, sb), (a, sa)
        print(f"=== #{n}", file=out)
        for tag, article, sents in (("SHORTER", a, sa), ("LONGER", b, sb)):
            print(_header(tag, article), file=out)
            for i, s in enumerate(sents):
                print(f"{tag[0]}{i} {s}", file=out)
        print(file=out)


def record(n: int, label: str, reason: str, data: Path = DATA) -> None:
    """Sets ``label3`` and ``reason3`` of row ``n`` of the second annotation's file, keeping
    every other field and the file's format."""
    if label not in LABELS:
        raise ValueError(f"label must be one of {LABELS}, not {label!r}")
    if not reason.strip() or "\n" in reason:
        raise ValueError("the reason is one non-empty line")
    path = data / SECOND
    rows = load_second(data)
    hits = [r for r in rows if r["n"] == n]
    if len(hits) != 1:
        raise ValueError(f"no single row numbered {n}")
    hits[0]["label3"], hits[0]["reason3"] = label, reason.strip()
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    path.write_text(text, encoding="utf-8")


def third_agreement(pairs: Sequence[dict], second: Sequence[dict]) -> dict:
    """On the disagreements with a third label: the third annotator against the first labels
    and against the second (``agreement``: confusion rows the first or second, columns the
    third), the majority labels' counts and how many equal the adjudicated label."""
    first = {key(p): p["label"] for p in pairs}
    rows = [s for s in disagreements(pairs, second) if "label3" in s]
    if not rows:
        return {"n": 0}
    third = [s["label3"] for s in rows]
    maj = [majority_label(first[key(s)], s) for s in rows]
    return {
        "n": len(rows),
        "first_vs_third": agreement([first[key(s)] for s in rows], third),
        "second_vs_third": agreement([s["label2"] for s in rows], third),
        "three_differ": sum(len({first[key(s)], s["label2"], s["label3"]}) == 3 for s in rows),
        "majority_is_first": sum(m == first[key(s)] for m, s in zip(maj, rows, strict=True)),
        "majority_is_second": sum(m == s["label2"] for m, s in zip(maj, rows, strict=True)),
        "majority_is_adjudicated": sum(
            m == s.get("adjudicated") for m, s in zip(maj, rows, strict=True)
        ),
        "majority_counts": dict(Counter(maj)),
    }


def _print_agreement(r: dict) -> None:
    if not r["n"]:
        print("no third labels yet")
        return
    print(f"{r['n']} disagreements with a third label; all three differ on {r['three_differ']}")
    for name in ("first_vs_third", "second_vs_third"):
        a = r[name]
        print(
            f"  {name}: agree {a['agree']:.3f} kappa3 {a['kappa3']:.3f} "
            f"kappa copy/not {a['kappa_copy']:.3f}"
        )
        print("      rows \\ third  " + "  ".join(f"{x:>10}" for x in LABELS))
        for x, counts in zip(LABELS, a["confusion"], strict=True):
            print(f"      {x:>12}  " + "  ".join(f"{c:>10}" for c in counts))
    print(
        f"  majority = first {r['majority_is_first']}, = second {r['majority_is_second']}, "
        f"= adjudicated {r['majority_is_adjudicated']}; counts {r['majority_counts']}"
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("list")
    s = sub.add_parser("show")
    s.add_argument("numbers", type=int, nargs="*", help="pair numbers (default: every one)")
    r = sub.add_parser("record")
    r.add_argument("n", type=int)
    r.add_argument("label", choices=LABELS)
    r.add_argument("reason")
    sub.add_parser("agree")
    args = parser.parse_args(argv)
    pairs, second = load_pairs(), load_second()
    if args.cmd == "record":
        record(args.n, args.label, args.reason)
        return
    if args.cmd == "agree":
        _print_agreement(third_agreement(pairs, second))
        return
    rows = [(s["n"], blind(s)) for s in disagreements(pairs, second)]
    if args.cmd == "list":
        print(" ".join(str(n) for n, _ in rows))
        return
    if args.numbers:
        rows = [(n, row) for n, row in rows if n in set(args.numbers)]
    refs = {r["a"] for _, r in rows} | {r["b"] for _, r in rows}
    show(rows, by_ref(refs))


if __name__ == "__main__":
    main()
