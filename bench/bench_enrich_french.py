"""Enrich on French pages against Arabic pages of the same length, in one process.

Each French page of ../shared/data/pages_fr is parsed, and an Arabic article is cut from
the corpus to the same number of body characters; both are enriched (after a warm-up) and
the best of ``--rounds`` CPU times is printed, with the French/Arabic ratio (target ≤ 1.5).

    .venv/bin/python bench/bench_enrich_french.py [--rounds 20]
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

from akhbar.enrich.core import enrich
from akhbar.parse import extract
from akhbar.shared.language import with_languages
from akhbar.shared.schemas import Article

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def arabic_like(chars: int, index: int) -> Article:
    """An Arabic corpus article's paragraphs, cut at ``chars`` characters."""
    with gzip.open(SHARED / "corpus" / "egypt-2013.jsonl.gz", "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for _, line in zip(range(200), f, strict=False)]
    body, total = [], 0
    for row in rows[index * 20 :]:
        for p in row["body"]:
            if total >= chars:
                break
            body.append(p[: chars - total])
            total += len(body[-1])
    return with_languages(Article(id=f"ar{index}", title=rows[index]["title"], body=body))


def best(article: Article, rounds: int) -> float:
    enrich(article)
    times = []
    for _ in range(rounds):
        start = time.process_time()
        enrich(article)
        times.append(time.process_time() - start)
    return min(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    for i, page in enumerate(sorted((SHARED / "pages_fr").glob("*.html"))):
        fr = extract(page.read_bytes())
        chars = sum(map(len, fr.body))
        ar = arabic_like(chars, i)
        f_ms, a_ms = best(fr, args.rounds), best(ar, args.rounds)
        print(f"{page.name}: {chars} chars, French {f_ms:.2f} ms, Arabic {a_ms:.2f} ms, "
              f"ratio {f_ms / a_ms:.2f}")


if __name__ == "__main__":
    main()
