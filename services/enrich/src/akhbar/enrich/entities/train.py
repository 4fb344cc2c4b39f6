"""Train the entity model: ``python -m akhbar.enrich.entities.train`` (``make train-ner``).

Reads the ANERcorp CAMeL *train* split, AQMAR and the Wojood sample (never the ANERcorp
test split; ``--data`` or $AKHBAR_NER_DATA point elsewhere), builds the gazetteer, trains a CRF with CRFsuite, and writes
``model/crf.npz`` and ``model/gazetteer.tsv`` into the package (or ``--out``).

Names seen in the training data become gazetteer entries. If the model were trained with
a gazetteer that already holds every training name, it would learn to trust the gazetteer
blindly; so each fifth of the training sentences is featurized with a gazetteer built
from the other four fifths (plus the package lists), as it will meet unseen names.
``--extras`` says how AQMAR and Wojood are used. ``--dev`` holds out the last tenth of the ANERcorp train split and scores on it: that is
the split used for tuning.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import pycrfsuite

from . import corpora
from .evaluate import WINDOW, evaluate
from .features import sentence_attributes
from .gazetteer import Gazetteer
from .lexicons import names_from, package_entries, word_classes
from .model import CrfWeights, Tagger
from .normalize import normalize

MODEL_DIR = Path(__file__).parent / "model"
FOLDS = 5
# AQMAR and Wojood annotate by other conventions (Wikipedia topics, nested spans): as
# training sentences they lowered dev F1 by about 4 points; their names still widen the
# gazetteer.
EXTRAS = "names"
PARAMS = {"c1": 0.15, "c2": 0.05, "max_iterations": 200, "feature.possible_transitions": True}


def load_training(ner_dir: Path, extras: bool = True):
    aner = corpora.read_anercorp(ner_dir / corpora.ANERCORP_TRAIN)
    extra = []
    if extras:
        extra += corpora.read_aqmar(ner_dir / "aqmar")
        for part in ("train.txt", "val.txt", "test.txt"):
            extra += corpora.read_wojood(ner_dir / "wojood_sample" / part)
    return aner, extra


def featurize(sentences, base_entries) -> list[list[list[str]]]:
    """Attributes of every sentence, each fold seeing only the other folds' names."""
    n = len(sentences)
    bounds = [n * k // FOLDS for k in range(FOLDS + 1)]
    out = []
    for k in range(FOLDS):
        held = sentences[bounds[k] : bounds[k + 1]]
        others = sentences[: bounds[k]] + sentences[bounds[k + 1] :]
        gaz = Gazetteer(
            base_entries + names_from(others, listed=base_entries), word_classes(others)
        )
        for tokens, _ in held:
            out.append(sentence_attributes([normalize(t) for t in tokens], gaz))
    return out


def train(
    sentences, base_entries, params: dict, verbose: bool = False
) -> tuple[CrfWeights, Gazetteer]:
    trainer = pycrfsuite.Trainer(verbose=verbose)
    for (_, tags), attrs in zip(sentences, featurize(sentences, base_entries), strict=True):
        trainer.append(attrs, tags)
    trainer.set_params(params)
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "crf.model")
        trainer.train(path)
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        weights = CrfWeights.from_crfsuite(tagger)
        tagger.close()
    return weights, Gazetteer(
        base_entries + names_from(sentences, listed=base_entries), word_classes(sentences)
    )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--data", help="NER data folder (default $AKHBAR_NER_DATA or ../shared/data/ner)"
    )
    ap.add_argument(
        "--out", type=Path, help=f"model folder (default {MODEL_DIR}; with --dev, none)"
    )
    ap.add_argument(
        "--dev", action="store_true", help="hold out the last tenth of train and score it"
    )
    ap.add_argument(
        "--extras",
        choices=("names", "labels", "none"),
        default=EXTRAS,
        help="AQMAR + Wojood: their names into the gazetteer (default), also as labelled sentences, or unused",
    )
    ap.add_argument("--c1", type=float, default=PARAMS["c1"])
    ap.add_argument("--c2", type=float, default=PARAMS["c2"])
    ap.add_argument("--iterations", type=int, default=PARAMS["max_iterations"])
    args = ap.parse_args(argv)
    ner_dir = corpora.data_dir(args.data)
    params = {**PARAMS, "c1": args.c1, "c2": args.c2, "max_iterations": args.iterations}
    aner, extra = load_training(ner_dir, extras=args.extras != "none")
    base = package_entries(ner_dir)
    if args.extras == "names":
        base += names_from(extra, listed=base)
        extra = []
    dev = []
    if args.dev:
        cut = len(aner) * 9 // 10
        aner, dev = aner[:cut], aner[cut:]
    t0 = time.time()
    weights, gaz = train(aner + extra, base, params)
    print(
        f"trained on {sum(len(s[0]) for s in aner + extra)} tokens in {time.time() - t0:.0f}s; "
        f"{len(weights.attributes)} attributes, {len(gaz)} gazetteer entries"
    )
    if args.dev:
        tagger = Tagger(weights, gaz)
        for window in (0, WINDOW):
            print(f"dev, window {window}:", json.dumps(evaluate(tagger, dev, window).report()))
        if not args.out:
            return
    args.out = args.out or MODEL_DIR
    args.out.mkdir(parents=True, exist_ok=True)
    weights.save(args.out / "crf.npz")
    gaz.save(args.out / "gazetteer.tsv")
    for f in ("crf.npz", "gazetteer.tsv"):
        print(f"wrote {args.out / f} ({(args.out / f).stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
