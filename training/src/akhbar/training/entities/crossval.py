"""Cross-validate a training configuration on the ANERcorp *train* split.

``python -m akhbar.training.entities.crossval [--stack --word-lists --words-second-only --wikidata]
[--vectors FILE --vector-scale S --vector-offsets 0,1]``

The dev slice (a tenth of train, 969 entities) cannot tell apart changes under about 1 F1,
and its gains have reached the test split at a third to two thirds of their size. Here
each fold of the train split is labelled by a model trained (with the same jackknifing as
``train``) on the other folds, and the scores of all folds are pooled. The test split is
never read. Modes: each sentence alone (first pass), documents of ``--window`` sentences
with the first pass only, and, with ``--stack``, with the second pass; documents get
consistency and the listed news names, as ``find_entities_in_fields`` does.
"""

from __future__ import annotations

import argparse
import functools
import json
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from akhbar.enrich.entities import wordlists
from akhbar.enrich.entities.clusters import Clusters
from akhbar.enrich.entities.model import Tagger
from akhbar.enrich.entities.normalize import normalize
from akhbar.enrich.entities.recognizer import consistent

from . import corpora, news_labels, train, wordlists_build
from .evaluate import WINDOW
from .scores import Scores


def fold_scores(sentences, k: int, folds: int, window: int, base, params, options: dict, more=()):
    """Scores of fold ``k`` labelled by a model trained on the other folds (and on the
    ``more`` sentences, never scored), per mode; ``options``: the keyword arguments of
    ``train.train`` (words, stacked, clusters ...)."""
    n = len(sentences)
    lo, hi = n * k // folds, n * (k + 1) // folds
    training = sentences[:lo] + sentences[hi:] + list(more)
    weights, second, gaz = train.train(training, base, params, **options)
    tagger = Tagger(weights, gaz, second=second)
    return held_scores(tagger, sentences[lo:hi], window, options.get("stacked", False))


def held_scores(tagger: Tagger, held, window: int, stacked: bool = False) -> dict[str, Scores]:
    """Scores of the gold ``held`` sentences labelled by ``tagger``, per mode: each sentence
    alone, and documents of ``window`` sentences with consistency and the listed names (and
    with the second pass when ``stacked``)."""
    modes = ["sentence", "document"] + (["document_stacked"] if stacked else [])
    scores = {m: Scores() for m in modes}
    for i in range(0, len(held), window):
        chunk = held[i : i + window]
        norm = [[normalize(t) for t in toks] for toks, _ in chunk]
        found = {"sentence": [tagger.tag_many([s], stacked=False)[0] for s in norm]}
        for mode, use_second in (("document", False), ("document_stacked", True)):
            if mode in scores:
                tags = tagger.tag_many(norm, stacked=use_second)
                found[mode] = consistent(tagger, norm, tags)
        for mode, tags in found.items():
            for (_, gold), pred in zip(chunk, tags, strict=True):
                scores[mode].add(gold, pred)
    return scores


def cross_validate(
    sentences,
    base,
    params,
    words=None,
    stacked=False,
    words_second_only=False,
    folds: int = 5,
    only: int | None = None,
    window: int = WINDOW,
    jobs: int = 1,
    clusters=None,
    shipped_names=(),
    vectors=None,
    more=(),
) -> dict:
    """Per-fold micro F1 and the pooled report of each mode; ``more``: sentences every fold
    also trains on (the project's labelled news), never scored."""
    options = {
        "words": words,
        "stacked": stacked,
        "words_second_only": words_second_only,
        "clusters": clusters,
        "shipped_names": shipped_names,
        "vectors": vectors,
    }
    run = functools.partial(
        fold_scores,
        sentences,
        folds=folds,
        window=window,
        base=base,
        params=params,
        options=options,
        more=more,
    )
    ks = list(range(only if only else folds))
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as pool:
            results = list(pool.map(run, ks))
    else:
        results = [run(k) for k in ks]
    return pooled_report(results)


