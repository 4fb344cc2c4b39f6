"""The window network that labels beside a CRF (``model/network.npz``; trained by
``akhbar.training.entities.neural``, docs/entities.md *A neural tagger beside the CRF*).

Per token the network reads five tokens (two each side): each one's word2vec vectors (the
word's and its proclitic-stripped stem's, learned from the corpus), a character CNN over
its letters, and its gazetteer tags; one tanh layer over the window, then one score per
label. Its first layer is linear in each token, so, as the CRF's scorer does with its
attributes, the layer's share of every word at each of the five offsets is computed once
per distinct word and cached: labelling a known word costs five row additions.

The CRF adds ``weight`` times these scores (and the network's transitions) to its own and
takes ``o_penalty`` off O (``joined_emissions``, ``joined_transitions``): the two models'
errors differ, and the sum is surer than either alone.
"""

from __future__ import annotations

import io

import numpy as np

from .clitics import strip_proclitics
from .features import END, START

TAGS = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
GAZ_TAGS = tuple(f"{lab}:{p}" for lab in ("PER", "LOC", "ORG", "MISC") for p in "BI")
WINDOW = 2  # tokens each side
MAX_CHARS = 12  # a longer word keeps its first and last six letters
UNK = 1  # row of a word the vocabulary lacks (row 0 is padding)


def word_forms(word: str) -> tuple[str, str]:
    """(word, stem) of a normalized word as the vectors were learned: numbers are one word."""
    if word.isdigit():
        return "<num>", "<num>"
    return word, strip_proclitics(word)[1]


