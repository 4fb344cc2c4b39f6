"""Sample, annotate and check the headline/lead entity evaluation set (stdlib only).

    python tools/eval-data/sample_ner_sentences.py sample [--data DIR] > pool.jsonl
    python tools/eval-data/sample_ner_sentences.py apply pool.jsonl ANNOTATIONS... --out DIR
    python tools/eval-data/sample_ner_sentences.py check DIR/dev.jsonl DIR/test.jsonl

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
import gzip
import json
import random
import re
import sys
from pathlib import Path

SEED = 20261204
DEV_SHARE = 0.4
MIN_WORDS, MAX_WORDS = 4, 50
LABELS = ("PER", "ORG", "LOC", "MISC")
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
# Sentence end marks; a period between digits ("3.5") is a decimal point, not an end.
_SENTENCE_END = re.compile(r"(?<!\d)[.!?؟]|[.!?؟](?!\d)")
# The ticker is the page's first line: headlines separated by runs of three or more spaces.
_TICKER_GAP = re.compile(r"\s{3,}")
_WORD_CHAR = re.compile(r"[^\W\d_]")
# Proclitics a span may leave outside (conjunction, prepositions; tatweel after "بـ").
_PROCLITICS = "وفبلكـ"


def starts_word(text: str, start: int) -> bool:
    """Whether a span starting here starts a word, after at most two proclitic letters."""
    position = start
    while position > 0 and start - position < 3 and text[position - 1] in _PROCLITICS:
        position -= 1
    return position == 0 or not _WORD_CHAR.match(text[position - 1])


def ends_word(text: str, end: int) -> bool:
    return end == len(text) or not _WORD_CHAR.match(text[end])


def default_data_dir() -> Path:
    return Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


def clean(text: str) -> str:
    """One line of text: whitespace runs (including newlines) become one space."""
    return " ".join(text.split())


def first_sentence(paragraph: str) -> str:
    """The paragraph up to and including its first sentence end mark."""
    match = _SENTENCE_END.search(paragraph)
    return paragraph[: match.end()] if match else paragraph


def word_count_ok(text: str) -> bool:
    return MIN_WORDS <= len(text.split()) <= MAX_WORDS


def read_corpus(path: Path):
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def corpus_candidates(path: Path) -> dict[str, list[dict]]:
    """Headline and lead candidates of one corpus file, in file order."""
    found: dict[str, list[dict]] = {"headline": [], "lead": []}
    for number, article in enumerate(read_corpus(path)):
        base = {
            "outlet": article.get("outlet", ""),
            "fetched": article.get("fetched", ""),
            "article": number,
        }
        title = clean(article.get("title") or "")
        if title and word_count_ok(title):
            found["headline"].append({**base, "text": title})
        paragraphs = [clean(p) for p in article.get("body") or [] if clean(p)]
        if paragraphs:
            lead = first_sentence(paragraphs[0]).strip()
            if lead and word_count_ok(lead):
                found["lead"].append({**base, "text": lead})
    return found


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


def parse_annotation_line(line: str) -> tuple[str, list[tuple[str, str, int]]]:
    ident, _, rest = line.partition("\t")
    entities = []
    for item in (part.strip() for part in rest.split(" | ")):
        if not item:
            continue
        label, _, surface = item.partition(" ")
        occurrence = 1
        hashed = re.fullmatch(r"(.*\S)\s+#(\d+)", surface)
        if hashed:
            surface, occurrence = hashed.group(1), int(hashed.group(2))
        if label not in LABELS:
            raise ValueError(f"{ident}: unknown label {label!r}")
        entities.append((surface.strip(), label, occurrence))
    return ident.strip(), entities


def locate(text: str, surface: str, occurrence: int) -> int:
    """Start of the N-th occurrence of surface that is whole words (after any proclitics)."""
    start, seen = -1, 0
    while seen < occurrence:
        start = text.find(surface, start + 1)
        if start < 0:
            raise ValueError(f"{surface!r} (occurrence {occurrence}) not in {text!r}")
        if starts_word(text, start) and ends_word(text, start + len(surface)):
            seen += 1
    return start


def apply(pool_path: Path, annotation_paths: list[Path], out_dir: Path) -> None:
    pool = {
        row["id"]: row
        for row in map(json.loads, pool_path.read_text(encoding="utf-8").splitlines())
    }
    annotated: dict[str, list[dict]] = {}
    errors: list[str] = []
    for path in annotation_paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            ident, items = parse_annotation_line(line)
            if ident not in pool:
                raise ValueError(f"{path}: unknown id {ident}")
            if ident in annotated:
                raise ValueError(f"{path}: {ident} annotated twice")
            text = pool[ident]["text"]
            spans = []
            for surface, label, occurrence in items:
                try:
                    start = locate(text, surface, occurrence)
                except ValueError as error:
                    errors.append(f"{ident}: {error}")
                    continue
                spans.append(
                    {"start": start, "end": start + len(surface), "label": label, "text": surface}
                )
            annotated[ident] = sorted(spans, key=lambda span: span["start"])
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
