"""Score the shipped model: ``python -m akhbar.enrich.entities.evaluate`` (``make eval-ner``).

Entity-level exact-span micro and per-label precision/recall/F1 on the ANERcorp CAMeL
test split, on its own tokens. Two numbers: sentence by sentence, and with document-level
consistency over consecutive windows of ``--window`` sentences (the split carries no
article boundaries; a window stands in for an article).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from . import corpora
from .model import Tagger
from .normalize import normalize
from .recognizer import consistent, load_tagger
from .spans import Scores

WINDOW = 16  # tuned on the dev slice of train: 0 -> 69.9, 8 -> 71.1, 16 -> 71.6, 32 -> 71.5


def evaluate(tagger: Tagger, sentences, window: int = 0, stacked: bool = True) -> Scores:
    """Scores of ``tagger`` on gold ``sentences``. ``window`` > 0: each window of sentences
    is one document (second pass across it, then consistency and the listed names, as
    ``find_entities_in_fields`` does); 0: each sentence alone, the model's labels only."""
    scores = Scores()
    step = window or 1
    for i in range(0, len(sentences), step):
        chunk = sentences[i : i + step]
        words = [[normalize(t) for t in toks] for toks, _ in chunk]
        pred = tagger.tag_many(words, stacked=stacked)
        if window:
            pred = consistent(tagger, words, pred)
        for (_, gold), p in zip(chunk, pred, strict=True):
            scores.add(gold, p)
    return scores


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--data", help="NER data folder (default $AKHBAR_NER_DATA or ../shared/data/ner)"
    )
    ap.add_argument("--split", type=Path, help="CoNLL file to score (default: ANERcorp CAMeL test)")
    ap.add_argument("--window", type=int, default=WINDOW)
    args = ap.parse_args(argv)
    path = args.split or corpora.data_dir(args.data) / corpora.ANERCORP_TEST
    gold = corpora.read_anercorp(path)
    tagger = load_tagger()
    t0 = time.process_time()
    report = {
        "split": path.name,
        "tokens": sum(len(t) for t, _ in gold),
        "sentence_level": evaluate(tagger, gold).report(),
        f"document_window_{args.window}": evaluate(tagger, gold, args.window).report(),
    }
    report["cpu_seconds"] = round(time.process_time() - t0, 2)
    print(json.dumps(report, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
