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
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

import numpy as np

from akhbar.store.normalize import search_tokens

SHINGLE = 3
# A copy shares its beginning with its source; capping the shingles keeps what is stored and
# compared bounded for very long articles (about the first 400 words of the body).
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


# Sentence ends: Latin and Arabic full stop, question and exclamation marks, and line breaks
# inside a paragraph. A copy is judged sentence by sentence, as a reader compares two texts.
_SENTENCE_END = re.compile(r"(?<=[.!?\u061f\u06d4])\s+|\n+")


def sentences_of(paragraph: str) -> list[str]:
    """The paragraph cut at sentence ends, as the copy test compares two texts."""
    return _SENTENCE_END.split(paragraph)


def _triples(word_list: list[str]) -> np.ndarray:
    hashed = np.fromiter((_word_hash(w) for w in word_list), dtype=np.uint64, count=len(word_list))
    n = len(hashed) - SHINGLE + 1
    mixed = hashed[:n] * _MIX[0] + hashed[1 : n + 1] * _MIX[1] + hashed[2 : n + 2] * _MIX[2]
    return (mixed >> np.uint64(32)).astype(np.uint32)


@dataclass(frozen=True)
class Shingles:
    """Word-triple hashes of a text in reading order, cut at sentence ends (no triple spans two
    sentences), with where each sentence starts; ``unique`` is the sorted set. Stable across
    processes and machines (CRC-32 of each word, mixed in order)."""

    ordered: np.ndarray  # uint32
    starts: np.ndarray  # int32, index into ordered of each sentence's first triple
    unique: np.ndarray  # uint32, sorted

    @classmethod
    def of(cls, ordered: np.ndarray, starts: np.ndarray) -> Shingles:
        return cls(ordered, starts, np.unique(ordered))


def shingles(title: str, body: Iterable[str]) -> Shingles:
    """The body's sentences of at least three words as word triples (at most MAX_SHINGLES,
    from the start); the title counts only when the body has none (headlines are rewritten
    more than bodies). Empty when there is nothing of three words."""
    parts, starts, total = [], [], 0
    for paragraph in body:
        for sentence in sentences_of(paragraph):
            ws = words(sentence)
            if len(ws) < SHINGLE or total >= MAX_SHINGLES:
                continue
            triples = _triples(ws)[: MAX_SHINGLES - total]
            parts.append(triples)
            starts.append(total)
            total += len(triples)
    if not parts:
        ws = words(title)
        if len(ws) >= SHINGLE:
            parts, starts = [_triples(ws)[:MAX_SHINGLES]], [0]
    if not parts:
        return Shingles.of(np.zeros(0, dtype=np.uint32), np.zeros(0, dtype=np.int32))
    return Shingles.of(np.concatenate(parts), np.asarray(starts, dtype=np.int32))


def in_sorted(x: np.ndarray, sorted_unique: np.ndarray) -> np.ndarray:
    """``np.isin(x, sorted_unique)`` for a sorted array, by binary search: what a candidate
    is compared by is already sorted, and ``isin`` sorts both again for every comparison."""
    if len(sorted_unique) == 0:
        return np.zeros(len(x), dtype=bool)
    at = np.searchsorted(sorted_unique, x)
    np.minimum(at, len(sorted_unique) - 1, out=at)
    return sorted_unique[at] == x


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard of two sorted unique shingle arrays."""
    if len(a) == 0 or len(b) == 0:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    common = int(np.count_nonzero(in_sorted(small, large)))
    return common / (len(a) + len(b) - common)


# A sentence is found in the other text when this share of its word triples is there: an
# agency sentence keeps most of its words through an outlet's light edits.
SENTENCE_FOUND = 0.5


def sentence_containment(a: Shingles, b: Shingles) -> float:
    """Share of the shorter text's sentences found in the longer one (the written rule a copy
    is labelled by: most sentences of the shorter appear nearly word for word in the other)."""
    if len(a.unique) > len(b.unique):
        a, b = b, a
    if len(a.ordered) == 0 or len(b.ordered) == 0:
        return 0.0
    present = in_sorted(a.ordered, b.unique).astype(np.int32)
    found = np.add.reduceat(present, a.starts)
    lengths = np.diff(np.append(a.starts, len(a.ordered)))
    return float(np.mean(found >= SENTENCE_FOUND * lengths))


def lead_found(a: Shingles, b: Shingles) -> float:
    """How much of a lead survives in the other text: the share of the first sentence's word
    triples found in the other, the better of the two directions (a copy keeps its source's
    lead, or its own lead is the source's with a dateline added; a rewrite starts anew)."""

    def first_in(x: Shingles, y: Shingles) -> float:
        if len(x.ordered) == 0 or len(y.unique) == 0:
            return 0.0
        end = int(x.starts[1]) if len(x.starts) > 1 else len(x.ordered)
        return float(in_sorted(x.ordered[:end], y.unique).mean())

    return max(first_in(a, b), first_in(b, a))


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
