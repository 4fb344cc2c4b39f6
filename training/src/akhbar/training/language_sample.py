"""The language-ID evaluation sample: 1,000 paragraphs with their known language.

Arabic paragraphs are drawn with a fixed seed from the bodies of ../shared/data/corpus
(egypt-2013 and saudi-2015, Arabic outlets); French ones are every paragraph parse reads
off the pages of ../shared/data/pages_fr, and the annotated French sentences of
tests/data/french (written here), so French makes up about a quarter. Paragraphs with
fewer than ``MIN_LETTERS`` letters are left out (a dateline, a price), since they carry no
language. The gold language is that of the source, not a judgement of each paragraph.
Read by the quality gate and ``bench/bench_language.py``.
"""

from __future__ import annotations

import gzip
import json
import random
import re
from pathlib import Path

SEED = 18
SIZE = 1000
MIN_LETTERS = 20
_LETTER = re.compile(r"[^\W\d_]")


def _enough(text: str) -> bool:
    return len(_LETTER.findall(text)) >= MIN_LETTERS


def french_paragraphs(shared: Path) -> list[str]:
    from akhbar.parse import extract
    from akhbar.training.french_set import load

    out = []
    for page in sorted((shared / "pages_fr").glob("*.html")):
        article = extract(page.read_bytes())
        out += [p for p in [article.title, *article.body] if _enough(p)]
    for cases in load().values():
        out += [c["text"] for c in cases if _enough(c["text"])]
    return out


def arabic_paragraphs(shared: Path, count: int) -> list[str]:
    pool: list[str] = []
    for name in ("egypt-2013.jsonl.gz", "saudi-2015.jsonl.gz"):
        with gzip.open(shared / "corpus" / name, "rt", encoding="utf-8") as lines:
            for i, line in enumerate(lines):
                if i % 20:  # every twentieth article keeps the read short
                    continue
                body = json.loads(line)["body"]
                paragraphs = body if isinstance(body, list) else body.split("\n")
                pool += [p.strip() for p in paragraphs if _enough(p)]
    return random.Random(SEED).sample(pool, count)


def sample(shared: Path) -> list[tuple[str, str]]:
    """(paragraph, language) pairs: every French one, then Arabic ones up to ``SIZE``."""
    french = [(p, "fr") for p in french_paragraphs(shared)][:SIZE]
    arabic = [(p, "ar") for p in arabic_paragraphs(shared, SIZE - len(french))]
    return french + arabic
