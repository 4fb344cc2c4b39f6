"""Scores story grouping against the project's own labels (tests/data/stories) and against
title-only grouping (Media Cloud's way: one story per normalized title) in the same run.

    python -m akhbar.training.stories.evaluate [--tune] [--labels first|adjudicated|majority]

Pairs: thresholds are chosen on the dev half (``--tune`` prints the grid's best), reported on
the held half. Copies: pairwise precision/recall of the copy decision. Same story (copy or
same event): pairwise precision/recall/F1. Clusters: the grouping runs over the two annotated
days and the day before each, in fetch order, as the store would; B-cubed is computed per
annotated article over the articles a reader judged for it (its 15 nearest of the day).
Entities and dates come from akhbar's own enrich stage (cached under var/stories-eval/).

Labels: ``first`` (default) are the project's first annotation of pairs.jsonl; ``adjudicated``
replaces the label of each pair a second annotator re-read (pairs_second.jsonl: every pair first
labelled copy or same_event) by the agreed or adjudicated label (docs/stories.md, fourth round);
``majority`` by the agreed label or, for a disagreement, the majority of the first, second and a
third annotator's labels (``third_annotation``; docs/stories.md, sixth round).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Iterable
from pathlib import Path

from akhbar.shared.arabic import matching_form
from akhbar.shared.schemas import Article
from akhbar.store.stories.article import doc_from_article
from akhbar.store.stories.grouping import (
    Doc,
    MemoryIndex,
    Params,
    assign,
    copy_level,
    event_score,
    features,
)
from akhbar.store.stories.text import Idf, jaccard, lead_found, sentence_containment
from akhbar.training.stories.corpus import CorpusArticle, read

DATA = Path("tests/data/stories")
CACHE = Path("var/stories-eval")


LABELS = ("first", "adjudicated", "majority")


def load_pairs(data: Path = DATA, labels: str = "first") -> list[dict]:
    """The labelled pairs, with the first annotator's labels, the adjudicated ones or the
    majority of three annotators on the disagreements."""
    if labels not in LABELS:
        raise ValueError(f"labels must be one of {LABELS}, not {labels!r}")
    pairs = [json.loads(line) for line in (data / "pairs.jsonl").open(encoding="utf-8")]
    if labels == "adjudicated":
        from akhbar.training.stories.second_annotation import adjudicated_labels, load_second

        pairs = adjudicated_labels(pairs, load_second(data))
    elif labels == "majority":
        from akhbar.training.stories.second_annotation import load_second
        from akhbar.training.stories.third_annotation import majority_labels

        pairs = majority_labels(pairs, load_second(data))
    return pairs


def load_clusters(data: Path = DATA) -> list[dict]:
    return [json.loads(line) for line in (data / "clusters.jsonl").open(encoding="utf-8")]


def enrich_fingerprint() -> str:
    """A digest of what the enrich stage's output depends on: every file of the enrich and
    shared packages (code, models, lists) and the entity conventions chosen. A retrained
    model or a changed rule gets a cache of its own instead of reading stale entities."""
    import akhbar.enrich
    import akhbar.shared

    digest = hashlib.sha256(os.environ.get("AKHBAR_NER_CONVENTIONS", "").encode())
    for package in (akhbar.enrich, akhbar.shared):
        root = Path(package.__file__).parent
        for path in sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def enriched_docs(articles: Iterable[CorpusArticle], cache: Path = CACHE) -> dict[str, Doc]:
    """Each article through akhbar's enrich stage (entities, dates), as the store would see
    it; cached by reference (per ``enrich_fingerprint``) so reruns skip the model."""
    from akhbar.enrich.core import enrich  # the model loads only when something is missing

    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"entities-dates-{enrich_fingerprint()}.jsonl"
    known: dict[str, dict] = {}
    if path.exists():
        for line in path.open(encoding="utf-8"):
            row = json.loads(line)
            known[row["ref"]] = row
    docs = {}
    with path.open("a", encoding="utf-8") as out:
        for a in articles:
            row = known.get(a.ref)
            if row is None:
                article = Article(
                    id=a.ref, title=a.title, body=list(a.body), published=a.fetched.date(),
                    source_name=a.outlet,
                )
                enriched = enrich(article)
                base = doc_from_article(enriched, a.fetched)
                row = {"ref": a.ref, "entities": sorted(base.entities), "dates": sorted(base.dates)}
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
            docs[a.ref] = dataclasses.replace(
                a.doc(), entities=frozenset(row["entities"]), dates=frozenset(row["dates"])
            )
    return docs


_PUNCT = re.compile(r"[^\w\s]")


def title_key(title: str) -> str:
    """Media Cloud-style title normalization: folded, punctuation and spacing dropped."""
    return " ".join(_PUNCT.sub(" ", matching_form(title)).split())


def title_jaccard(a: str, b: str) -> float:
    x, y = set(title_key(a).split()), set(title_key(b).split())
    return len(x & y) / len(x | y) if x and y else 0.0


def prf(pred: list[bool], gold: list[bool]) -> tuple[float, float, float]:
    tp = sum(p and g for p, g in zip(pred, gold, strict=True))
    fp = sum(p and not g for p, g in zip(pred, gold, strict=True))
    fn = sum(g and not p for p, g in zip(pred, gold, strict=True))
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


@dataclasses.dataclass
class PairScores:
    label: str
    split: str
    jaccard: float
    sentences: float
    event: dict  # (entity_weight, date_weight) -> score
    title_equal: bool
    title_jaccard: float
    lead: float = 1.0
    smaller: int = 0


WEIGHTS = [(e, d) for e in (0.0, 0.15, 0.3, 0.5) for d in (0.0, 0.1, 0.2)]


def pair_scores(pairs: list[dict], docs: dict[str, Doc]) -> list[PairScores]:
    idf = Idf.shipped()
    feats = {ref: features(doc, idf) for ref, doc in docs.items()}
    scores = []
    for row in pairs:
        fa, fb = feats[row["a"]], feats[row["b"]]
        event = {
            w: event_score(fa, fb, Params(entity_weight=w[0], date_weight=w[1])) for w in WEIGHTS
        }
        ta, tb = docs[row["a"]].title, docs[row["b"]].title
        scores.append(PairScores(
            row["label"], row["split"], jaccard(fa.shingles.unique, fb.shingles.unique),
            sentence_containment(fa.shingles, fb.shingles), event,
            title_key(ta) == title_key(tb) and bool(title_key(ta)), title_jaccard(ta, tb),
            lead_found(fa.shingles, fb.shingles),
            min(len(fa.shingles.unique), len(fb.shingles.unique)),
        ))
    return scores


def _grid(lo: float, hi: float, step: float) -> list[float]:
    return [round(lo + i * step, 4) for i in range(int(round((hi - lo) / step)) + 1)]


def is_copy(s: PairScores, params: Params) -> bool:
    return copy_level(s.jaccard, s.sentences, s.lead, s.smaller, params) > 0


# The lead condition's thresholds the cross-validation tries (0: off).
LEADS = (0.0, 0.1, 0.2, 0.3, 0.35)


def tune_copies(dev: list[PairScores], leads=(0.0,)) -> Params:
    """The copy thresholds (Jaccard, sentence share; above 1: sentence test off; lead share)
    with the best F1 of copies on these pairs, ties to the higher precision."""
    gold_copy = [s.label == "copy" for s in dev]
    best_copy = None
    for cj in _grid(0.3, 0.9, 0.05):
        for cs in [*_grid(0.5, 1.0, 0.05), 1.01]:
            for lead in leads:
                trial = Params(copy_jaccard=cj, copy_sentences=cs, copy_lead=lead)
                p, _, f = prf([is_copy(s, trial) for s in dev], gold_copy)
                if best_copy is None or (f, p) > best_copy[0]:
                    best_copy = ((f, p), trial)
    return best_copy[1]


def cross_validate(scores: list[PairScores], leads, folds: int = 5, repeats: int = 4) -> tuple:
    """Copy precision and recall of ``tune_copies`` itself, estimated on the dev pairs only:
    tuned on 4/5, counted on the fifth, pooled over folds and ``repeats`` shuffles (seeded)."""
    import random

    dev = [s for s in scores if s.split == "dev"]
    pred, gold = [], []
    for rep in range(repeats):
        order = list(range(len(dev)))
        random.Random(rep).shuffle(order)
        for k in range(folds):
            test = set(order[k::folds])
            params = tune_copies([dev[i] for i in order if i not in test], leads)
            pred += [is_copy(dev[i], params) for i in sorted(test)]
            gold += [dev[i].label == "copy" for i in sorted(test)]
    return prf(pred, gold)


def tune(scores: list[PairScores], leads=(0.0,)) -> Params:
    """Copy thresholds by ``tune_copies`` on dev. Event weights and threshold: best dev F1 of
    "same story"."""
    dev = [s for s in scores if s.split == "dev"]
    copies = tune_copies(dev, leads)
    gold_story = [s.label != "different" for s in dev]
    best = None
    for w in WEIGHTS:
        for t in _grid(0.15, 0.9, 0.025):
            pred = [is_copy(s, copies) or s.event[w] >= t for s in dev]
            f = prf(pred, gold_story)[2]
            if best is None or f > best[0] + 1e-9:
                best = (f, w, t)
    _, (ew, dw), event_t = best
    return dataclasses.replace(copies, event_score=event_t, entity_weight=ew, date_weight=dw)


def report_pairs(scores: list[PairScores], params: Params, split: str) -> dict:
    rows = [s for s in scores if s.split == split]
    w = (params.entity_weight, params.date_weight)
    if w not in rows[0].event:  # params off the grid: recompute is not possible here
        raise ValueError(f"weights {w} are not on the evaluation grid {WEIGHTS}")
    gold_copy = [s.label == "copy" for s in rows]
    gold_story = [s.label != "different" for s in rows]
    copies = [is_copy(s, params) for s in rows]
    is_story = [c or s.event[w] >= params.event_score for c, s in zip(copies, rows, strict=True)]
    event_rows = [i for i, s in enumerate(rows) if s.label == "same_event"]
    out = {
        "pairs": len(rows),
        "copy": prf(copies, gold_copy),
        "story": prf(is_story, gold_story),
        "same_event_recall": sum(is_story[i] for i in event_rows) / max(1, len(event_rows)),
        "copy_called_on_same_event": sum(copies[i] for i in event_rows),
        "title_equal_copy": prf([s.title_equal for s in rows], gold_copy),
        "title_equal_story": prf([s.title_equal for s in rows], gold_story),
        "title_jaccard50_story": prf([s.title_jaccard >= 0.5 for s in rows], gold_story),
    }
    return out


def day_window(day: dt.date) -> set[dt.date]:
    return {day - dt.timedelta(days=1), day}


def cluster_articles(clusters: list[dict], corpus: str) -> list[CorpusArticle]:
    days: set[dt.date] = set()
    for c in clusters:
        days |= day_window(dt.date.fromisoformat(c["day"]))
    return [a for a in read(corpus) if a.fetched.date() in days]


def group(docs: list[Doc], params: Params) -> dict[str, str]:
    """Story id of each article, grouping in fetch order as the store would receive them."""
    idf = Idf.shipped()
    index = MemoryIndex()
    stories = {}
    for doc in sorted(docs, key=lambda d: (d.published, d.id)):
        stories[doc.id] = assign(features(doc, idf), index, params).story_id
    return stories


def bcubed_per_seed(clusters: list[dict], story_of: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed of each annotated article over the articles judged for it: precision, of the
    judged articles the grouping put with it, the share a reader also put there; recall, of
    the reader's, the share the grouping found. Averaged over annotated articles."""
    ps, rs = [], []
    for c in clusters:
        seed = c["seed"]
        gold = set(c["same_story"]) | {seed}
        judged = set(c["neighbours"]) | {seed}
        system = {r for r in judged if story_of.get(r) == story_of.get(seed)}
        ps.append(len(system & gold) / len(system))
        rs.append(len(system & gold) / len(gold))
    p, r = sum(ps) / len(ps), sum(rs) / len(rs)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def title_stories(docs: list[Doc]) -> dict[str, str]:
    """Title-only grouping: same normalized title on the same day is one story."""
    return {d.id: f"{d.published.date()}|{title_key(d.title) or d.id}" for d in docs}


