"""Word clusters learned from unlabelled news: ``model/clusters.tsv.gz``.

ANERcorp's 125k training tokens name a few thousand words; news brings new ones every day.
A word's cluster says which words it is used like in 28 million words of news ("أخنوش"
sits with other ministers' surnames, "بالرباط" with other "in <city>" forms), so the CRF
can generalize from the names it was trained on to names it never saw. Each normalized
word carries cluster ids at several granularities (coarse to fine), like the bit-string
prefixes of Brown clusters; the word as written and its clitic-free stem are looked up
separately (``features``).

``akhbar.training.entities.clusters_build`` learns the table at training time (gensim,
scikit-learn: the ``ner-train`` group); the recognizer only reads it here.
"""

from __future__ import annotations

import gzip

STEM = "~"  # stems are keyed "~stem", beside the words as written


class Clusters:
    """Normalized word -> its cluster id at each granularity (coarse to fine).

    Lines stay unsplit until a word is asked for: the labeller asks once per distinct
    word (its rows are cached), so loading is one pass over the file.
    """

    def __init__(self, sizes: tuple[int, ...], rows: dict[str, str]):
        self.sizes = sizes
        self._rows = rows
        self._heads = tuple(f"{k}:" for k in sizes)  # "64:", "256:" ... joined to each id

    def __len__(self) -> int:
        return len(self._rows)

    def __contains__(self, word: object) -> bool:
        """Whether the corpus showed this normalized word (as written) often enough."""
        return word in self._rows

    def of(self, word: str) -> tuple[str, ...]:
        """("64:12", "256:40", ...) for a known word, () for one the corpus never showed."""
        ids = self._rows.get(word)
        if ids is None:
            return ()
        # every new word asks twice (as written and its stem): one C-level join, no f-strings
        return tuple(map(str.__add__, self._heads, ids.split()))

    def save_bytes(self) -> bytes:
        """Gzipped, byte-stable ``word<TAB>id id id`` lines, headed by the granularities."""
        head = "#k\t" + " ".join(map(str, self.sizes)) + "\n"
        body = "".join(f"{w}\t{ids}\n" for w, ids in sorted(self._rows.items()))
        return gzip.compress((head + body).encode("utf-8"), mtime=0)

    @classmethod
    def load_bytes(cls, data: bytes) -> Clusters:
        head, _, body = gzip.decompress(data).decode("utf-8").partition("\n")
        sizes = tuple(int(k) for k in head.split("\t")[1].split())
        rows = dict(line.split("\t", 1) for line in body.splitlines())
        return cls(sizes, rows)

    @classmethod
    def from_ids(cls, sizes: tuple[int, ...], ids: dict[str, list[int]]) -> Clusters:
        return cls(sizes, {w: " ".join(map(str, v)) for w, v in ids.items()})
