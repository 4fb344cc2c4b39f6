"""Two entity model folders, alternated in one process: what a retrained model costs.

For each round and each folder (the shipped model and ``--against FOLDER``, e.g. a copy of
an earlier ``model/`` or a ``train --out`` folder): the texts of the project's headline set
as page titles from an empty word cache (``use_model`` loads fresh taggers, so every word is
new: the headline model's cold path), the ANERcorp test split's sentences as body
paragraphs of 20-sentence articles from an empty word cache (the body model's cold path, in
the default conventions), then enrich's whole core on the bundled seed page, best of 30
(``bench_ner.seed_page_core_ms``). Alternating the two in one process keeps a
noisy machine's drift out of the ratio.

    uv run python bench/bench_ner_models.py --against OLD_MODEL_DIR [--rounds 3]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from bench_ner import seed_page_core_ms

from akhbar.enrich.entities import find_entities_in_fields, recognizer
from akhbar.enrich.entities.recognizer import use_model
from akhbar.training.entities import corpora
from akhbar.training.entities.corpora import HEADLINES, read_span_set

SHIPPED = Path(recognizer.__file__).parent / "model"


def cold_titles(texts: list[str]) -> float:
    """Words per CPU-second, every text labelled as a page title, word cache empty."""
    words = sum(len(t.split()) for t in texts)
    t0 = time.process_time()
    for text in texts:
        find_entities_in_fields([("title", text)])
    return words / (time.process_time() - t0)


def cold_body(chunks: list[list[tuple[str, str]]]) -> float:
    """Tokens per CPU-second, each chunk an article of body paragraphs, word cache empty."""
    tokens = sum(len(text.split()) for fields in chunks for _, text in fields)
    t0 = time.process_time()
    for fields in chunks:
        find_entities_in_fields(fields)
    return tokens / (time.process_time() - t0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--against", type=Path, required=True, help="the other model folder")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    texts = [c["text"] for p in sorted(HEADLINES.glob("*.jsonl")) for c in read_span_set(p)]
    test = corpora.read_anercorp(corpora.data_dir() / corpora.ANERCORP_TEST)
    chunks = [
        [(f"body.{i}", " ".join(t)) for i, (t, _) in enumerate(test[k : k + 20])]
        for k in range(0, len(test), 20)
    ]
    runs: dict[str, list[tuple[float, float, float]]] = {"shipped": [], "against": []}
    for _ in range(args.rounds):
        for name, folder in (("against", args.against), ("shipped", SHIPPED)):
            use_model(folder)
            cold = cold_titles(texts)
            use_model(folder)
            body = cold_body(chunks)
            core_ms, _ = seed_page_core_ms(repeat=30)
            runs[name].append((cold, body, core_ms))
            print(
                f"{name:8s} titles cold {cold:>9,.0f} words/CPU-s   body cold {body:>9,.0f} "
                f"tokens/CPU-s   seed core {core_ms:.2f} ms",
                flush=True,
            )
    for name, rows in runs.items():
        colds, bodies, cores = ([r[i] for r in rows] for i in range(3))
        print(
            f"{name:8s} titles cold {min(colds):,.0f}-{max(colds):,.0f} words/CPU-s, "
            f"body cold {min(bodies):,.0f}-{max(bodies):,.0f} tokens/CPU-s, "
            f"seed core {min(cores):.2f}-{max(cores):.2f} ms"
        )
    ratio = [
        sum(r[i] for r in runs["shipped"]) / sum(r[i] for r in runs["against"]) for i in range(3)
    ]
    print(
        f"shipped / against: titles cold speed {ratio[0]:.2f}x, body cold speed {ratio[1]:.2f}x, "
        f"seed core time {ratio[2]:.2f}x"
    )


if __name__ == "__main__":
    main()
