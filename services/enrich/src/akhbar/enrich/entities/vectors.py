"""Dense word vectors learned from unlabelled news: ``model/vectors.npz`` (option, off).

The word clusters (``clusters``) give the CRF a word's neighbourhood as a few ids; these
give it the word2vec vector itself, reduced to a few dimensions, as real-valued
attributes: the CRF weighs each dimension per label (``features.vector_attributes``),
and the labeller adds ``vector @ weights`` to a new word's cached score row
(``model._Scorer``). The word as written and its clitic-free stem (keyed ``~stem``, as in
the clusters) each have a vector; a word the corpus never showed has none (zeros).

Stored as int8 (each unit vector times 127) beside the words, with the settings the model
was trained with: ``scale`` (the value of a unit vector's attributes, which sets how much
L1/L2 regularization holds their weights back) and ``offsets`` (the positions, relative to
the labelled word, whose vectors it sees). ``akhbar.training.entities.vectors_build``
learns the table at training time; the recognizer only reads it here.
"""

from __future__ import annotations

import io

import numpy as np

from .clusters import STEM


class Vectors:
    """Normalized word (or ``~stem``) -> its reduced word2vec vector, and how the CRF sees it."""

    def __init__(
        self,
        words: list[str],
        values: np.ndarray,
        scale: float = 1.0,
        offsets: tuple[int, ...] = (0,),
        dims: int | None = None,
    ):
        self.words = words
        self.values = values  # int8 [word, dimension]
        self.index = {w: i for i, w in enumerate(words)}
        self.scale = float(scale)
        self.offsets = tuple(offsets)
        self.dims = min(dims or values.shape[1], values.shape[1])
        # int8 -> the attribute values, float64 as CRFsuite reads them
        self._unit = self.scale / 127.0

    def __len__(self) -> int:
        return len(self.words)

    @property
    def width(self) -> int:
        """Attributes per offset: the word's dimensions, then its stem's."""
        return 2 * self.dims

    def of(self, words: list[str], stems: list[str]) -> np.ndarray:
        """The attribute values [word, attribute] of normalized words and their stems: the
        word's vector, then its stem's; zeros where the corpus never showed one."""
        index = self.index
        i = np.array([index.get(w, -1) for w in words], dtype=np.intp)
        j = np.array([index.get(STEM + s, -1) for s in stems], dtype=np.intp)
        out = np.zeros((len(words), self.width))
        d = self.dims
        out[i >= 0, :d] = self.values[i[i >= 0], :d]
        out[j >= 0, d:] = self.values[j[j >= 0], :d]
        return out * self._unit

    def with_settings(
        self, scale: float | None = None, offsets: tuple[int, ...] | None = None, dims=None
    ) -> Vectors:
        """The same table with other settings (cross-validation tries them)."""
        return Vectors(
            self.words,
            self.values,
            self.scale if scale is None else scale,
            self.offsets if offsets is None else offsets,
            self.dims if dims is None else dims,
        )

    def save_bytes(self) -> bytes:
        """A compressed ``.npz``: words, int8 values (first ``dims`` dimensions), settings."""
        buf = io.BytesIO()
        np.savez_compressed(
            buf,
            words=np.frombuffer("\n".join(self.words).encode(), dtype=np.uint8),
            values=np.ascontiguousarray(self.values[:, : self.dims]),
            scale=np.array(self.scale),
            offsets=np.array(self.offsets, dtype=np.int8),
        )
        return buf.getvalue()

    @classmethod
    def load_bytes(cls, data: bytes) -> Vectors:
        with np.load(io.BytesIO(data), allow_pickle=False) as z:
            words = z["words"].tobytes().decode().split("\n")
            return cls(words, z["values"], float(z["scale"]), tuple(z["offsets"].tolist()))
