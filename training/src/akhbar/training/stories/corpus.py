"""The corpora of ../shared/data/corpus as grouping sees them, each article named by a stable
reference (``<corpus>:<line>``, its 0-based line in the gzip file) so labels can point at
articles without copying them."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from akhbar.store.stories.grouping import Doc

CORPUS_DIR = Path(os.environ.get("AKHBAR_CORPUS_DIR", "../shared/data/corpus"))
CORPORA = ("egypt-2013", "saudi-2015")


@dataclass(frozen=True)
class CorpusArticle:
    ref: str
    outlet: str
    fetched: dt.datetime
    title: str
    body: tuple[str, ...]
    url: str | None = None

    def doc(self) -> Doc:
        return Doc(
            id=self.ref, published=self.fetched, title=self.title, body=self.body,
            outlet=self.outlet,
        )


def read(corpus: str, corpus_dir: Path = CORPUS_DIR) -> Iterator[CorpusArticle]:
    path = corpus_dir / f"{corpus}.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            row = json.loads(line)
            yield CorpusArticle(
                ref=f"{corpus}:{n}",
                outlet=row.get("outlet") or "",
                fetched=dt.datetime.fromisoformat(row["fetched"]),
                title=row.get("title") or "",
                body=tuple(p for p in row.get("body") or () if p),
                url=row.get("url"),
            )


def by_ref(refs: set[str], corpus_dir: Path = CORPUS_DIR) -> dict[str, CorpusArticle]:
    """The articles named by ``refs`` (one pass over each corpus they come from)."""
    found = {}
    for corpus in sorted({r.split(":")[0] for r in refs}):
        for article in read(corpus, corpus_dir):
            if article.ref in refs:
                found[article.ref] = article
    return found
