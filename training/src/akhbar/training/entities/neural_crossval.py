"""Cross-validate the neural tagger and its ensemble with the CRF on the ANERcorp *train*
split (training time only; needs the ``ner-train`` group for the vectors).

``python -m akhbar.training.entities.neural_crossval [--arch lstm|window] [--jobs 2]``

Each fold of the train split (``crossval``'s folds) is labelled three ways by models
trained on the other folds: the shipped CRF configuration alone (first pass, each
sentence alone), the network alone, and their sum (``neural.combined_tags``) over a grid of
the network's weight and a penalty on O. The grid point is chosen on the pooled folds, so
the per-fold scores printed for it are in-sample for those two numbers (two parameters
over five folds); the test split is never read.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import itertools
import json
import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from akhbar.enrich.entities.clusters import Clusters
from akhbar.enrich.entities.model import Tagger, viterbi
from akhbar.enrich.entities.normalize import normalize

from . import corpora, crossval, neural, train
from .evaluate import WINDOW
from .scores import Scores

WEIGHTS = (0.0, 0.5, 0.75, 1.0, 1.5)
O_PENALTIES = (0.0, 0.5, 1.0, 1.5, 2.0)


def fold_outputs(k: int, folds: int, config: neural.Config, cache: Path, shipped=None) -> dict:
    """Fold ``k``'s gold tags and both models' emissions of its sentences; with
    ``shipped`` (weight, O penalty) also the scores of the body model's ``Tagger`` carrying
    the window network so joined, each sentence alone and in documents (``crossval``'s
    modes: consistency and the listed names over windows of sentences)."""
    ner = corpora.data_dir()
    aner, extra = train.load_training(ner)
    base = train.base_entries(ner, extra, train.WIKIDATA)
    clusters = Clusters.load_bytes(train.CLUSTERS.read_bytes())
    n = len(aner)
    lo, hi = n * k // folds, n * (k + 1) // folds
    training, held = aner[:lo] + aner[hi:], aner[lo:hi]
    t0 = time.time()
    weights, _, gaz = train.train(training, base, train.PARAMS, stacked=False, clusters=clusters)
    tagger = Tagger(weights, gaz)
    norm = [[normalize(t) for t in toks] for toks, _ in held]
    crf = [tagger.emissions(words) for words in norm]
    t_crf = time.time() - t0
    word_kv, stem_kv = neural.corpus_vectors(cache)
    matches = train.jackknifed_matches(training, base, clusters)
    net = neural.train(training, matches, word_kv, stem_kv, config)
    data = [
        neural.encode(toks, gaz.match(words), net.vocab)
        for (toks, _), words in zip(held, norm, strict=True)
    ]
    tagged = {}
    if shipped is not None:
        runtime = neural.runtime_network(net, *shipped)
        tagged = crossval.held_scores(Tagger(weights, gaz, network=runtime), held, WINDOW)
    return {
        "tagged": tagged,
        "gold": [tags for _, tags in held],
        "crf": crf,
        "crf_labels": weights.labels,
        "crf_transitions": weights.transitions,
        "nn": net.emissions(data),
        "nn_params": {x: net.params[x] for x in ("transitions", "start", "end")},
        "seconds": {"crf": round(t_crf), "nn": round(time.time() - t0 - t_crf)},
    }


def network_tags(out: dict, i: int) -> list[str]:
    em = out["nn"][i].copy()
    em[0] += out["nn_params"]["start"]
    em[-1] += out["nn_params"]["end"]
    return [neural.TAGS[j] for j in viterbi(em, out["nn_params"]["transitions"])]


def scores_of(outputs: list[dict], weight: float | None, o_penalty: float = 0.0) -> list[Scores]:
    """Per fold; ``weight`` None: the network alone."""
    result = []
    for out in outputs:
        sc = Scores()
        for i, gold in enumerate(out["gold"]):
            if weight is None:
                pred = network_tags(out, i)
            else:
                pred = neural.combined_tags(
                    out["crf"][i],
                    out["crf_transitions"],
                    out["crf_labels"],
                    out["nn"][i],
                    out["nn_params"],
                    weight,
                    o_penalty,
                )
            sc.add(gold, pred)
        result.append(sc)
    return result


def pooled(per_fold: list[Scores]) -> dict:
    """Micro F1 per fold and the report pooled over the folds (``crossval.pooled_report``)."""
    return crossval.pooled_report([{"all": sc} for sc in per_fold])["all"]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--only", type=int, help="run the first N folds only")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument(
        "--vectors", type=Path, default=neural.VECTOR_CACHE, help="word2vec cache folder"
    )
    for f in dataclasses.fields(neural.Config):
        ap.add_argument("--" + f.name.replace("_", "-"), type=type(f.default), default=f.default)
    ap.add_argument(
        "--shipped",
        help="WEIGHT,O_PENALTY: also score the Tagger carrying the window network so joined, "
        "sentence by sentence and in documents",
    )
    args = ap.parse_args(argv)
    shipped = tuple(float(x) for x in args.shipped.split(",")) if args.shipped else None
    config = neural.Config(
        **{f.name: getattr(args, f.name) for f in dataclasses.fields(neural.Config)}
    )
    neural.corpus_vectors(args.vectors)  # once, before the folds share it
    run = functools.partial(
        fold_outputs, folds=args.folds, config=config, cache=args.vectors, shipped=shipped
    )
    ks = list(range(args.only or args.folds))
    t0 = time.time()
    if args.jobs > 1:
        # spawn: JAX's threads do not survive a fork
        ctx = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(args.jobs, mp_context=ctx) as pool:
            outputs = list(pool.map(run, ks))
    else:
        outputs = [run(k) for k in ks]
    grid = {
        (w, b): pooled(scores_of(outputs, w, b)) for w, b in itertools.product(WEIGHTS, O_PENALTIES)
    }
    best = max(grid, key=lambda wb: grid[wb]["micro"]["f1"])
    report = {
        "config": dataclasses.asdict(config),
        "crf": grid[(0.0, 0.0)],
        "network": pooled(scores_of(outputs, None)),
        "best": {"weight": best[0], "o_penalty": best[1], **grid[best]},
        "grid": {f"{w}/{b}": g["micro"] for (w, b), g in grid.items()},
        "tagger": crossval.pooled_report([out["tagged"] for out in outputs]) if shipped else None,
        "seconds": round(time.time() - t0),
        "fold_seconds": [out["seconds"] for out in outputs],
    }
    print(json.dumps(report, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