def _fmt(t: tuple) -> str:
    return "P {:.3f} R {:.3f} F1 {:.3f}".format(*t)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tune", action="store_true", help="choose thresholds on the dev pairs")
    parser.add_argument("--lead", action="store_true",
                        help="with --tune or --cv: let the copy test also require a kept lead")
    parser.add_argument("--copy-lead", type=float, default=None,
                        help="evaluate with this lead condition (Params.copy_lead)")
    parser.add_argument("--cv", action="store_true",
                        help="cross-validate the copy tuning on the dev pairs (with and without --lead)")
    parser.add_argument("--labels", choices=LABELS, default="first",
                        help="the first annotation, the labels after double annotation and "
                             "adjudication of the copy/same-event pairs, or the majority of three "
                             "annotators on the disagreements")
    args = parser.parse_args()
    pairs, clusters = load_pairs(labels=args.labels), load_clusters()
    refs = {p["a"] for p in pairs} | {p["b"] for p in pairs}
    wanted_corpora = sorted({r.split(":")[0] for r in refs})
    pair_articles = [a for corpus in wanted_corpora for a in read(corpus) if a.ref in refs]
    docs = enriched_docs(pair_articles)
    scores = pair_scores(pairs, docs)
    leads = LEADS if args.lead else (0.0,)
    if args.cv:
        for name, grid in (("jaccard + sentences", (0.0,)), ("jaccard + sentences + lead", LEADS)):
            print(f"cv on dev, copies tuned by {name}: {_fmt(cross_validate(scores, grid))}")
    params = tune(scores, leads) if args.tune else Params()
    if args.copy_lead is not None:
        params = dataclasses.replace(params, copy_lead=args.copy_lead)
    print("labels:", args.labels)
    print("params:", params)
    for split in ("dev", "held"):
        r = report_pairs(scores, params, split)
        print(f"\npairs [{split}] n={r['pairs']}")
        print(f"  copies           akhbar {_fmt(r['copy'])}   title-equal {_fmt(r['title_equal_copy'])}")
        print(f"  same story       akhbar {_fmt(r['story'])}   title-equal {_fmt(r['title_equal_story'])}"
              f"   title-jaccard>=.5 {_fmt(r['title_jaccard50_story'])}")
        print(f"  same_event pairs grouped: {r['same_event_recall']:.3f}; called copy: {r['copy_called_on_same_event']}")
    corpus = clusters[0]["seed"].split(":")[0]
    day_docs = enriched_docs(cluster_articles(clusters, corpus))
    stories = group(list(day_docs.values()), params)
    titles = title_stories(list(day_docs.values()))
    print(f"\nclusters: {len(clusters)} annotated articles, {len(day_docs)} articles grouped")
    print(f"  B-cubed akhbar      {_fmt(bcubed_per_seed(clusters, stories))}")
    print(f"  B-cubed title-only  {_fmt(bcubed_per_seed(clusters, titles))}")


if __name__ == "__main__":
    main()
