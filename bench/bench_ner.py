"""Tokens per CPU-second: akhbar's entity recognizer against a plain CRF baseline.

Both label the ANERcorp CAMeL test split in this one process, timed with
time.process_time. akhbar's side starts from raw text (tokenization, clitic handling,
document consistency and canonical names included), one ``find_entities_in_fields`` call
per article-sized chunk of sentences, model loaded beforehand (its loading time is printed
too); timed twice, with its per-word cache empty and then warm. It also prints the CPU
time of enrich's whole core (entities and dates) on the bundled seed-size example page.
The baseline is the issue's reference point: a CRF over word, affix, context and
gazetteer features (sklearn-crfsuite style feature dicts through python-crfsuite), trained
here on the ANERcorp train split, labelling the split's own tokens.

    uv run python bench/bench_ner.py [--chunk N]
"""

from __future__ import annotations

import argparse
import gc
import tempfile
import time
from pathlib import Path

import pycrfsuite

from akhbar.enrich.entities import find_entities_in_fields
from akhbar.enrich.entities.recognizer import load_tagger
from akhbar.training.entities import corpora
from akhbar.training.entities.lexicons import package_entries
from akhbar.training.entities.scores import Scores


def baseline_features(tokens: list[str], names: dict[str, str]) -> list[dict]:
    out = []
    for i, w in enumerate(tokens):
        f = {
            "bias": 1.0,
            "w": w,
            "p2": w[:2],
            "p3": w[:3],
            "s2": w[-2:],
            "s3": w[-3:],
            "len": min(len(w), 8),
            "digit": w.isdigit(),
            "gaz": names.get(w, "-"),
        }
        if i:
            f.update({"-1w": tokens[i - 1], "-1gaz": names.get(tokens[i - 1], "-")})
        else:
            f["BOS"] = 1.0
        if i + 1 < len(tokens):
            f.update({"+1w": tokens[i + 1], "+1gaz": names.get(tokens[i + 1], "-")})
        else:
            f["EOS"] = 1.0
        out.append(f)
    return out


def train_baseline(ner_dir: Path) -> tuple[pycrfsuite.Tagger, dict[str, str]]:
    names = {p: lab for lab, p in package_entries(ner_dir) if " " not in p}
    trainer = pycrfsuite.Trainer(verbose=False)
    for tokens, tags in corpora.read_anercorp(ner_dir / corpora.ANERCORP_TRAIN):
        trainer.append(baseline_features(tokens, names), tags)
    trainer.set_params({"c1": 0.1, "c2": 0.1, "max_iterations": 100})
    path = str(Path(tempfile.mkdtemp()) / "baseline.crf")
    trainer.train(path)
    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    return tagger, names


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--data", help="NER data folder (default $AKHBAR_NER_DATA or ../shared/data/ner)"
    )
    ap.add_argument("--chunk", type=int, default=20, help="sentences per article-sized call")
    args = ap.parse_args()
    ner_dir = corpora.data_dir(args.data)
    test = corpora.read_anercorp(ner_dir / corpora.ANERCORP_TEST)
    n_tokens = sum(len(t) for t, _ in test)
    chunks = [
        [(f"body.{i}", " ".join(t)) for i, (t, _) in enumerate(test[k : k + args.chunk])]
        for k in range(0, len(test), args.chunk)
    ]

    t0 = time.process_time()
    load_tagger()
    load = time.process_time() - t0
    # As a running enrich service sees it: model loaded, warmed up, heap frozen
    # (akhbar.shared.service), before this process fills its heap with the runs below.
    seed_ms, seed_tokens = seed_page_core_ms()
    # First pass: every word is new to the per-word score cache (a fresh process).
    # Second pass: the steady state of a running service, whose cache holds the news
    # vocabulary it has met.
    t0 = time.process_time()
    found = sum(len(find_entities_in_fields(fields)) for fields in chunks)
    cold = n_tokens / (time.process_time() - t0)
    t0 = time.process_time()
    for fields in chunks:
        find_entities_in_fields(fields)
    ours = n_tokens / (time.process_time() - t0)

    print("training the baseline CRF on the ANERcorp train split ...", flush=True)
    crf, names = train_baseline(ner_dir)
    t0 = time.process_time()
    preds = [crf.tag(baseline_features(tokens, names)) for tokens, _ in test]
    base = n_tokens / (time.process_time() - t0)
    scores = Scores()
    for (_, gold), pred in zip(test, preds, strict=True):
        scores.add(gold, pred)

    print(f"tokens: {n_tokens} (ANERcorp CAMeL test), chunks of {args.chunk} sentences")
    print(
        f"akhbar recognizer : {ours:>9,.0f} tokens/CPU-s  ({found} entities, from raw text; warm cache)"
    )
    print(f"  first pass      : {cold:>9,.0f} tokens/CPU-s  (empty word cache)")
    print(f"  model loading   : {load:>9.2f} CPU-s")
    print(f"plain CRF baseline: {base:>9,.0f} tokens/CPU-s  (micro F1 {scores.micro()[2]:.1f})")
    print(f"ratio             : {ours / base:>9.2f}x  (first pass {cold / base:.2f}x)")
    print(f"enrich core, seed page ({seed_tokens} tokens, all fields): {seed_ms:.2f} ms (warm)")


def seed_page_core_ms(repeat: int = 20) -> tuple[float, int]:
    """CPU milliseconds of enrich's core (entities and dates of every field) on the bundled
    example page, parsed once beforehand; best of ``repeat`` after one warm-up call."""
    from akhbar.enrich.core import enrich
    from akhbar.parse import extract
    from akhbar.parse.examples import read_example

    article = extract(read_example().encode("utf-8"))
    enrich(article)
    gc.collect()
    gc.freeze()
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        enrich(article)
        best = min(best, time.process_time() - t0)
    tokens = sum(len(text.split()) for _, text in article.fields() if text)
    return best * 1000, tokens


if __name__ == "__main__":
    main()
