"""Language ID speed: akhbar.shared.language.detect against plain py3langid, same paragraphs.

Reads the evaluation sample of ``akhbar.training.language_sample`` (1,000 paragraphs of
../shared/data: Arabic corpus, French pages, the annotated French sentences), times
``detect`` per paragraph (script first, the model only for Latin text) and py3langid's
``classify`` on every paragraph, after one warm-up pass each, and prints both, their ratio,
and how many paragraphs each gets right.

    .venv/bin/python bench/bench_language.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from akhbar.shared.language import _models, detect
from akhbar.training.language_sample import sample

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def per_paragraph_ms(fn, texts: list[str], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for text in texts:
            fn(text)
        best = min(best, time.process_time() - start)
    return best / len(texts) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    pairs = sample(SHARED)
    texts = [t for t, _ in pairs]
    full, _ = _models()
    for text in texts:  # warm-up: model loaded, caches filled
        detect(text)
        full.classify(text)
    ours = per_paragraph_ms(detect, texts, args.rounds)
    ref = per_paragraph_ms(full.classify, texts, args.rounds)
    right = sum(detect(t) == g for t, g in pairs)
    ref_right = sum(full.classify(t)[0] == g for t, g in pairs)
    mean_chars = sum(map(len, texts)) / len(texts)
    print(f"{len(texts)} paragraphs, {mean_chars:.0f} characters mean")
    print(f"akhbar detect:      {ours:.4f} ms/paragraph (CPU), right {right}/{len(pairs)}")
    print(f"py3langid classify: {ref:.4f} ms/paragraph (CPU), right {ref_right}/{len(pairs)}")
    print(f"ratio: {ref / ours:.1f}x faster")
    fr = [t for t, g in pairs if g == "fr"]
    print(f"French paragraphs only ({len(fr)}): {per_paragraph_ms(detect, fr, args.rounds):.4f} ms")


if __name__ == "__main__":
    main()
