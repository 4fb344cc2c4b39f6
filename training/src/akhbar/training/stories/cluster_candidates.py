"""Draws the articles whose stories are annotated (fixed seed) and, for each, the articles of
the same day a reader should look at: the 15 nearest by a plain whole-text TF-IDF cosine
(all words of title and body, no entities, no shingles, no time window), a retrieval that is
not the grouping's own, so the annotation does not inherit its blind spots.

    python -m akhbar.training.stories.cluster_candidates OUT.jsonl
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys

from akhbar.store.stories.text import Idf, cosine, tfidf, words
from akhbar.training.stories.corpus import read

SEED = 1717
CORPUS = "saudi-2015"
DAYS = ("2015-07-22", "2015-08-02")
SEEDS_PER_DAY = 20
NEIGHBOURS = 15


def main(out: str) -> None:
    rng = random.Random(SEED)
    idf = Idf.shipped()
    wanted = {dt.date.fromisoformat(d) for d in DAYS}
    by_day: dict[dt.date, list] = {d: [] for d in wanted}
    for article in read(CORPUS):
        if article.fetched.date() in wanted:
            by_day[article.fetched.date()].append(article)
    with open(out, "w", encoding="utf-8") as lines:
        for day in sorted(by_day):
            articles = sorted(by_day[day], key=lambda a: a.ref)
            vectors = {
                a.ref: tfidf(words(a.title) + [w for p in a.body for w in words(p)], idf)
                for a in articles
            }
            for seed in rng.sample(articles, SEEDS_PER_DAY):
                near = sorted(
                    ((cosine(vectors[seed.ref], vectors[a.ref]), a.ref) for a in articles
                     if a.ref != seed.ref),
                    reverse=True,
                )[:NEIGHBOURS]
                row = {"day": day.isoformat(), "seed": seed.ref, "neighbours": [r for _, r in near]}
                lines.write(json.dumps(row) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
