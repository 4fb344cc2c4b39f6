"""Draws the article pairs to label (fixed seed): candidate pairs the grouping's own lookups
find, spread evenly over their similarity so the labels cover every threshold region, and
random pairs of articles fetched on the same day. Writes them unlabelled; labels are added by
a person reading each pair under docs/stories.md's rules.

    python -m akhbar.training.stories.sample_pairs OUT.jsonl
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import sys
from collections import defaultdict

from akhbar.store.stories.grouping import MemoryIndex, Params, event_score, features
from akhbar.store.stories.text import Idf, jaccard
from akhbar.training.stories.corpus import read

SEED = 17
# Days to draw from: three days of each corpus, away from their first and last days.
DAYS = {
    "saudi-2015": ("2015-07-22", "2015-07-23", "2015-08-02"),
    "egypt-2013": ("2013-02-10", "2013-02-11", "2013-02-12"),
}
JACCARD_BINS = ((0.1, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 1.01))
SCORE_BINS = ((0.15, 0.25), (0.25, 0.35), (0.35, 0.5), (0.5, 9.0))
PER_BIN = 20
RANDOM_PER_CORPUS = 40


def title_sha(title: str) -> str:
    """A short fingerprint of a title: checks a reference still names the same article."""
    return hashlib.sha256(title.encode("utf-8")).hexdigest()[:10]


def candidate_pairs(corpus: str, days: tuple[str, ...]):
    idf, params = Idf.shipped(), Params()
    wanted = {dt.date.fromisoformat(d) for d in days}
    articles = [a for a in read(corpus) if a.fetched.date() in wanted]
    articles.sort(key=lambda a: (a.fetched, a.ref))
    index = MemoryIndex()
    pairs = {}
    for a in articles:
        f = features(a.doc(), idf)
        lo, hi = f.published - dt.timedelta(days=1), f.published + dt.timedelta(days=1)
        pool = {c.id: c for c in index.by_bands(f.bands, lo, hi)}
        pool.update({c.id: c for c in index.by_keys(f.event_keys(), lo, hi, 50)})
        for c in pool.values():
            pairs[(c.id, f.id)] = (jaccard(f.shingles, c.shingles), event_score(f, c, params))
        f.story_id = f.id
        index.add(f)
    return articles, pairs


def main(out: str) -> None:
    rng = random.Random(SEED)
    rows = []
    for corpus, days in DAYS.items():
        articles, pairs = candidate_pairs(corpus, days)
        by_ref = {a.ref: a for a in articles}
        ordered = sorted(pairs.items())
        chosen: set[tuple[str, str]] = set()
        for lo, hi in JACCARD_BINS:
            pool = [p for p, (j, _) in ordered if lo <= j < hi]
            chosen.update(rng.sample(pool, min(PER_BIN, len(pool))))
        for lo, hi in SCORE_BINS:
            pool = [p for p, (j, s) in ordered if j < 0.1 and lo <= s < hi and p not in chosen]
            chosen.update(rng.sample(pool, min(PER_BIN, len(pool))))
        drawn = [("candidate", pair) for pair in sorted(chosen)]
        by_day = defaultdict(list)
        for a in articles:
            by_day[a.fetched.date()].append(a.ref)
        day_list = sorted(by_day)
        for _ in range(RANDOM_PER_CORPUS):
            drawn.append(("random", tuple(rng.sample(by_day[rng.choice(day_list)], 2))))
        for source, (a, b) in drawn:
            rows.append({
                "a": a, "b": b, "source": source,
                "a_title_sha": title_sha(by_ref[a].title),
                "b_title_sha": title_sha(by_ref[b].title),
            })
    with open(out, "w", encoding="utf-8") as lines:
        for row in rows:
            lines.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
