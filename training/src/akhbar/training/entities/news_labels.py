"""News labelled by the project: corpus headlines and lead sentences annotated by hand, to
train on (``python -m akhbar.training.entities.news_labels``).

ANERcorp is 2007 newswire sentences; what akhbar reads is today's headlines and ledes, with
their own syntax (a bare name before its verb, «quoted» parties) and the project's
conventions (docs/entities-annotation.md: councils and clubs are organizations). Texts of
``egypt-2013`` (the only corpus a shipped model may derive from) are drawn with a fixed
seed, annotated by the written rules and kept as references: the repository holds each
text's article number, kind, a digest of its text and its annotation (names only, never the
sentence); training cuts the text out of ``../shared/data/corpus`` again
(``annotations.article_texts``) and checks the digest.

Nothing of the headline evaluation set is drawn: a candidate sharing half its words or more
with an evaluation text (the same headline reposted by another outlet, as the corpus keeps
syndicated copies) is skipped, and so is one that near-duplicates a text already drawn.

    news_labels pool --out POOL.jsonl [--data DIR]       # the texts to annotate (not committed)
    news_labels check POOL.jsonl ANNOTATIONS...          # every line readable, every name found
    news_labels agreement POOL.jsonl A B                 # entity F1 of two annotators' files
    news_labels build POOL.jsonl ANNOTATIONS... [--out FILE]  # the committed reference file
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

from akhbar.enrich.entities.tokenize import sentences, tokenize

from . import corpora
from .annotations import (
    article_texts,
    corpus_candidates,
    locate,
    parse_annotation_line,
    read_annotations,
    read_corpus,
    spans_of,
)
from .corpora import Sentence, read_span_set

SEED = 20261207
CORPUS = "egypt-2013"
# Headlines and leads each annotation round adds (round 1: 1,890 texts).
ROUNDS = (
    {"headline": 1260, "lead": 630},
    {"headline": 1260, "lead": 630},
    {"headline": 1260, "lead": 630},
)
# Two texts sharing this share of their words (Jaccard over word sets) are one text.
NEAR_DUPLICATE = 0.5
LABELS_FILE = corpora.DATA_DIR / "news_labels.tsv"
_WORDS = re.compile(r"[^\W\d_]{2,}")


def corpus_path(data: Path | None = None) -> Path:
    return (data or corpora.data_dir().parent) / "corpus" / f"{CORPUS}.jsonl.gz"


def digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def word_set(text: str) -> frozenset[str]:
    return frozenset(_WORDS.findall(text))


class NearDuplicates:
    """Texts seen so far, and whether a new one shares NEAR_DUPLICATE of its words with one."""

    def __init__(self) -> None:
        self.sets: list[frozenset[str]] = []
        self.postings: dict[str, list[int]] = {}

    def add(self, text: str) -> None:
        words = word_set(text)
        for word in words:
            self.postings.setdefault(word, []).append(len(self.sets))
        self.sets.append(words)

    def seen(self, text: str) -> bool:
        words = word_set(text)
        shared = Counter(i for word in words for i in self.postings.get(word, ()))
        return any(n / len(words | self.sets[i]) >= NEAR_DUPLICATE for i, n in shared.items())


def sample_pool(corpus: Path, evaluation: list[str]) -> list[dict]:
    """Texts of ``corpus`` to annotate, round by round (ROUNDS: how many headlines and leads
    each round adds), each kind's candidates shuffled once with SEED and taken in that
    order, so a later round never changes an earlier one's texts. No two texts from one
    article, none near an ``evaluation`` text or another drawn text."""
    rng = random.Random(SEED)
    candidates = corpus_candidates(corpus)
    known = NearDuplicates()
    for text in evaluation:
        known.add(text)
    orders = {}
    for kind in ("headline", "lead"):
        orders[kind] = list(range(len(candidates[kind])))
        rng.shuffle(orders[kind])
    position = dict.fromkeys(orders, 0)
    taken = dict.fromkeys(orders, 0)
    used: set[int] = set()
    pool: list[dict] = []
    for targets in ROUNDS:
        for kind, wanted in targets.items():
            rows, order, goal = candidates[kind], orders[kind], taken[kind] + wanted
            while taken[kind] < goal and position[kind] < len(order):
                row = rows[order[position[kind]]]
                position[kind] += 1
                if row["article"] in used or known.seen(row["text"]):
                    continue
                used.add(row["article"])
                known.add(row["text"])
                taken[kind] += 1
                pool.append({"id": f"nw-{kind[0]}-{taken[kind]:04d}", "kind": kind, **row})
    return pool


def read_pool(path: Path) -> dict[str, dict]:
    return {row["id"]: row for row in read_span_set(path)}


def token_tags(text: str, spans: list[dict]) -> list[Sentence]:
    """(tokens, BIO tags) of each sentence of ``text``: a token is inside a name when it
    overlaps its span (ANERcorp tags whole tokens, proclitics included: "بمراكش")."""
    out: list[Sentence] = []
    for sentence in sentences(text, tokenize(text)):
        tags = []
        for token in sentence:
            tag = "O"
            for span in spans:
                if token.start < span["end"] and span["start"] < token.end:
                    first = token.start <= span["start"]
                    tag = f"{'B' if first else 'I'}-{span['label']}"
                    break
            tags.append(tag)
        out.append(([t.text for t in sentence], tags))
    return out


def load_cases(path: Path = LABELS_FILE, corpus: Path | None = None) -> list[dict]:
    """The labelled texts of the reference file, in file order, as the headline set's
    records ({id, kind, source, text, entities}); each text is cut out of the corpus again
    and must match its digest."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            ident, kind, article, text_digest, items = line.split("\t")
            rows.append((ident, kind, int(article), text_digest, items))
    wanted = {article for _, _, article, _, _ in rows}
    texts: dict[int, dict[str, str]] = {}
    for number, article in enumerate(read_corpus(corpus or corpus_path())):
        if number in wanted:
            texts[number] = article_texts(article)
    cases = []
    for ident, kind, article, text_digest, items in rows:
        text = texts.get(article, {}).get(kind, "")
        if digest(text) != text_digest:
            raise ValueError(f"{ident}: article {article}'s {kind} is not the annotated text")
        _, parsed = parse_annotation_line(f"{ident}\t{items}")
        cases.append(
            {
                "id": ident,
                "kind": kind,
                "source": f"corpus:{CORPUS}",
                "text": text,
                "entities": spans_of(text, parsed),
            }
        )
    return cases


