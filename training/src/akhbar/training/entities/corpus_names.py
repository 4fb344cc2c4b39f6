"""Names the model finds often and consistently in unlabelled news: a gazetteer source.

``python -m akhbar.training.entities.corpus_names [--corpus FILE] [--out FILE]``
(``make ner-corpus-names``, training time only).

A headline names people, parties and places with no context around them ("البرادعي
يستنكر", "«الوفد» يطرح"), where a tagger trained on sentences has little to go on. The
same names occur in full sentences of the corpus thousands of times, mostly in contexts
the model reads well ("قال الدكتور محمد البرادعي"). Every article of the corpus is labelled
with the shipped model (``find_entities_in_fields``, so names are consistent across the
article); a name is kept when

- the model labelled it ``MIN_TAGGED`` times or more (``MIN_TAGGED_ONE`` for one word),
  with one label ``MIN_PURITY`` of the time, and
- for a one-word name, when the word itself (clitics stripped) is labelled at least
  ``MIN_RATIO`` of the times it occurs: a word that is mostly a common word ("عادل",
  "الأمل") stays out, however often it was a name.

The list is written to ``data/corpus_names.tsv`` (beside this module) and joins the shipped gazetteer like
the hand-written news names (``train``). Only ``egypt-2013`` (Apache-2.0) may feed it.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from akhbar.enrich.entities.clitics import strip_proclitics
from akhbar.enrich.entities.gazetteer import phrase_key
from akhbar.enrich.entities.normalize import normalize

from .clusters_build import CORPUS_WORD, corpus_path, texts_by_article
from .corpora import DATA_DIR

MIN_TAGGED = 8
MIN_TAGGED_ONE = 20  # one-word names collide with common words more often
MIN_PURITY = 0.85
MIN_RATIO = 0.6
OUT = DATA_DIR / "corpus_names.tsv"


def _label_chunk(articles: list[list[str]]) -> tuple[Counter, Counter]:
    from akhbar.enrich.entities.recognizer import find_entities_in_fields

    labels: Counter = Counter()
    words: Counter = Counter()
    for paragraphs in articles:
        fields = [(f"p{i}", p) for i, p in enumerate(paragraphs)]
        for e in find_entities_in_fields(fields):
            key = phrase_key(e.text)
            if key:
                labels[(key, e.label)] += 1
        for p in paragraphs:
            for tok in CORPUS_WORD.findall(p):
                words[_bare(normalize(tok))] += 1
    return labels, words


def _bare(word: str) -> str:
    """The word without conjunction, preposition or article: how often a name's word occurs."""
    return strip_proclitics(word)[1]


def _chunks(path: Path, size: int):
    batch = []
    for paragraphs in texts_by_article(path):
        batch.append(paragraphs)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def count(path: Path, jobs: int = 2, limit: int | None = None) -> tuple[Counter, Counter]:
    labels: Counter = Counter()
    words: Counter = Counter()
    chunks = _chunks(path, 500)
    with ProcessPoolExecutor(jobs) as pool:
        for i, (lab, wd) in enumerate(pool.map(_label_chunk, chunks)):
            labels.update(lab)
            words.update(wd)
            if limit and (i + 1) * 500 >= limit:
                break
    return labels, words


def select(labels: Counter, words: Counter) -> list[tuple[str, str]]:
    """(label, phrase) of the names kept by the rules in the module doc, sorted."""
    by_key: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for (key, label), n in labels.items():
        by_key[key][label] += n
    out = []
    for key, counts in by_key.items():
        total = sum(counts.values())
        label, best = counts.most_common(1)[0]
        need = MIN_TAGGED if len(key) > 1 else MIN_TAGGED_ONE
        if total < need or best / total < MIN_PURITY:
            continue
        if len(key) == 1:
            seen = words.get(_bare(key[0]), 0)
            if not seen or total / seen < MIN_RATIO:
                continue
        out.append((label, " ".join(key)))
    return sorted(out)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--corpus", help="corpus file (default ../shared/data/corpus/egypt-2013.jsonl.gz)"
    )
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--limit", type=int, help="label the first N articles only")
    args = ap.parse_args(argv)
    t0 = time.time()
    labels, words = count(corpus_path(args.corpus), args.jobs, args.limit)
    names = select(labels, words)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(f"{lab}\t{p}\n" for lab, p in names), encoding="utf-8")
    per = Counter(lab for lab, _ in names)
    print(
        f"{len(names)} names {dict(sorted(per.items()))} in {time.time() - t0:.0f}s -> {args.out}"
    )


if __name__ == "__main__":
    main()
