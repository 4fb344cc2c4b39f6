"""Cross-validate the domain-augmented body model on ANERcorp and the labelled news at once
(``python -m akhbar.training.entities.domain_crossval``).

The news body model (``train.train_domains``) learns from the project's labelled news
(``news_labels``) beside ANERcorp's train split, each domain's attributes copied under a
prefix of its own: ANERcorp, and the news by ``--kinds`` (headlines and leads apart, or
leads only). Fold ``k`` trains one such CRF on the other folds of both (ANERcorp's train
split cut as ``crossval`` cuts it, the news as ``news_crossval`` does: every ``folds``-th
text) and scores, with each domain's model as the body model:

- ANERcorp's fold ``k``, each sentence alone and in documents of ``--window`` sentences
  (as ``crossval``; the shipped configuration's pooled scores there are the baseline);
- the lead sentences of news fold ``k``, each alone as a body paragraph (the headlines are
  left out: the shipped headline model trained on every news text);
- the headline evaluation set's dev split (pooled over folds, an average; headlines by the
  shipped headline model). The test split is never read.

With ``--self-articles N`` the fold's CRF also trains on body sentences of N corpus articles
(``self_training.body_sentences``, domain ``train.SELF_DOMAIN``) labelled by a teacher: the
plain body model trained on the fold's ANERcorp training part (so the held fold reaches the
student through no label), scored beside the others as ``teacher``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from akhbar.enrich.entities.clusters import Clusters
from akhbar.enrich.entities.model import Tagger
from akhbar.enrich.entities.recognizer import use_model

from . import corpora, news_labels, self_training, train
from .crossval import held_scores, pooled_report
from .evaluate import WINDOW, evaluate_texts
from .scores import Scores

_STATE: dict = {}  # what every fold shares, set before the worker processes fork


def run_fold(k: int) -> dict[str, Scores]:
    aner, cases, folds = _STATE["aner"], _STATE["cases"], _STATE["folds"]
    n = len(aner)
    lo, hi = n * k // folds, n * (k + 1) // folds
    training = aner[:lo] + aner[hi:]
    news = {
        kind: news_labels.labelled_sentences(
            [c for i, c in enumerate(cases) if i % folds != k and c["kind"] == kind]
        )
        for kind in _STATE["kinds"]
    }
    held_news = [c for i, c in enumerate(cases) if i % folds == k and c["kind"] == "lead"]
    models = {}
    auto = []
    if _STATE["articles"]:
        teacher, _, teacher_gaz = train.train(
            training, _STATE["base"], train.PARAMS, stacked=False, clusters=_STATE["clusters"]
        )
        models["teacher"] = teacher
        auto = self_training.body_sentences(
            Tagger(teacher, teacher_gaz), _STATE["articles"], _STATE["per_article"]
        )
    crf = train.train_domains(
        training, news, _STATE["base"], train.PARAMS, _STATE["clusters"], _STATE["copies"], auto
    )
    models["anercorp"] = train.domain_weights(crf, {train.ANERCORP_DOMAIN: 1.0})
    for kind in news:
        models[kind] = train.domain_weights(crf, {train.NEWS_DOMAINS[kind]: 1.0})
    for name, scales in _STATE["blends"].items():
        models[name] = train.domain_weights(crf, scales)
    gaz = train.shipped_gazetteer(training, _STATE["base"], None, _STATE["clusters"])
    scores: dict[str, Scores] = {}
    for name, weights in models.items():
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            for path in corpora.MODEL_DIR.iterdir():
                if path.is_file():
                    shutil.copy(path, folder / path.name)
            weights.save(folder / "crf.npz")
            weights.save(folder / "crf_news.npz")  # labels the leads whatever the conventions
            gaz.save(folder / "gazetteer.tsv")
            use_model(folder)  # the listed names of consistency, and the body model below
            for mode, sc in held_scores(Tagger(weights, gaz), aner[lo:hi], WINDOW).items():
                scores[f"{name}_model anercorp_{mode}"] = sc
            scores[f"{name}_model news_lead"] = evaluate_texts(held_news)["all"]
            for key, sc in evaluate_texts(_STATE["dev"]).items():
                scores[f"{name}_model dev_{key}"] = sc
    return scores


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--labels", type=Path, default=news_labels.LABELS_FILE)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--only", type=int, help="run the first N folds only")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--copies", type=int, default=1, help="times each news sentence is trained on")
    ap.add_argument(
        "--kinds",
        nargs="*",
        default=["headline", "lead"],
        choices=sorted(train.NEWS_DOMAINS),
        help="the kinds of labelled news that train the model, each a domain of its own",
    )
    ap.add_argument(
        "--blend",
        action="append",
        default=[],
        help="also score a blend of the domains' copies, e.g. @L:1,@A:0.5 (repeatable)",
    )
    ap.add_argument(
        "--self-articles",
        type=int,
        default=0,
        help="also train on body sentences of N corpus articles labelled by a teacher",
    )
    ap.add_argument("--per-article", type=int, default=4, help="body sentences per article")
    args = ap.parse_args(argv)
    t0 = time.time()
    ner_dir = corpora.data_dir()
    aner, extra = train.load_training(ner_dir)
    cases = news_labels.load_cases(args.labels)
    _STATE.update(
        aner=aner,
        base=train.base_entries(ner_dir, extra, train.WIKIDATA),
        clusters=Clusters.load_bytes(train.CLUSTERS.read_bytes()),
        cases=cases,
        articles=train.headline_articles(args.self_articles, ner_dir, cases)
        if args.self_articles
        else [],
        per_article=args.per_article,
        dev=corpora.read_span_set(corpora.HEADLINES / "dev.jsonl"),
        folds=args.folds,
        copies=args.copies,
        kinds=args.kinds,
        blends={
            blend: {p.split(":")[0] + ":": float(p.split(":")[1]) for p in blend.split(",")}
            for blend in args.blend
        },
    )
    ks = list(range(args.only or args.folds))
    with ProcessPoolExecutor(args.jobs) as pool:
        results = list(pool.map(run_fold, ks))
    report = pooled_report(results)
    out: dict = {k: report[k] for k in sorted(report)}
    out["seconds"] = round(time.time() - t0)
    print(json.dumps(out, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