def labelled_sentences(cases: list[dict]) -> list[Sentence]:
    """(tokens, BIO tags) of every sentence of the ``cases``."""
    return [s for case in cases for s in token_tags(case["text"], case["entities"])]


def build(pool: dict[str, dict], annotated: dict[str, list[dict]]) -> str:
    lines = [
        "# News labelled by the project (news_labels.py): id, kind, article (line number in",
        f"# {CORPUS}.jsonl.gz), sha1 of the text (12 hex), names as 'LABEL surface [#N]' | ...",
    ]
    for ident, row in pool.items():
        if ident not in annotated:
            continue
        items = []
        for span in annotated[ident]:
            n = _occurrence(row["text"], span["text"], span["start"])
            items.append(f"{span['label']} {span['text']}" + (f" #{n}" if n > 1 else ""))
        fields = [ident, row["kind"], str(row["article"]), digest(row["text"]), " | ".join(items)]
        lines.append("\t".join(fields))
    return "\n".join(lines) + "\n"


def _occurrence(text: str, surface: str, start: int) -> int:
    """Which whole-word occurrence of ``surface`` starts at ``start`` (1-based)."""
    n = 1
    while locate(text, surface, n) != start:
        n += 1
    return n


def agreement(a: dict[str, list[dict]], b: dict[str, list[dict]]) -> dict:
    """Entity-level F1 of ``b`` against ``a`` over the texts both annotated."""
    both = sorted(set(a) & set(b))
    gold = {(i, s["start"], s["end"], s["label"]) for i in both for s in a[i]}
    other = {(i, s["start"], s["end"], s["label"]) for i in both for s in b[i]}
    hit = len(gold & other)
    p = hit / len(other) if other else 0.0
    r = hit / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"texts": len(both), "a": len(gold), "b": len(other), "f1": round(100 * f, 2)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    cmd = ap.add_subparsers(dest="command", required=True)
    pool_cmd = cmd.add_parser("pool")
    pool_cmd.add_argument("--data", type=Path, help="the folder holding corpus/")
    pool_cmd.add_argument("--out", type=Path, required=True)
    for name in ("check", "build", "agreement"):
        sub = cmd.add_parser(name)
        sub.add_argument("pool", type=Path)
        sub.add_argument("annotations", type=Path, nargs="+")
        if name == "build":
            sub.add_argument("--out", type=Path, default=LABELS_FILE)
    args = ap.parse_args(argv)
    if args.command == "pool":
        evaluation = [
            c["text"] for p in corpora.HEADLINES.glob("*.jsonl") for c in read_span_set(p)
        ]
        rows = sample_pool(corpus_path(args.data), evaluation)
        args.out.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
        )
        print(f"{len(rows)} texts -> {args.out}")
        return 0
    pool = read_pool(args.pool)
    if args.command == "agreement":
        first, _ = read_annotations(pool, args.annotations[:1])
        for path in args.annotations[1:]:
            other, _ = read_annotations(pool, [path])
            print(path.name, json.dumps(agreement(first, other)))
        return 0
    annotated, problems = read_annotations(pool, args.annotations)
    for problem in problems:
        print(problem)
    names = Counter(s["label"] for spans in annotated.values() for s in spans)
    print(
        f"{len(annotated)} texts annotated, {sum(names.values())} names {dict(names)}; "
        f"{len(problems)} problems"
    )
    if args.command == "build" and not problems:
        args.out.write_text(build(pool, annotated), encoding="utf-8")
        print(f"wrote {args.out}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
