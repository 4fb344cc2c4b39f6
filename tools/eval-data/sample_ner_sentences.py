"""Sample, annotate and check the headline/lead entity evaluation set.

    uv run python tools/eval-data/sample_ner_sentences.py sample [--data DIR] > pool.jsonl
    uv run python tools/eval-data/sample_ner_sentences.py apply pool.jsonl ANNOTATIONS... --out DIR
    uv run python tools/eval-data/sample_ner_sentences.py check DIR/dev.jsonl DIR/test.jsonl

How texts are cut out of the corpus and how annotations are read is
``akhbar.training.entities.annotations`` (shared with the news training set).

`sample` draws the sentences with a fixed seed, so the same corpus files give the same
pool: article titles (kind "headline") and the first sentence of the first body paragraph
(kind "lead") from both corpus files, and every headline of the seed page's ticker. Each
line carries its split (40 % dev, 60 % test, stratified by kind and source) and no entities.

`apply` turns hand-written annotations into character spans, so offsets are never typed by
hand. An annotation file has one line per sentence: its id, a tab, then the entities
separated by " | ", each `LABEL surface` or `LABEL surface #N` (the N-th occurrence of the
surface in the text, 1-based; the first by default). A line with only an id says the
sentence was read and holds no entity. Only annotated sentences are written out.

`check` verifies every line: fields, labels, text[start:end] == entity text, spans inside the
text, no overlaps, no span starting or ending inside a word.

The conventions the annotations follow are in docs/entities-annotation.md.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

from akhbar.training.entities.annotations import (
    LABELS,
    clean,
    corpus_candidates,
    ends_word,
    read_annotations,
    starts_word,
)

SEED = 20261204
DEV_SHARE = 0.4
# (corpus file stem, kind) -> how many sentences to draw
TARGETS = {
    ("egypt-2013", "headline"): 200,
    ("egypt-2013", "lead"): 100,
    ("saudi-2015", "headline"): 100,
    ("saudi-2015", "lead"): 60,
}
SEED_PAGE = "maghress-alaoual-2025-11-24.txt"
SEED_SOURCE = "seed:maghress-ticker"
SEED_OUTLET = "maghress (الأول)"
SEED_FETCHED = "2025-11-24"
# The ticker is the page's first line: headlines separated by runs of three or more spaces.
_TICKER_GAP = re.compile(r"\s{3,}")


def default_data_dir() -> Path:
    return Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


def ticker_headlines(page: Path) -> list[str]:
    first_line = page.read_text(encoding="utf-8").split("\n", 1)[0]
    return [clean(part) for part in _TICKER_GAP.split(first_line) if clean(part)]


def sample(data_dir: Path) -> list[dict]:
    rng = random.Random(SEED)
    seen: set[str] = set()
    pool: list[dict] = []
    for stem in ("egypt-2013", "saudi-2015"):
        candidates = corpus_candidates(data_dir / "corpus" / f"{stem}.jsonl.gz")
        used_articles: set[int] = set()  # a headline and a lead never come from one article
        for kind in ("headline", "lead"):
            rows = candidates[kind]
            order = list(range(len(rows)))
            rng.shuffle(order)
            taken = 0
            for index in order:
                if taken == TARGETS[(stem, kind)]:
                    break
                row = rows[index]
                if row["text"] in seen or row["article"] in used_articles:
                    continue
                seen.add(row["text"])
                used_articles.add(row["article"])
                taken += 1
                short = "eg13" if stem == "egypt-2013" else "sa15"
                pool.append(
                    {
                        "id": f"{short}-{kind[0]}-{taken:03d}",
                        "text": row["text"],
                        "kind": kind,
                        "source": f"corpus:{stem}",
                        "outlet": row["outlet"],
                        "fetched": row["fetched"],
                    }
                )
    for number, text in enumerate(ticker_headlines(data_dir / "seed" / SEED_PAGE), start=1):
        if text in seen:
            continue
        seen.add(text)
        pool.append(
            {
                "id": f"mgr-h-{number:03d}",
                "text": text,
                "kind": "headline",
                "source": SEED_SOURCE,
                "outlet": SEED_OUTLET,
                "fetched": SEED_FETCHED,
            }
        )
    assign_splits(pool, rng)
    return pool


def assign_splits(pool: list[dict], rng: random.Random) -> None:
    """40 % of each (kind, source) stratum to dev, the rest to test."""
    strata: dict[tuple[str, str], list[dict]] = {}
    for row in pool:
        strata.setdefault((row["kind"], row["source"]), []).append(row)
    for key in sorted(strata):
        rows = strata[key]
        order = list(range(len(rows)))
        rng.shuffle(order)
        dev_count = round(len(rows) * DEV_SHARE)
        for position, index in enumerate(order):
            rows[index]["split"] = "dev" if position < dev_count else "test"


def apply(pool_path: Path, annotation_paths: list[Path], out_dir: Path) -> None:
    pool = {
        row["id"]: row
        for row in map(json.loads, pool_path.read_text(encoding="utf-8").splitlines())
    }
    annotated, errors = read_annotations(pool, annotation_paths)
    if errors:
        raise SystemExit("\n".join(errors))
    out_dir.mkdir(parents=True, exist_ok=True)
    for split in ("dev", "test"):
        lines = []
        for row in pool.values():
            if row["split"] != split or row["id"] not in annotated:
                continue
            record = {
                key: row[key] for key in ("id", "text", "kind", "source", "outlet", "fetched")
            }
            record["entities"] = annotated[row["id"]]
            lines.append(json.dumps(record, ensure_ascii=False))
        (out_dir / f"{split}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def check_record(record: dict) -> list[str]:
    problems = []
    for key in ("id", "text", "kind", "source", "outlet", "fetched", "entities"):
        if key not in record:
            problems.append(f"missing {key}")
    if problems:
        return problems
    text = record["text"]
    if record["kind"] not in ("headline", "lead"):
        problems.append(f"kind {record['kind']!r}")
    previous_end = 0
    for entity in record["entities"]:
        start, end = entity["start"], entity["end"]
        if entity["label"] not in LABELS:
            problems.append(f"label {entity['label']!r}")
        if not 0 <= start < end <= len(text) or text[start:end] != entity["text"]:
            problems.append(f"span {start}:{end} is not {entity['text']!r}")
            continue
        if start < previous_end:
            problems.append(f"overlap at {entity['text']!r}")
        if not starts_word(text, start):
            problems.append(f"{entity['text']!r} starts inside a word")
        if not ends_word(text, end):
            problems.append(f"{entity['text']!r} ends inside a word")
        if entity["text"] != entity["text"].strip():
            problems.append(f"{entity['text']!r} has outer spaces")
        previous_end = end
    return problems


def check(paths: list[Path]) -> int:
    failures = 0
    ids: set[str] = set()
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            record = json.loads(line)
            problems = check_record(record)
            if record.get("id") in ids:
                problems.append("duplicate id")
            ids.add(record.get("id"))
            for problem in problems:
                failures += 1
                print(f"{path}:{number} {record.get('id')}: {problem}")
    print(f"{len(ids)} sentences, {failures} problems")
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    sample_cmd = commands.add_parser("sample")
    sample_cmd.add_argument("--data", type=Path, default=default_data_dir())
    apply_cmd = commands.add_parser("apply")
    apply_cmd.add_argument("pool", type=Path)
    apply_cmd.add_argument("annotations", type=Path, nargs="+")
    apply_cmd.add_argument("--out", type=Path, required=True)
    check_cmd = commands.add_parser("check")
    check_cmd.add_argument("files", type=Path, nargs="+")
    args = parser.parse_args(argv)
    if args.command == "sample":
        for row in sample(args.data):
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return 0
    if args.command == "apply":
        apply(args.pool, args.annotations, args.out)
        return 0
    return check(args.files)


if __name__ == "__main__":
    sys.exit(main())
