"""Cross-validate the headline model on the project's labelled news
(``python -m akhbar.training.entities.news_crossval``).

The labelled news texts (``news_labels``) are split into folds (every ``folds``-th text);
each fold's texts are labelled, each alone as enrich sees a title or a lead, by the shipped
model with a headline model trained on ANERcorp's train split, the self-training titles and
the other folds' news (in each configuration's way). Scores are pooled over folds. The
headline evaluation set's dev split is scored by every fold's model too (pooled, so an
average), the test split never. The body model is the shipped one of ANERcorp's conventions
throughout: it is the teacher of the titles and labels the leads (the news body model, which
learned from every fold's news, is left out; ``domain_crossval`` cross-validates it).

Configurations: ``--copies 0 1 2`` (how many times each news sentence is trained on; 0 is
the configuration without news), ``--kinds`` (which kinds of text train the headline model:
headlines only, or leads too) and ``--body`` (the other folds' news train each fold's body
model too; the titles' teacher stays the shipped body model).
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
from akhbar.enrich.entities.features import sentence_items
from akhbar.enrich.entities.gazetteer import Gazetteer
from akhbar.enrich.entities.model import CrfWeights, Tagger
from akhbar.enrich.entities.normalize import normalize
from akhbar.enrich.entities.recognizer import use_model

from . import corpora, news_labels, self_training, train
from .evaluate import evaluate_texts
from .scores import Scores

_STATE: dict = {}  # what every fold shares, set before the worker processes fork


def _items(sentences, gaz) -> list[list]:
    return [sentence_items([normalize(t) for t in toks], gaz) for toks, _ in sentences]


def prepare(labels: Path, titles: int) -> None:
    """Featurize once what every fold and configuration trains on."""
    ner_dir = corpora.data_dir()
    aner, extra = train.load_training(ner_dir)
    base = train.base_entries(ner_dir, extra, train.WIKIDATA)
    clusters = Clusters.load_bytes(train.CLUSTERS.read_bytes())
    model = corpora.MODEL_DIR
    with (model / "crf.npz").open("rb") as f:
        weights = CrfWeights.load(f)
    gaz = Gazetteer.load(model / "gazetteer.tsv", None, clusters)
    cases = news_labels.load_cases(labels)
    articles = train.headline_articles(titles, ner_dir, cases)
    auto = self_training.title_sentences(Tagger(weights, gaz), articles)
    auto_gaz = train.unseen_text_gazetteer(aner, base, None, clusters)
    news = [news_labels.labelled_sentences([case]) for case in cases]
    _STATE.update(
        aner=aner,
        base=base,
        clusters=clusters,
        sentences=news,
        cases=cases,
        gold=(
            train.featurize(aner, base, None, clusters) + _items(auto, auto_gaz),
            [t for _, t in aner] + [t for _, t in auto],
        ),
        news=[(_items(sents, auto_gaz), [t for _, t in sents]) for sents in news],
        dev=corpora.read_span_set(corpora.HEADLINES / "dev.jsonl"),
    )


def run_fold(job: tuple[str, int, tuple[str, ...], bool, int, int]) -> dict[str, Scores]:
    """Scores of fold ``k`` (and of the headline dev split) under one configuration."""
    _, copies, kinds, body, k, folds = job
    attributes, tags = list(_STATE["gold"][0]), list(_STATE["gold"][1])
    body_news = []
    for i, case in enumerate(_STATE["cases"]):
        if i % folds != k and case["kind"] in kinds:
            items, case_tags = _STATE["news"][i]
            attributes += items * copies
            tags += case_tags * copies
            body_news += _STATE["sentences"][i] * copies
    weights = train.train_crf(attributes, tags, train.PARAMS)
    held = [c for i, c in enumerate(_STATE["cases"]) if i % folds == k]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for path in corpora.MODEL_DIR.iterdir():
            # the shipped news body model trained on every fold's news: the leads here are
            # labelled by the body model of ANERcorp's conventions (``domain_crossval``
            # cross-validates the news body model)
            if path.is_file() and path.name != "crf_news.npz":
                shutil.copy(path, folder / path.name)
        weights.save(folder / "crf_headline.npz")
        if body:
            # the body model trained on the other folds' news too (the titles' teacher
            # stays the shipped body model: their labels are computed once)
            body_weights, _, gaz = train.train(
                _STATE["aner"] + body_news,
                _STATE["base"],
                train.PARAMS,
                stacked=False,
                clusters=_STATE["clusters"],
            )
            body_weights.save(folder / "crf.npz")
            gaz.save(folder / "gazetteer.tsv")
        use_model(folder)
        scores = evaluate_texts(held)
        for key, sc in evaluate_texts(_STATE["dev"]).items():
            scores[f"dev_{key}"] = sc
    return scores


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--labels", type=Path, default=news_labels.LABELS_FILE)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--copies", type=int, nargs="+", default=[0, 1, 2])
    ap.add_argument(
        "--kinds", nargs="+", default=["headline", "headline,lead"], help="comma-separated kinds"
    )
    ap.add_argument("--titles", type=int, default=train.HEADLINE_TITLES)
    ap.add_argument("--body", action="store_true", help="the news train each fold's body model too")
    args = ap.parse_args(argv)
    t0 = time.time()
    prepare(args.labels, args.titles)
    print(f"prepared in {time.time() - t0:.0f}s", flush=True)
    body = bool(args.body)
    configs = [
        (f"copies={c} kinds={kinds}" + (" body" if body and c else ""), c, kinds, body and c > 0)
        for c in args.copies
        for kinds in (args.kinds if c else args.kinds[:1])
    ]
    jobs = [
        (name, c, tuple(kinds.split(",")), b, k, args.folds)
        for name, c, kinds, b in configs
        for k in range(args.folds)
    ]
    with ProcessPoolExecutor(args.jobs) as pool:
        results = list(pool.map(run_fold, jobs))
    report: dict[str, dict] = {}
    for (name, *_), scores in zip(jobs, results, strict=True):
        pooled = report.setdefault(name, {})
        for key, sc in scores.items():
            total = pooled.setdefault(key, Scores())
            total.tp.update(sc.tp)
            total.pred.update(sc.pred)
            total.gold.update(sc.gold)
    out = {
        name: {key: sc.report() for key, sc in sorted(pooled.items())}
        for name, pooled in report.items()
    }
    out["seconds"] = round(time.time() - t0)
    print(json.dumps(out, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
