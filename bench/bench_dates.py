"""Sentences per CPU-second: akhbar's find_dates against dateparser's search_dates.

Both run in this one process on the same sentences (the project's own date cases, plus the
shared dev cases when ../shared is beside the checkout), timed with time.process_time.

    uv run --group bench python bench/bench_dates.py [--rounds N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import time
import warnings
from pathlib import Path

from akhbar.enrich.dates import find_dates

REPO = Path(__file__).resolve().parents[1]
SOURCES = [
    REPO / "tests" / "data" / "dates" / "cases.jsonl",
    Path(os.environ.get("AKHBAR_SHARED_DATA", REPO.parent / "shared" / "data"))
    / "dates" / "dev_cases.jsonl",
]


def load_sentences() -> list[tuple[str, dt.date]]:
    sentences = []
    for path in SOURCES:
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    case = json.loads(line)
                    sentences.append((case["text"], dt.date.fromisoformat(case["ref"])))
    return sentences


def rate(run, sentences, rounds: int, repeats: int) -> float:
    """Sentences per CPU-second: the best of ``repeats`` timings of ``rounds`` passes.

    Best-of, as timeit reports, because on a shared machine other processes only ever
    slow a timing down. One warm-up pass is not counted.
    """
    for text, ref in sentences:
        run(text, ref)
    best = 0.0
    for _ in range(repeats):
        start = time.process_time()
        for _ in range(rounds):
            for text, ref in sentences:
                run(text, ref)
        best = max(best, rounds * len(sentences) / (time.process_time() - start))
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="passes per timing, akhbar")
    parser.add_argument("--baseline-rounds", type=int, default=1,
                        help="passes per timing, dateparser")
    parser.add_argument("--repeats", type=int, default=5, help="timings; the best is kept")
    args = parser.parse_args()
    sentences = load_sentences()
    ours = rate(find_dates, sentences, args.rounds, args.repeats)
    print(f"sentences: {len(sentences)}")
    print(f"akhbar find_dates:        {ours:10.0f} sentences/CPU-s")
    try:
        from dateparser.search import search_dates
    except ImportError:
        print("dateparser not installed: uv sync --group bench")
        return
    warnings.filterwarnings("ignore")

    def theirs(text: str, ref: dt.date):
        base = dt.datetime(ref.year, ref.month, ref.day)
        return search_dates(text, languages=["ar"], settings={"RELATIVE_BASE": base})

    baseline = rate(theirs, sentences, args.baseline_rounds, args.repeats)
    print(f"dateparser search_dates:  {baseline:10.0f} sentences/CPU-s")
    print(f"ratio akhbar/dateparser:  {ours / baseline:10.1f}x")


if __name__ == "__main__":
    main()
