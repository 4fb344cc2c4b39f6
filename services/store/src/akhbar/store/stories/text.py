"""The words grouping compares: Arabic-folded, definite article stripped, the search index's
own tokenizer (``akhbar.store.normalize``), so "الرئيس" and "والرئيس" count as one word.

Two views of an article come from here:
- word shingles (three words in a row, hashed) of title and body, for copies: a syndicated
  copy keeps the agency's sentences, so most of its word triples;
- a TF-IDF vector of title and lead, for same-event reports: other outlets' own words for the
  same event still share its rare words (names, places, numbers).
"""

from __future__ import annotations

import functools
import gzip
import math
import zlib
from importlib import resources

import numpy as np

from akhbar.store.normalize import search_tokens

SHINGLE = 3
# A copy shares its beginning with its source; capping the shingles keeps the stored set and
# the exact Jaccard bounded for very long articles (about the first 400 words).
MAX_SHINGLES = 400
# Words of the lead after the title: enough for the who/what/where of a news lead.
LEAD_WORDS = 60

# Odd 64-bit multipliers: a word triple's hash mixes the three word hashes in order.
_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9], dtype=np.uint64)


def words(text: str) -> list[str]:
    return search_tokens(text)


@functools.lru_cache(maxsize=200_000)
def _word_hash(word: str) -> int:
    return zlib.crc32(word.encode("utf-8"))


def shingles(word_list: list[str]) -> np.ndarray:
    """Sorted unique 32-bit hashes of the word triples (the whole text as one shingle when it
    is shorter than three words; none when empty). Stable across processes and machines."""
    if not word_list:
        return np.zeros(0, dtype=np.uint32)
    hashed = np.fromiter((_word_hash(w) for w in word_list), dtype=np.uint64, count=len(word_list))
    if len(hashed) < SHINGLE:
        hashed = np.concatenate([hashed, np.zeros(SHINGLE - len(hashed), dtype=np.uint64)])
    n = len(hashed) - SHINGLE + 1
    mixed = hashed[:n] * _MIX[0] + hashed[1 : n + 1] * _MIX[1] + hashed[2 : n + 2] * _MIX[2]
    triples = (mixed >> np.uint64(32)).astype(np.uint32)[:MAX_SHINGLES]
    return np.unique(triples)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard of two sorted unique shingle arrays."""
    if len(a) == 0 or len(b) == 0:
        return 0.0
    common = len(np.intersect1d(a, b, assume_unique=True))
    return common / (len(a) + len(b) - common)


class Idf:
    """Inverse document frequencies of words in titles and leads of news (shipped table,
    built by ``tools/build_story_idf.py`` from egypt-2013, Apache-2.0). A word the table
    lacks counts as rare as the rarest kept word: new names are what tells events apart."""

    def __init__(self, df: dict[str, int], documents: int) -> None:
        self.documents = documents
        self._idf = {w: math.log(documents / d) for w, d in df.items()}
        self.unseen = math.log(documents / max(1, min(df.values(), default=1)))

    def __call__(self, word: str) -> float:
        return self._idf.get(word, self.unseen)

    @classmethod
    def shipped(cls) -> Idf:
        return _shipped()


@functools.cache
def _shipped() -> Idf:
    raw = resources.files(__package__).joinpath("idf.tsv.gz").read_bytes()
    lines = gzip.decompress(raw).decode("utf-8").splitlines()
    documents = int(lines[0].split("\t")[1])  # header: "#documents\t<N>"
    df = {}
    for line in lines[1:]:
        word, count = line.split("\t")
        df[word] = int(count)
    return Idf(df, documents)


def tfidf(word_list: list[str], idf: Idf) -> dict[str, float]:
    """Unit-length TF-IDF vector (sublinear tf) of the given words; digits-only words of one
    or two characters (day numbers, list markers) say little and are left out."""
    counts: dict[str, int] = {}
    for w in word_list:
        if len(w) < 2 or (w.isdigit() and len(w) < 3):
            continue
        counts[w] = counts.get(w, 0) + 1
    weights = {w: (1.0 + math.log(c)) * idf(w) for w, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in weights.values()))
    if norm == 0:
        return {}
    return {w: v / norm for w, v in weights.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())
