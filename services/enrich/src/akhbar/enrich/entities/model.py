"""The trained CRF as plain arrays, and a fast labeller built on it.

Training uses CRFsuite; its weights are exported into one compressed ``.npz`` (labels,
label-transition matrix, attribute names, attribute-by-label weights). Inference is done
here with numpy: per distinct word, the weights of all its attributes at every offset are
summed once and cached, a sentence's emission scores are a handful of shifted array
additions, and Viterbi decodes them. The result is identical to CRFsuite's tagger (a unit
test checks this) at a fraction of the cost.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np

from .features import END, GAZ_OFFSETS, OFFSETS, START, gaz_attributes, word_attributes
from .gazetteer import Gazetteer


class CrfWeights:
    """Labels, transitions[from, to] and one weight row per attribute name."""

    def __init__(
        self, labels: list[str], transitions: np.ndarray, attributes: list[str], weights: np.ndarray
    ):
        self.labels = labels
        self.transitions = transitions.astype(np.float64)
        self.index = {a: i for i, a in enumerate(attributes)}
        self.attributes = attributes
        self.weights = weights.astype(np.float64)

    @classmethod
    def from_crfsuite(cls, tagger) -> CrfWeights:
        info = tagger.info()
        labels = list(tagger.labels())
        pos = {lab: i for i, lab in enumerate(labels)}
        trans = np.zeros((len(labels), len(labels)))
        for (a, b), w in info.transitions.items():
            trans[pos[a], pos[b]] = w
        attrs: dict[str, int] = {}
        rows: list[tuple[int, int, float]] = []
        for (attr, lab), w in info.state_features.items():
            rows.append((attrs.setdefault(attr, len(attrs)), pos[lab], w))
        weights = np.zeros((len(attrs), len(labels)))
        for r, c, w in rows:
            weights[r, c] = w
        return cls(labels, trans, list(attrs), weights)

    def save(self, path: Path) -> None:
        buf = io.BytesIO()
        np.savez_compressed(
            buf,
            labels=np.frombuffer("\n".join(self.labels).encode(), dtype=np.uint8),
            attributes=np.frombuffer("\n".join(self.attributes).encode(), dtype=np.uint8),
            transitions=self.transitions.astype(np.float32),
            weights=self.weights.astype(np.float32),
        )
        path.write_bytes(buf.getvalue())

    @classmethod
    def load(cls, source) -> CrfWeights:
        with np.load(source, allow_pickle=False) as z:
            labels = z["labels"].tobytes().decode().split("\n")
            attributes = z["attributes"].tobytes().decode().split("\n")
            return cls(labels, z["transitions"], attributes, z["weights"])

    def score(self, attributes: list[str]) -> np.ndarray:
        """Sum of the weight rows of the known ``attributes``."""
        rows = [self.index[a] for a in attributes if a in self.index]
        if not rows:
            return np.zeros(len(self.labels))
        return self.weights[rows].sum(axis=0)

    def score_groups(self, groups: list[list[str]]) -> np.ndarray:
        """One ``score`` row per group of attributes, in a single gather (new words are
        scored once each, so this is the cold-cache cost of the labeller)."""
        index = self.index
        rows: list[int] = []
        owner: list[int] = []
        for g, attrs in enumerate(groups):
            for a in attrs:
                r = index.get(a)
                if r is not None:
                    rows.append(r)
                    owner.append(g)
        out = np.zeros((len(groups), len(self.labels)))
        if rows:
            np.add.at(out, owner, self.weights[rows])
        return out


def viterbi(emissions: np.ndarray, transitions: np.ndarray) -> list[int]:
    """Best label path for emissions[token, label] under transitions[from, to]."""
    return viterbi_batch(emissions[None], np.array([emissions.shape[0]]), transitions)[0]


def viterbi_batch(
    emissions: np.ndarray, lengths: np.ndarray, transitions: np.ndarray
) -> list[list[int]]:
    """Best paths of several sentences at once: emissions[sentence, token, label], zero-padded.

    One numpy step per token position instead of per token: the sentences of an article
    are decoded together, which is where most of the labelling time would otherwise go.
    """
    n_sent, n_tok, n_lab = emissions.shape
    if n_tok == 0:
        return [[] for _ in range(n_sent)]
    delta = emissions[:, 0].copy()
    back = np.empty((n_sent, n_tok, n_lab), dtype=np.intp)
    keep = np.broadcast_to(np.arange(n_lab), (n_sent, n_lab))
    for t in range(1, n_tok):
        cand = delta[:, :, None] + transitions
        best = cand.argmax(axis=1)
        score = cand.max(axis=1) + emissions[:, t]
        active = (t < lengths)[:, None]
        delta = np.where(active, score, delta)
        back[:, t] = np.where(active, best, keep)
    ends = delta.argmax(axis=1).tolist()
    back_l = back.tolist()
    paths = []
    for s, n in enumerate(lengths.tolist()):
        if n == 0:
            paths.append([])
            continue
        path = [ends[s]]
        rows = back_l[s]
        for t in range(n - 1, 0, -1):
            path.append(rows[t][path[-1]])
        path.reverse()
        paths.append(path)
    return paths


class Tagger:
    """Labels sentences of normalized words with a ``CrfWeights`` and a ``Gazetteer``."""

    def __init__(self, weights: CrfWeights, gazetteer: Gazetteer, cache_size: int = 200_000):
        self.weights = weights
        self.gazetteer = gazetteer
        self._word_cache: dict[str, np.ndarray] = {}
        self._gaz_cache: dict[tuple[str, ...], np.ndarray] = {}
        self._cache_size = cache_size
        self._zero_gaz = np.zeros((len(GAZ_OFFSETS), len(weights.labels)))
        self.common_words = frozenset(w for w, c in gazetteer.vocab.items() if c == "c")

    def _word(self, word: str) -> np.ndarray:
        vec = self._word_cache.get(word)
        if vec is None:
            if len(self._word_cache) >= self._cache_size:
                self._word_cache.clear()  # bounded memory on endless streams of new words
            vec = self.weights.score_groups(word_attributes(word, self.gazetteer))
            self._word_cache[word] = vec
        return vec

    def _gaz(self, tags: tuple[str, ...]) -> np.ndarray:
        if not tags:
            return self._zero_gaz
        vec = self._gaz_cache.get(tags)
        if vec is None:
            vec = self.weights.score_groups(gaz_attributes(tags))
            self._gaz_cache[tags] = vec
        return vec

    def emissions(self, words: list[str]) -> np.ndarray:
        """Emission scores[token, label] of one sentence of normalized words."""
        return self._emissions_many([words])[0]

    def _emissions_many(self, sentences: list[list[str]]) -> list[np.ndarray]:
        # All sentences side by side, each padded with two START and two END words, so
        # every offset's contribution is one shifted slice of one stacked array.
        flat: list[str] = []
        gflat: list[tuple[str, ...]] = []
        starts = []
        for words in sentences:
            starts.append(len(flat) + 2)
            flat += [START, START, *words, END, END]
            gflat += [(), (), *self.gazetteer.match(words), (), ()]
        w = np.stack([self._word(x) for x in flat])
        g = np.stack([self._gaz(t) for t in gflat])
        m = len(flat) - 4
        em = np.zeros((m, len(self.weights.labels)))
        for k, o in enumerate(OFFSETS):
            em += w[2 + o : 2 + o + m, k]
        for k, o in enumerate(GAZ_OFFSETS):
            em += g[2 + o : 2 + o + m, k]
        return [em[s - 2 : s - 2 + len(words)] for s, words in zip(starts, sentences, strict=True)]

    def tag(self, words: list[str]) -> list[str]:
        """BIO labels of a sentence of normalized words."""
        return self.tag_many([words])[0]

    def tag_many(self, sentences: list[list[str]]) -> list[list[str]]:
        """BIO labels of each sentence (decoded together, see ``viterbi_batch``)."""
        if not any(sentences):
            return [[] for _ in sentences]
        ems = self._emissions_many(sentences)
        lengths = np.array([len(x) for x in sentences])
        padded = np.zeros((len(sentences), int(lengths.max()), len(self.weights.labels)))
        for i, e in enumerate(ems):
            padded[i, : len(e)] = e
        labels = self.weights.labels
        return [
            [labels[i] for i in path]
            for path in viterbi_batch(padded, lengths, self.weights.transitions)
        ]
