"""Train the French entity model: ``python -m akhbar.training.entities.french --data FILE``
(``make train-ner-fr``).

Training text: the French part of the Europeana Newspapers NER corpus (``enp_FR.bnf.bio``,
BnF newspapers of 1870-1945 with OCR noise, about 200,000 tokens, PER/LOC/ORG, released
CC0 in the repository EuropeanaNewspapers/ner-corpora). Its tags are IOB1 and it has no
sentence breaks: tags are turned into BIO and sentences cut after ".", "!", "?" and ";",
as the recognizer cuts them. It has no MISC, so the model never predicts MISC.

The last tenth of the sentences is held out and scored (``--dev``, the split used for
tuning); the shipped model is then trained on every sentence. Writes ``model_fr/crf.npz``
into the enrich package (or ``--out``). The features are ``token_features`` of the
recognizer itself, so training and serving cannot drift apart.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

import numpy as np
import pycrfsuite

from akhbar.enrich.entities import french
from akhbar.enrich.entities.model import CrfWeights

from .export import weights_from_crfsuite
from .scores import Scores

DEFAULT_DATA = Path(os.environ.get("AKHBAR_NER_FR_DATA", "../shared/data/ner_fr/enp_FR.bnf.bio"))
PACKAGE_MODEL = Path(french.__file__).parent / "model_fr"
PARAMS = {"c1": 0.1, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}
MIN_WEIGHT = 1e-3  # weights this small change no label and only grow the file


def read_bio(path: Path) -> list[tuple[list[str], list[str]]]:
    """Sentences of (words, BIO tags) from a "word TAG" per line file in IOB1 or BIO."""
    sents: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    prev = "O"
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) < 2:
            if words:
                sents.append((words, tags))
            words, tags, prev = [], [], "O"
            continue
        word, tag = parts[0], parts[-1]
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]  # IOB1: an I- that starts a name is a B- in BIO
        words.append(word)
        tags.append(tag)
        prev = tag
        if word in french._SENTENCE_END:
            sents.append((words, tags))
            words, tags, prev = [], [], "O"
    if words:
        sents.append((words, tags))
    return [s for s in sents if len(s[0]) > 1]


def train(sents: list[tuple[list[str], list[str]]], params: dict = PARAMS) -> CrfWeights:
    trainer = pycrfsuite.Trainer(verbose=False)
    lex = french.lexicon()
    for words, tags in sents:
        trainer.append(french.token_features(words, lex), tags)
    trainer.set_params(params)
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "fr.crfsuite")
        trainer.train(path)
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        weights = weights_from_crfsuite(tagger)
        tagger.close()
    keep = np.abs(weights.weights).max(axis=1) >= MIN_WEIGHT
    attrs = [a for a, k in zip(weights.attributes, keep.tolist(), strict=True) if k]
    return CrfWeights(weights.labels, weights.transitions, attrs, weights.weights[keep])


def evaluate(weights: CrfWeights, sents: list[tuple[list[str], list[str]]]) -> dict:
    french.use_model(weights)
    scores = Scores()
    for words, tags in sents:
        scores.add(tags, french.tag(words))
    return scores.report()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=PACKAGE_MODEL)
    parser.add_argument("--dev", action="store_true", help="hold out the last tenth, score it")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        raise SystemExit(f"error: French NER data not found at {args.data} (see --data)")
    sents = read_bio(args.data)
    started = time.perf_counter()
    if args.dev:
        cut = len(sents) * 9 // 10
        weights = train(sents[:cut])
        print(json.dumps({"dev": evaluate(weights, sents[cut:])}, indent=1))
        return
    weights = train(sents)
    args.out.mkdir(parents=True, exist_ok=True)
    weights.save(args.out / "crf.npz")
    print(
        f"{len(sents)} sentences, {len(weights.attributes)} attributes, "
        f"{time.perf_counter() - started:.0f} s -> {args.out / 'crf.npz'}"
    )


if __name__ == "__main__":
    main()
