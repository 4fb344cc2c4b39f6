"""Parse speed and correctness: akhbar's parser against trafilatura on the same pages.

    uv run --group bench python bench/bench_parse.py [--rounds N]

Reads the annotated Arabic pages in ../shared/data/pages and the French pages in
../shared/data/pages_fr (AKHBAR_SHARED_DATA overrides where ../shared/data is), parses each
set with both extractors and with lexbor alone in this one process, and prints pages per
CPU-second (time.process_time) for each, their ratio, and how many title / date / body
fields each got right against the annotations (index.jsonl; the expected JSON beside the
French pages). Timing is CPU time of this process only.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from akhbar.parse import extract
from akhbar.training.parse.scoring import (
    Scores,
    check,
    expected_output_annotations,
    load_annotations,
)

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("AKHBAR_SHARED_DATA", REPO.parent / "shared" / "data"))


def _akhbar(content: bytes, url: str) -> tuple[str, str | None, str]:
    article = extract(content, url=url)
    date = article.published_date.isoformat() if article.published_date else None
    return article.title, date, "\n".join(article.body)


def _trafilatura(content: bytes, url: str) -> tuple[str, str | None, str]:
    from trafilatura import bare_extraction

    doc = bare_extraction(content, url=url, with_metadata=True)
    if doc is None:
        return "", None, ""
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    return data.get("title") or "", data.get("date"), data.get("text") or ""


def _lexbor_only(content: bytes, url: str) -> None:
    from selectolax.lexbor import LexborHTMLParser

    LexborHTMLParser(content.decode("utf-8", errors="replace"))


def _rate(parse, pages: list[tuple[dict, bytes]], rounds: int) -> float:
    for annotation, content in pages:  # warm-up: imports, regex compilation, caches
        parse(content, annotation["page_url"])
    start = time.process_time()
    for _ in range(rounds):
        for annotation, content in pages:
            parse(content, annotation["page_url"])
    return rounds * len(pages) / (time.process_time() - start)


def _scores(parse, pages: list[tuple[dict, bytes]]) -> Scores:
    scores = Scores()
    for annotation, content in pages:
        title, date, body = parse(content, annotation["page_url"])
        verdicts = check(annotation, title=title, published=date, body=body)
        verdicts.pop("headlines")
        scores.add(annotation["file"], verdicts)
    return scores


def _report(name: str, pages: list[tuple[dict, bytes]], args) -> None:
    size = sum(len(c) for _, c in pages) / len(pages) / 1000
    ours = _rate(_akhbar, pages, args.rounds)
    theirs = _rate(_trafilatura, pages, args.trafilatura_rounds)
    ceiling = _rate(_lexbor_only, pages, args.rounds)
    print(f"{name}: {len(pages)} pages, {size:.0f} KB on average, CPU time of one process")
    print(f"akhbar      {ours:8.1f} pages/s")
    print(f"trafilatura {theirs:8.1f} pages/s")
    print(f"ratio       {ours / theirs:8.1f}x")
    print(f"(HTML parsing alone with lexbor, the ceiling: {ceiling:.1f} pages/s)")
    print()
    print(f"{'correct fields':<16}{'akhbar':>8}{'trafilatura':>13}")
    ours_scores, their_scores = _scores(_akhbar, pages), _scores(_trafilatura, pages)
    for key in ("title", "published", "body"):
        print(
            f"{key:<16}{ours_scores.correct[key]:>5}/{len(pages)}{their_scores.correct[key]:>10}/{len(pages)}"
        )
    print(
        f"{'total':<16}{ours_scores.total_correct:>5}/{3 * len(pages)}"
        f"{their_scores.total_correct:>10}/{3 * len(pages)}"
    )
    if their_scores.misses:
        print("\ntrafilatura misses: " + ", ".join(their_scores.misses))
    if ours_scores.misses:
        print("akhbar misses: " + ", ".join(ours_scores.misses))
    print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="timed passes over the pages")
    parser.add_argument("--trafilatura-rounds", type=int, default=2)
    args = parser.parse_args()
    index = SHARED_DATA / "pages" / "index.jsonl"
    if not index.exists():
        print(f"annotated pages not found at {index.parent}", file=sys.stderr)
        return 2
    pages = [(a, (index.parent / a["file"]).read_bytes()) for a in load_annotations(index)]
    _report("Arabic pages", pages, args)
    french = SHARED_DATA / "pages_fr"
    if french.exists():
        annotations = expected_output_annotations(french)
        _report("French pages", [(a, (french / a["file"]).read_bytes()) for a in annotations], args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