def pooled_report(results: list[dict[str, Scores]]) -> dict:
    """Each key's micro F1 per fold and its report pooled over the folds' ``results``."""
    pooled: dict[str, Scores] = {}
    per_fold: dict[str, list[float]] = {}
    for res in results:
        for key, sc in res.items():
            total = pooled.setdefault(key, Scores())
            total.tp.update(sc.tp)
            total.pred.update(sc.pred)
            total.gold.update(sc.gold)
            per_fold.setdefault(key, []).append(round(sc.micro()[2], 2))
    return {key: {"folds_f1": per_fold[key], **pooled[key].report()} for key in pooled}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--data", help="NER data folder (default $AKHBAR_NER_DATA or ../shared/data/ner)"
    )
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--only", type=int, help="run the first N folds only")
    ap.add_argument("--jobs", type=int, default=1, help="folds trained side by side")
    ap.add_argument("--window", type=int, default=WINDOW)
    ap.add_argument("--stack", action="store_true")
    ap.add_argument(
        "--word-lists", action="store_true", help="compile the word lists (ner-train group)"
    )
    ap.add_argument("--words", help="a compiled words.tsv.gz (implies --word-lists)")
    ap.add_argument("--words-second-only", action="store_true")
    ap.add_argument("--wikidata", action=argparse.BooleanOptionalAction, default=train.WIKIDATA)
    ap.add_argument(
        "--clusters",
        default=str(train.CLUSTERS) if train.CLUSTERS.is_file() else "none",
        help="word clusters file ('none': without)",
    )
    ap.add_argument(
        "--corpus-names",
        default="none",
        help="a corpus_names list for each fold's shipped gazetteer (default none: the "
        "list was made by a model that saw every fold)",
    )
    ap.add_argument("--vectors", default="none", help="a vectors_build file ('none': without)")
    ap.add_argument("--vector-scale", type=float, help="override the vectors file's scale")
    ap.add_argument("--vector-offsets", help="override its offsets, e.g. 0 or -1,0,1")
    ap.add_argument(
        "--news-labels",
        default="none",
        help="the project's labelled news texts (``news_labels``, e.g. "
        f"{news_labels.LABELS_FILE.name}): every fold's body model also trains on them "
        "(the shipped body model does not: docs/entities.md; 'none': without)",
    )
    ap.add_argument("--news-copies", type=int, default=train.NEWS_COPIES)
    ap.add_argument(
        "--news-kinds", default="headline,lead", help="which kinds of news text (comma-separated)"
    )
    ap.add_argument("--c1", type=float, default=train.PARAMS["c1"])
    ap.add_argument("--c2", type=float, default=train.PARAMS["c2"])
    args = ap.parse_args(argv)
    ner_dir = corpora.data_dir(args.data)
    aner, extra = train.load_training(ner_dir)
    base = train.base_entries(ner_dir, extra, args.wikidata)
    words = None
    if args.words:
        words = wordlists.load_bytes(Path(args.words).read_bytes())
    elif args.word_lists:
        words = {w: tuple(t.split()) for w, t in wordlists_build.compile_words().items()}
    t0 = time.time()
    report = cross_validate(
        aner,
        base,
        {**train.PARAMS, "c1": args.c1, "c2": args.c2},
        words,
        args.stack,
        args.words_second_only,
        args.folds,
        args.only,
        args.window,
        args.jobs,
        None if args.clusters == "none" else Clusters.load_bytes(Path(args.clusters).read_bytes()),
        [] if args.corpus_names == "none" else train.corpus_entries(Path(args.corpus_names)),
        train.load_vectors(args.vectors, args.vector_scale, args.vector_offsets),
        []
        if args.news_labels == "none"
        else news_labels.labelled_sentences(
            [
                case
                for case in news_labels.load_cases(Path(args.news_labels))
                if case["kind"] in args.news_kinds.split(",")
            ]
        )
        * args.news_copies,
    )
    report["seconds"] = round(time.time() - t0)
    print(json.dumps(report, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
