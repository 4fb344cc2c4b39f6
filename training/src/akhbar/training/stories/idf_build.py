"""Builds the shipped word document frequencies (akhbar/store/stories/idf.tsv.gz) from the
titles and leads of egypt-2013 (Apache-2.0; saudi-2015 may not be shipped from).

    python -m akhbar.training.stories.idf_build   # about a minute; same bytes every run
"""

from __future__ import annotations

import gzip
from collections import Counter
from importlib import resources

from akhbar.store.stories.text import LEAD_WORDS, words
from akhbar.training.stories.corpus import read

MIN_DF = 3
MAX_WORDS = 60_000


def main() -> None:
    df: Counter[str] = Counter()
    documents = 0
    for article in read("egypt-2013"):
        lead = [w for p in article.body for w in words(p)][:LEAD_WORDS]
        df.update(set(words(article.title)) | set(lead))
        documents += 1
    kept = sorted(((w, c) for w, c in df.items() if c >= MIN_DF), key=lambda x: (-x[1], x[0]))
    lines = [f"#documents\t{documents}"] + [f"{w}\t{c}" for w, c in kept[:MAX_WORDS]]
    target = resources.files("akhbar.store.stories").joinpath("idf.tsv.gz")
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with open(str(target), "wb") as out:
        # mtime=0: the same corpus gives the same bytes.
        out.write(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"{documents} documents, {len(kept)} words with df>={MIN_DF}, kept {min(len(kept), MAX_WORDS)}")


if __name__ == "__main__":
    main()