def char_rows(word: str, chars: dict[str, int]) -> list[int]:
    """The letters' rows of a normalized word (unknown letters: ``UNK``)."""
    if len(word) > MAX_CHARS:
        word = word[: MAX_CHARS // 2] + word[-(MAX_CHARS // 2) :]
    return [chars.get(c, UNK) for c in word]


def gaz_vector(tags: tuple[str, ...]) -> np.ndarray:
    """A token's gazetteer tags (``Gazetteer.match``) as the network's 0/1 inputs."""
    out = np.zeros(len(GAZ_TAGS))
    for t in tags:
        if t in GAZ_TAGS:
            out[GAZ_TAGS.index(t)] = 1.0
    return out


def quantize(table: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 rows and their float scales (a row's largest value maps to 127)."""
    scale = np.abs(table).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    return np.round(table / scale[:, None]).astype(np.int8), scale.astype(np.float32)


def label_columns(labels) -> list[int]:
    """The network's column (``TAGS``) of each of a CRF's ``labels``."""
    return [TAGS.index(lab) for lab in labels]


def joined_transitions(crf: np.ndarray, labels, net: np.ndarray, weight: float) -> np.ndarray:
    """A CRF's transitions plus ``weight`` times the network's, in the CRF's label order."""
    cols = label_columns(labels)
    return crf + weight * net[np.ix_(cols, cols)]


def joined_emissions(
    crf: np.ndarray,
    labels,
    net: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
    weight: float,
    o_penalty: float,
    spans,
) -> np.ndarray:
    """A CRF's emissions [row, label] plus ``weight`` times the network's ([row, TAGS]),
    with the network's start and end scores at the first and last token of each sentence
    (``spans``: its first row and its length), less ``o_penalty`` on O."""
    cols = label_columns(labels)
    em = crf + weight * net[:, cols]
    for first, n in spans:
        if n:
            em[first] += weight * start[cols]
            em[first + n - 1] += weight * end[cols]
    em[:, list(labels).index("O")] -= o_penalty
    return em


def ordered_keys(index: dict[str, int]) -> list[str]:
    """The keys of a row index in row order."""
    return [w for w, _ in sorted(index.items(), key=lambda kv: kv[1])]


def _strings(z, key: str) -> list[str]:
    return z[key].tobytes().decode().split("\n")


class Network:
    """A trained window network and how it joins the CRF."""

    ARRAYS = (
        "char_emb",
        "char_conv",
        "char_bias",
        "window",
        "window_bias",
        "out",
        "out_bias",
        "transitions",
        "start",
        "end",
    )

    def __init__(
        self,
        words: list[str],
        stems: list[str],
        chars: list[str],
        word_vectors: np.ndarray,
        stem_vectors: np.ndarray,
        arrays: dict[str, np.ndarray],
        weight: float,
        o_penalty: float,
        cache_size: int = 200_000,
    ):
        """``words``, ``stems``, ``chars``: the vocabulary from row 2 on (0 padding, 1
        unknown); the vector tables carry those two rows first."""
        self.words = {w: i + 2 for i, w in enumerate(words)}
        self.stems = {s: i + 2 for i, s in enumerate(stems)}
        self.chars = {c: i + 2 for i, c in enumerate(chars)}
        self.word_vectors = word_vectors
        self.stem_vectors = stem_vectors
        self.a = {k: np.asarray(arrays[k], dtype=np.float64) for k in self.ARRAYS}
        self.weight = weight
        self.o_penalty = o_penalty
        self.f32 = {k: self.a[k].astype(np.float32) for k in ("window_bias", "out", "out_bias")}
        self.hidden = self.a["window_bias"].shape[0]
        self.word_width = (
            word_vectors.shape[1] + stem_vectors.shape[1] + self.a["char_bias"].shape[0]
        )
        width = self.word_width + len(GAZ_TAGS)
        # window[(offset, input), hidden] -> per offset: the word's part and the gazetteer's
        blocks = self.a["window"].reshape(2 * WINDOW + 1, width, self.hidden)
        # [d, (k, h)]: a new word's share at every offset in one float32 matrix product
        self.word_blocks = np.ascontiguousarray(
            blocks[:, : self.word_width].transpose(1, 0, 2).reshape(self.word_width, -1)
        ).astype(np.float32)
        self.gaz_blocks = blocks[:, self.word_width :]  # [k, g, h]
        self.cache_size = cache_size
        self._reset()

    def _reset(self) -> None:
        self.rows: dict[str, int] = {START: 0, END: 0}  # padding: zero inputs
        self.table = np.zeros((1024, 2 * WINDOW + 1, self.hidden), dtype=np.float32)
        self.n_rows = 1
        self.gaz_rows: dict[tuple[str, ...], int] = {(): 0}
        self.gaz_table = np.zeros((16, 2 * WINDOW + 1, self.hidden), dtype=np.float32)

    # --- files -------------------------------------------------------------------------

    def save_bytes(self) -> bytes:
        wq, ws = quantize(self.word_vectors)
        sq, ss = quantize(self.stem_vectors)
        buf = io.BytesIO()
        np.savez_compressed(
            buf,
            words=np.frombuffer("\n".join(ordered_keys(self.words)).encode(), dtype=np.uint8),
            stems=np.frombuffer("\n".join(ordered_keys(self.stems)).encode(), dtype=np.uint8),
            chars=np.frombuffer("\n".join(ordered_keys(self.chars)).encode(), dtype=np.uint8),
            word_vectors=wq,
            word_scale=ws,
            stem_vectors=sq,
            stem_scale=ss,
            combine=np.array([self.weight, self.o_penalty], dtype=np.float64),
            **{k: self.a[k].astype(np.float32) for k in self.ARRAYS},
        )
        return buf.getvalue()

    @classmethod
    def load(cls, source) -> Network:
        with np.load(source, allow_pickle=False) as z:
            words = z["word_vectors"].astype(np.float32) * z["word_scale"][:, None]
            stems = z["stem_vectors"].astype(np.float32) * z["stem_scale"][:, None]
            weight, o_penalty = z["combine"].tolist()
            return cls(
                _strings(z, "words"),
                _strings(z, "stems"),
                _strings(z, "chars"),
                words,
                stems,
                {k: z[k] for k in cls.ARRAYS},
                weight,
                o_penalty,
            )

    # --- scores ------------------------------------------------------------------------

    def word_inputs(self, words: list[str]) -> np.ndarray:
        """[word, input] of normalized words: word vector, stem vector, character CNN."""
        pairs = [word_forms(w) for w in words]
        wv = self.word_vectors[[self.words.get(w, UNK) for w, _ in pairs]]
        sv = self.stem_vectors[[self.stems.get(s, UNK) for _, s in pairs]]
        return np.concatenate([wv, sv, self._char_cnn(words)], axis=1)

    def _char_cnn(self, words: list[str]) -> np.ndarray:
        """[word, filter]: the CNN over each word's ``MAX_CHARS`` letter slots as training
        lays them out (empty slots read the padding letter's row, the slots' two ends zero),
        max-pooled over the word's letters (-1 for a word without any)."""
        ids = np.zeros((len(words), MAX_CHARS), dtype=np.intp)
        for i, w in enumerate(words):
            r = char_rows(w, self.chars)
            ids[i, : len(r)] = r
        e = np.pad(self.a["char_emb"][ids], ((0, 0), (1, 1), (0, 0)))
        windows = np.concatenate([e[:, :-2], e[:, 1:-1], e[:, 2:]], axis=2)
        h = np.tanh(windows @ self.a["char_conv"] + self.a["char_bias"])
        return np.where((ids > 0)[..., None], h, -1.0).max(axis=1)

    def _word_rows(self, words: list[str]) -> list[int]:
        rows = self.rows
        out, new = [], []
        for w in words:
            r = rows.get(w)
            if r is None:
                r = rows[w] = self.n_rows
                self.n_rows += 1
                new.append(w)
            out.append(r)
        if new:
            if self.n_rows > self.cache_size:  # bounded memory on endless new words
                self._reset()
                return self._word_rows(words)
            if self.n_rows > len(self.table):
                grown = np.zeros(
                    (max(self.n_rows, 2 * len(self.table)), *self.table.shape[1:]), dtype=np.float32
                )
                grown[: len(self.table)] = self.table
                self.table = grown
            x = self.word_inputs(new).astype(np.float32)
            self.table[self.n_rows - len(new) : self.n_rows] = (x @ self.word_blocks).reshape(
                len(new), 2 * WINDOW + 1, self.hidden
            )
        return out

    def _gaz_row(self, tags: tuple[str, ...]) -> int:
        r = self.gaz_rows.get(tags)
        if r is None:
            r = self.gaz_rows[tags] = len(self.gaz_rows)
            if r >= len(self.gaz_table):
                grown = np.zeros(
                    (2 * len(self.gaz_table), *self.gaz_table.shape[1:]), dtype=np.float32
                )
                grown[:r] = self.gaz_table[:r]
                self.gaz_table = grown
            self.gaz_table[r] = np.einsum("g,kgh->kh", gaz_vector(tags), self.gaz_blocks)
        return r

    def emissions(self, sentences: list[list[str]], gtags) -> np.ndarray:
        """Scores [row, TAGS] of all sentences stacked as ``_Scorer.emissions`` stacks
        them: each sentence padded with two START and two END words, so a sentence starts
        four rows after the previous one ends (its ``starts``), and the rows between are
        padding, never decoded."""
        flat: list[str] = []
        gflat: list[int] = []
        for words, tags in zip(sentences, gtags, strict=True):
            flat += [*([START] * WINDOW), *words, *([END] * WINDOW)]
            gflat += [0] * WINDOW + [self._gaz_row(t) for t in tags] + [0] * WINDOW
        rows = np.array(self._word_rows(flat))  # may grow the table: index it afterwards
        gaz = np.array(gflat)
        m = len(flat) - 2 * WINDOW
        # one gather per offset of just that offset's rows; float32, as trained
        z = self.table[rows[:m], 0]  # a copy
        for k in range(1, 2 * WINDOW + 1):
            z += self.table[rows[k : k + m], k]
        tagged = np.flatnonzero(gaz)  # most tokens carry no gazetteer tag: row 0, zeros
        for k in range(2 * WINDOW + 1):
            at = tagged - k
            at = at[(at >= 0) & (at < m)]
            z[at] += self.gaz_table[gaz[at + k], k]
        z += self.f32["window_bias"]
        return (np.tanh(z) @ self.f32["out"] + self.f32["out_bias"]).astype(np.float64)
